import "server-only";
import { agencyDisplayName } from "@/domain/agencies/agency-details";
import type { Actor } from "../access/actor";
import { visiblePeople } from "../access/visibility";
import type { Db } from "../db/create-client";
import { REFERRAL_PARTIES_SELECT } from "../pathway/clock-select";
import { NotFoundError } from "../errors";
import { roleHasPermission } from "@/domain/access/permissions";
import { mayWorkOnStage, type StageForWork } from "@/domain/pathway/stage-work";
import { referralTargetsQuery } from "./referral-targets";
import type { Prisma } from "@/generated/prisma/client";

/**
 * Who holds a stage and where it has been referred, with what this actor may do about it: claim,
 * assign (leads), refer. Read alongside the person's pathway, which is where the view is audited.
 */
export async function getStageWork(db: Db, actor: Actor, stageId: string) {
  // Read with the stage, in its one statement, for a role that may assign or refer at all: the staff
  // of the actor's own agency (none unless it owns the stage) and the agencies a referral can go to.
  const nobody = { id: { in: [] } };
  const assignableWhere: Prisma.UserWhereInput = roleHasPermission(actor.role, "stage.assign")
    ? { agencyId: actor.agencyId, active: true, role: { in: ["CASEWORKER", "AGENCY_LEAD"] } }
    : nobody;
  const targets = referralTargetsQuery(actor);
  const stage = await db.stage.findFirst({
    where: { id: stageId, person: visiblePeople(actor) },
    select: {
      id: true,
      state: true,
      ownerAgencyId: true,
      assigneeId: true,
      assignedAt: true,
      assignee: { select: { name: true } },
      person: { select: { closedAt: true } },
      ownerAgency: {
        select: {
          users: { where: assignableWhere, select: { id: true, name: true }, orderBy: { name: "asc" } },
          partnership: { select: { agencies: { ...targets, where: roleHasPermission(actor.role, "stage.refer") ? targets.where : nobody } } },
        },
      },
      referrals: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          state: true,
          createdAt: true,
          answeredAt: true,
          answerReason: true,
          fromAgencyId: true,
          ...REFERRAL_PARTIES_SELECT,
        },
      },
    },
  });
  if (!stage) throw new NotFoundError("Stage");
  const forWork: StageForWork = { state: stage.state, ownerAgencyId: stage.ownerAgencyId, caseClosed: stage.person.closedAt !== null };
  const pending = stage.referrals.find((referral) => referral.state === "PENDING") ?? null;
  const canAssign = mayWorkOnStage(actor, forWork, "assign");
  const canRefer = mayWorkOnStage(actor, forWork, "refer") && !pending;
  // The agency that referred may take a waiting referral back, whatever became of the stage since.
  const canWithdrawReferral = pending !== null && pending.fromAgencyId === actor.agencyId && roleHasPermission(actor.role, "stage.refer");
  return {
    assigneeId: stage.assigneeId,
    assigneeName: stage.assignee?.name ?? null,
    assignedAt: stage.assignedAt,
    canClaim: mayWorkOnStage(actor, forWork, "claim") && !stage.assigneeId,
    canAssign,
    assignable: canAssign ? stage.ownerAgency.users : [],
    canRefer,
    canWithdrawReferral,
    referralTargets: canRefer ? stage.ownerAgency.partnership.agencies : [],
    pendingReferral: pending,
    referrals: stage.referrals.map((referral) => ({
      id: referral.id,
      state: referral.state,
      createdAt: referral.createdAt,
      answeredAt: referral.answeredAt,
      answerReason: referral.answerReason,
      fromAgencyName: agencyDisplayName(referral.fromAgency),
      toAgencyName: agencyDisplayName(referral.toAgency),
      referredByName: referral.referredBy.name,
      answeredByName: referral.answeredBy?.name ?? null,
    })),
  };
}

export type StageWork = Awaited<ReturnType<typeof getStageWork>>;
