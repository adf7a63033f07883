import "server-only";
import { agencyDisplayName } from "@/domain/agencies/agency-details";
import { clockInputOf } from "@/domain/pathway/clock";
import { personDisplayName } from "@/domain/person-name";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { visiblePeople } from "../access/visibility";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { PERSON_CLOCK_SELECT, REFERRAL_PARTIES_SELECT, STAGE_CLOCK_SELECT } from "../pathway/clock-select";
import { NotFoundError } from "../errors";

/**
 * One referral, for the agency that made it or the agency it was made to (anyone else: not found).
 * The receiving agency answers it from this view.
 */
export async function getReferral(db: Db, actor: Actor, referralId: string) {
  await requirePermission(db, actor, "person.view", { entity: "Referral", entityId: referralId });
  const referral = await db.referral.findFirst({
    where: {
      id: referralId,
      OR: [{ fromAgencyId: actor.agencyId }, { toAgencyId: actor.agencyId }],
      stage: { person: visiblePeople(actor) },
    },
    select: {
      id: true,
      state: true,
      message: true,
      createdAt: true,
      answeredAt: true,
      answerReason: true,
      toAgencyId: true,
      ...REFERRAL_PARTIES_SELECT,
      stage: {
        select: {
          id: true,
          ...STAGE_CLOCK_SELECT,
          templateStage: { select: { title: true, description: true } },
          person: {
            select: {
              id: true,
              caseReference: true,
              ageGroup: true,
              identity: { select: { name: true, description: true } },
              ...PERSON_CLOCK_SELECT,
            },
          },
        },
      },
    },
  });
  if (!referral) {
    await recordAudit(db, actor, { action: "person.view", entity: "Referral", entityId: referralId, outcome: "denied" });
    throw new NotFoundError("Referral");
  }
  const person = referral.stage.person;
  await recordAudit(db, actor, { action: "person.view", entity: "Person", entityId: person.id });
  return {
    id: referral.id,
    state: referral.state,
    message: referral.message,
    createdAt: referral.createdAt,
    answeredAt: referral.answeredAt,
    answerReason: referral.answerReason,
    fromAgencyName: agencyDisplayName(referral.fromAgency),
    toAgencyName: agencyDisplayName(referral.toAgency),
    referredByName: referral.referredBy.name,
    answeredByName: referral.answeredBy?.name ?? null,
    canAnswer: referral.state === "PENDING" && referral.toAgencyId === actor.agencyId,
    stage: {
      id: referral.stage.id,
      title: referral.stage.templateStage.title,
      description: referral.stage.templateStage.description,
      clock: clockInputOf(referral.stage, person.rescue.occurredAt),
    },
    person: { id: person.id, caseReference: person.caseReference, ageGroup: person.ageGroup, displayName: personDisplayName(person.identity) },
    atRiskPercent: person.template.atRiskPercent,
  };
}

export type ReferralView = Awaited<ReturnType<typeof getReferral>>;
