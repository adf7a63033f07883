import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { visiblePeople } from "../access/visibility";
import { recordAudit, type AuditAction } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";

/**
 * A person this user may see in full, for a change to their record, with the columns the change needs.
 * Anyone else's is "not found" (audited as a denied `action`), so a refusal never confirms a person exists.
 */
export async function loadVisiblePerson<S extends Prisma.PersonSelect>(
  db: Pick<Db, "person" | "$executeRaw">,
  actor: Actor,
  personId: string,
  action: AuditAction,
  select: S,
): Promise<Prisma.PersonGetPayload<{ select: S }>> {
  const person = await db.person.findFirst({ where: { AND: [{ id: personId }, visiblePeople(actor)] }, select });
  if (!person) {
    await recordAudit(db, actor, { action, entity: "Person", entityId: personId, outcome: "denied" });
    throw new NotFoundError("Person");
  }
  return person as Prisma.PersonGetPayload<{ select: S }>;
}
