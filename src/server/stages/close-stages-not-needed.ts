import "server-only";
import { transition } from "@/domain/pathway/transitions";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/record-audit";
import { recordTimeline } from "../timeline/record-timeline";

export class StageChangedMeanwhile extends Error {
  constructor() {
    super("A stage changed while the pathway was being changed");
    this.name = "StageChangedMeanwhile";
  }
}

/**
 * Closes open stages "not needed" because the pathway itself changed (an age reassessment, a corrected
 * interpreter need, the case being closed), whoever owns them: the stage rules (`transition`) still
 * decide, each stage is version-checked (a stage that changed meanwhile throws `StageChangedMeanwhile`,
 * so the caller's transaction rolls back), and each gets its timeline entry and audit row. A referral
 * still waiting on a closed stage is withdrawn, on the timeline ("withdrawn: <withdrawnBecause>") and
 * audited. The one home for this: `closeCase`, `recordAgeAssessment` and `correctPersonDetails` call
 * it. In the caller's transaction.
 */
export async function closeStagesNotNeeded(
  tx: Prisma.TransactionClient,
  actor: Actor,
  closes: { stageId: string; reason: string }[],
  now: Date,
  withdrawnBecause = "the stage is no longer needed",
) {
  for (const { stageId, reason } of closes) {
    const stage = await tx.stage.findUniqueOrThrow({
      where: { id: stageId },
      select: { id: true, personId: true, version: true, state: true, startedAt: true, completedAt: true, pausedAt: true, pausedMs: true, closingReason: true },
    });
    const result = transition(stage, { type: "not_needed", reason }, now);
    if (!result.ok) throw new StageChangedMeanwhile();
    const { next, event, text } = result.data;
    const { count } = await tx.stage.updateMany({
      where: { id: stage.id, version: stage.version },
      data: { state: next.state, completedAt: next.completedAt, pausedAt: next.pausedAt, pausedMs: next.pausedMs, closingReason: next.closingReason, version: { increment: 1 } },
    });
    if (count === 0) throw new StageChangedMeanwhile();
    await recordTimeline(tx, actor, { personId: stage.personId, stageId: stage.id, kind: event, text, occurredAt: now });
    await recordAudit(tx, actor, { action: "stage.change", entity: "Stage", entityId: stage.id, changes: { state: { before: stage.state, after: next.state } } });
  }
  await withdrawWaitingReferrals(tx, actor, closes.map((close) => close.stageId), now, withdrawnBecause);
}

async function withdrawWaitingReferrals(tx: Prisma.TransactionClient, actor: Actor, stageIds: string[], now: Date, because: string) {
  if (stageIds.length === 0) return;
  const waiting = await tx.referral.findMany({
    where: { stageId: { in: stageIds }, state: "PENDING" },
    select: { id: true, stageId: true, toAgency: { select: { name: true } }, stage: { select: { personId: true } } },
  });
  for (const referral of waiting) {
    await tx.referral.update({ where: { id: referral.id }, data: { state: "WITHDRAWN", answeredAt: now, answeredById: actor.id } });
    await recordTimeline(tx, actor, {
      personId: referral.stage.personId,
      stageId: referral.stageId,
      kind: "REFERRAL_WITHDRAWN",
      text: `Referral to ${referral.toAgency.name} withdrawn: ${because}`,
      occurredAt: now,
    });
    await recordAudit(tx, actor, { action: "referral.withdraw", entity: "Referral", entityId: referral.id, changes: { state: { before: "PENDING", after: "WITHDRAWN" } } });
  }
}
