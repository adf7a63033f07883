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
 * Closes open stages "not needed" because the pathway itself changed (an age reassessment), whoever
 * owns them: the stage rules (`transition`) still decide, each stage is version-checked (a stage that
 * changed meanwhile throws `StageChangedMeanwhile`, so the caller's transaction rolls back), a referral
 * waiting on it is withdrawn, and each gets its timeline entry and audit row. In the caller's transaction.
 */
export async function closeStagesNotNeeded(tx: Prisma.TransactionClient, actor: Actor, closes: { stageId: string; reason: string }[], now: Date) {
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
    await tx.referral.updateMany({ where: { stageId: stage.id, state: "PENDING" }, data: { state: "WITHDRAWN", answeredAt: now } });
    await recordTimeline(tx, actor, { personId: stage.personId, stageId: stage.id, kind: event, text, occurredAt: now });
    await recordAudit(tx, actor, { action: "stage.change", entity: "Stage", entityId: stage.id });
  }
}
