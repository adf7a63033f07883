import "server-only";
import type { Db } from "../db/create-client";

type Tx = Pick<Db, "pathwayTemplate">;

/** An owning agency's open hours, as a working-hours target counts them. */
export const AGENCY_HOURS_SELECT = { officeHoursOnly: true, opensAtMinute: true, closesAtMinute: true } as const;

/**
 * The partnership's newest pathway version: new people start on it, and keep it for life. Each
 * stage comes with its owning agency's open hours as they are now, for targets in working hours.
 */
export async function getCurrentTemplate(db: Tx, partnershipId: string) {
  const template = await db.pathwayTemplate.findFirst({
    where: { partnershipId },
    orderBy: { version: "desc" },
    include: { stages: { orderBy: { sortOrder: "asc" }, include: { ownerAgency: { select: AGENCY_HOURS_SELECT } } } },
  });
  if (!template) throw new Error(`Partnership ${partnershipId} has no pathway template`);
  return template;
}
