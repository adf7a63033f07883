import "server-only";
import { z } from "zod";
import { agencyDisplayName } from "@/domain/agencies/agency-details";
import { wholeNumber } from "@/domain/input/whole-number";
import { fieldRefused, invalid, ok, type Result } from "@/domain/result";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { publishChangesAfterCommit } from "../live/publish";
import { notify } from "../notifications/notify";
import { OPEN_STAGE_WHERE } from "../pathway/stage-filters";
import { recordTimeline } from "../timeline/record-timeline";
import { agencyEditRefusal, loadPartnershipAgency, lockPartnershipAgencies, reloadAgency, type AdminAgency } from "./load-agency";
import { planRetirement, retirementRefused } from "./retirement-plan";

export const retireAgencySchema = z.object({
  agencyId: z.uuid("Agency not found"),
  version: wholeNumber("Reload the page and try again"),
  // Needed only when the agency owns open stages; checked against the plan below.
  moveToAgencyId: z.string().trim().optional().default(""),
});

export type RetiredAgency = { agencyId: string; name: string; movedStages: number; movedTo: { id: string; name: string } | null; declinedReferrals: number; withdrawnReferrals: number };

/**
 * Retires an agency, in one transaction: its open stages move to the active agency the administrator
 * picked (unassigned, version bumped, a timeline entry on each person), referrals waiting for its
 * answer are declined with the reason (the stage stays with the agency that referred it), referrals it
 * made that wait for an answer are withdrawn (the stage's new owner may refer again), and the agency is
 * marked retired: it takes no new work, and its history keeps its name with "(retired)".
 *
 * Refused while the current pathway names it as a stage owner, while it is the last active agency of
 * a kind the partnership needs, or while it has active staff.
 */
export async function retireAgency(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<RetiredAgency>> {
  await requirePermission(db, actor, "admin.manage", { entity: "Agency", entityId: idFromInput(rawInput, "agencyId") });
  const parsed = retireAgencySchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const { agencyId, version, moveToAgencyId } = parsed.data;

  await loadPartnershipAgency(db, actor, agencyId, "agency.retire");
  const outcome = await db.$transaction(async (tx): Promise<Result<RetiredAgency & { personIds: string[] }>> => {
    await lockPartnershipAgencies(tx, actor.partnershipId);
    const agency = await reloadAgency(tx, agencyId);
    const refusal = agencyEditRefusal(agency, version);
    if (refusal) return refusal;
    const plan = await planRetirement(tx, actor, agency);
    const [blocker] = plan.blockers;
    if (blocker) return retirementRefused(agency.name, blocker);

    let target: { id: string; name: string } | null = null;
    if (plan.openStages > 0) {
      target = plan.moveTargets.find((candidate) => candidate.id === moveToAgencyId) ?? null;
      if (!target) return fieldRefused("moveToAgencyId", `Select the agency that takes on ${agency.name}'s open stages`);
    }

    const retiredName = agencyDisplayName({ name: agency.name, retiredAt: now });
    const moved = target ? await moveOpenStages(tx, actor, agency, target, now) : [];
    const declined = await declineReferralsWaitingOn(tx, actor, agency, retiredName, now);
    const withdrawn = await withdrawReferralsMadeBy(tx, actor, agency, now);

    await tx.agency.update({ where: { id: agency.id }, data: { retiredAt: now, version: { increment: 1 } } });
    await recordAudit(tx, actor, {
      action: "agency.retire",
      entity: "Agency",
      entityId: agency.id,
      changes: {
        retiredAt: { before: null, after: now.toISOString() },
        ...(target ? { openStagesMovedTo: { before: agency.id, after: target.id } } : {}),
        movedStages: { before: 0, after: moved.length },
        declinedReferrals: { before: 0, after: declined.length },
        withdrawnReferrals: { before: 0, after: withdrawn.length },
      },
    });
    return ok({
      agencyId: agency.id,
      name: agency.name,
      movedStages: moved.length,
      movedTo: target ? { id: target.id, name: target.name } : null,
      declinedReferrals: declined.length,
      withdrawnReferrals: withdrawn.length,
      personIds: [...moved, ...declined, ...withdrawn],
    });
    // An agency with hundreds of open stages writes a timeline entry and an audit row for each.
  }, { timeout: 60_000 });
  if (!outcome.ok) return outcome;
  const { personIds, ...retired } = outcome.data;
  await publishChangesAfterCommit(db, personIds);
  return ok(retired);
}

/** Each open stage to the new owner, unassigned; the due time never changes. Returns the people whose pathway changed. */
async function moveOpenStages(tx: Prisma.TransactionClient, actor: Actor, from: AdminAgency, to: { id: string; name: string }, now: Date) {
  const stages = await tx.stage.findMany({ where: { ownerAgencyId: from.id, ...OPEN_STAGE_WHERE }, select: { id: true, personId: true } });
  for (const stage of stages) {
    await tx.stage.update({
      where: { id: stage.id },
      data: { ownerAgencyId: to.id, assigneeId: null, assignedAt: null, version: { increment: 1 } },
    });
    await recordTimeline(tx, actor, {
      personId: stage.personId,
      stageId: stage.id,
      kind: "STAGE_MOVED",
      text: `Moved from ${from.name} to ${to.name}: ${from.name} was retired`,
      occurredAt: now,
    });
    await recordAudit(tx, actor, { action: "stage.move", entity: "Stage", entityId: stage.id, changes: { ownerAgencyId: { before: from.id, after: to.id } } });
  }
  return stages.map((stage) => stage.personId);
}

/** Referrals waiting for the retiring agency's answer: declined, so the referring agency may refer elsewhere. */
async function declineReferralsWaitingOn(tx: Prisma.TransactionClient, actor: Actor, agency: AdminAgency, retiredName: string, now: Date) {
  const waiting = await tx.referral.findMany({
    where: { toAgencyId: agency.id, state: "PENDING" },
    select: {
      id: true,
      referredById: true,
      fromAgencyId: true,
      stage: { select: { id: true, personId: true, templateStage: { select: { title: true } }, person: { select: { caseReference: true } } } },
    },
  });
  const reason = `${agency.name} was retired, so it cannot take this on. The stage stays with the agency that referred it.`;
  for (const referral of waiting) {
    await tx.referral.update({ where: { id: referral.id }, data: { state: "DECLINED", answeredAt: now, answeredById: actor.id, answerReason: reason } });
    await recordTimeline(tx, actor, {
      personId: referral.stage.personId,
      stageId: referral.stage.id,
      kind: "REFERRAL_DECLINED",
      text: `Declined: ${reason}`,
      occurredAt: now,
    });
    await recordAudit(tx, actor, { action: "referral.decline", entity: "Referral", entityId: referral.id, changes: { state: { before: "PENDING", after: "DECLINED" } } });
    const leads = await tx.user.findMany({ where: { agencyId: referral.fromAgencyId, active: true, role: "AGENCY_LEAD" }, select: { id: true } });
    await notify(tx, [...new Set([referral.referredById, ...leads.map((lead) => lead.id)])], {
      kind: "REFERRAL_ANSWERED",
      title: `${retiredName} declined ${referral.stage.templateStage.title}`,
      body: `${agency.name} was retired, so the referral of ${referral.stage.templateStage.title} for ${referral.stage.person.caseReference} was declined. The stage is still yours.`,
      href: `/referrals/${referral.id}`,
      dedupeKey: `referral:${referral.id}:answered`,
    });
  }
  return waiting.map((referral) => referral.stage.personId);
}

/** Referrals the retiring agency made that nobody has answered: withdrawn, as the agency that made them would. */
async function withdrawReferralsMadeBy(tx: Prisma.TransactionClient, actor: Actor, agency: AdminAgency, now: Date) {
  const waiting = await tx.referral.findMany({
    where: { fromAgencyId: agency.id, state: "PENDING" },
    select: { id: true, toAgency: { select: { name: true } }, stage: { select: { id: true, personId: true } } },
  });
  for (const referral of waiting) {
    await tx.referral.update({ where: { id: referral.id }, data: { state: "WITHDRAWN", answeredAt: now, answeredById: actor.id } });
    await recordTimeline(tx, actor, {
      personId: referral.stage.personId,
      stageId: referral.stage.id,
      kind: "REFERRAL_WITHDRAWN",
      text: `Referral to ${referral.toAgency.name} withdrawn: ${agency.name} was retired`,
      occurredAt: now,
    });
    await recordAudit(tx, actor, { action: "referral.withdraw", entity: "Referral", entityId: referral.id, changes: { state: { before: "PENDING", after: "WITHDRAWN" } } });
  }
  return waiting.map((referral) => referral.stage.personId);
}
