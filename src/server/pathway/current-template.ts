import "server-only";
import type { Db } from "../db/create-client";

type Tx = Pick<Db, "pathwayTemplate">;

/** The partnership's newest pathway version: new people start on it, and keep it for life. */
export async function getCurrentTemplate(db: Tx, partnershipId: string) {
  const template = await db.pathwayTemplate.findFirst({
    where: { partnershipId },
    orderBy: { version: "desc" },
    include: { stages: { orderBy: { sortOrder: "asc" } } },
  });
  if (!template) throw new Error(`Partnership ${partnershipId} has no pathway template`);
  return template;
}
