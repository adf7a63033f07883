import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/record-audit";
import { recordTimeline } from "../timeline/record-timeline";
import { StageChangedMeanwhile } from "./close-stages-not-needed";

/**
 * Restarts stages that were closed "not needed" (with the case, or by a re-planning) as new work: not
 * started, with a new clock counted from `now` (`clockStartedAt`), the given due time and a new
 * escalation round. The stage must still read as closed with `closingReason`; one that changed
 * meanwhile throws `StageChangedMeanwhile`, so the caller's transaction rolls back. The earlier ending
 * stays on the timeline and in the audit log: nothing is deleted. In the caller's transaction.
 */
export async function restartStages(
  tx: Prisma.TransactionClient,
  actor: Actor,
  personId: string,
  restarts: { stageId: string; closingReason: string; dueAt: Date }[],
  now: Date,
  text: string,
) {
  for (const { stageId, closingReason, dueAt } of restarts) {
    const { count } = await tx.stage.updateMany({
      where: { id: stageId, personId, state: "NOT_NEEDED", closingReason },
      data: {
        state: "NOT_STARTED",
        startedAt: null,
        completedAt: null,
        pausedAt: null,
        pausedMs: 0,
        closingReason: null,
        clockStartedAt: now,
        dueAt,
        clockRound: { increment: 1 },
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new StageChangedMeanwhile();
    await recordTimeline(tx, actor, { personId, stageId, kind: "STAGE_RESUMED", text, occurredAt: now });
    await recordAudit(tx, actor, { action: "stage.change", entity: "Stage", entityId: stageId, changes: { state: { before: "NOT_NEEDED", after: "NOT_STARTED" } } });
  }
}
