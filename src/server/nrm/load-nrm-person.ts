import "server-only";
import type { AuditAction } from "../audit/record-audit";
import type { Actor } from "../access/actor";
import { visiblePeople } from "../access/visibility";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";

/**
 * The person a consent, NRM or Duty to Notify use case works on, found only through the visibility
 * rule (not found otherwise, and the attempt audited as denied), with what those rules check: age
 * group, the day of rescue, whether the case is closed, current consent decisions and the referral.
 */
export async function loadNrmPerson(db: Db, actor: Actor, personId: string | undefined, action: AuditAction) {
  const person = personId
    ? await db.person.findFirst({
        where: { AND: [{ id: personId }, visiblePeople(actor)] },
        select: {
          id: true,
          ageGroup: true,
          gender: true,
          nationalityCode: true,
          exploitationType: true,
          exploitationLocation: true,
          ageAtExploitation: true,
          closedAt: true,
          rescue: { select: { occurredAt: true } },
          consents: {
            where: { supersededAt: null },
            select: { id: true, purpose: true, agencyId: true, given: true, withdrawnOn: true, decidedOn: true },
          },
          nrmReferral: true,
        },
      })
    : null;
  if (!person) {
    await recordAudit(db, actor, { action, entity: "Person", entityId: personId, outcome: "denied" });
    throw new NotFoundError("Person");
  }
  return person;
}

export type NrmPerson = Awaited<ReturnType<typeof loadNrmPerson>>;
