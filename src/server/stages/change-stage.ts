import "server-only";
import { z } from "zod";
import { typedText } from "@/domain/input/text";
import { wholeNumber } from "@/domain/input/whole-number";
import { completionTextWithDecision, NRM_DECISION_MISSING, NRM_DECISIONS, nrmDecisionFor } from "@/domain/pathway/nrm-decision";
import { staleStageRefused } from "@/domain/pathway/stage-work";
import { transition, type StageAction } from "@/domain/pathway/transitions";
import { invalid, ok, type Result } from "@/domain/result";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { publishChangesAfterCommit } from "../live/publish";
import { recordTimeline } from "../timeline/record-timeline";
import { loadWorkableStage } from "./load-workable-stage";

const NOTE_MAX = 2000;

export const changeStageSchema = z.object({
  stageId: z.string().uuid("Stage not found"),
  version: wholeNumber("Reload the page and try again: the form is out of date"),
  action: z.enum(["start", "complete", "not_needed", "decline", "pause", "resume"], {
    error: "Select what you want to do",
  }),
  // Whether an action needs text is the pathway's rule (transition), not the form's.
  text: typedText({ multiline: true }).trim().max(NOTE_MAX, `Enter ${NOTE_MAX} characters or fewer`).optional().default(""),
  // Only the NRM consent decision stage takes one, when it is marked as done (see nrmDecisionFor).
  nrmDecision: z.preprocess((value) => (value === "" ? undefined : value), z.enum(NRM_DECISIONS, { error: NRM_DECISION_MISSING }).optional()),
});

function toAction(action: z.output<typeof changeStageSchema>["action"], text: string): StageAction {
  switch (action) {
    case "complete":
      return { type: "complete", outcome: text };
    case "not_needed":
    case "decline":
    case "pause":
      return { type: action, reason: text };
    case "start":
    case "resume":
      return { type: action };
  }
}

export type ChangedStage = { personId: string; stageTitle: string; state: string };

/**
 * Moves a stage on (start, complete, not needed, declined, pause, resume). Only the owning agency may
 * change a stage; a stage on a person this user cannot see is "not found". The change is refused if
 * someone else changed the stage since the form was shown (version check), so nothing is overwritten.
 */
export async function changeStage(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<ChangedStage>> {
  await requirePermission(db, actor, "stage.update", { entity: "Stage", entityId: idFromInput(rawInput, "stageId") });
  const parsed = changeStageSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;

  const loaded = await loadWorkableStage(db, actor, input.stageId, "change", "stage.change");
  if (!loaded.ok) return loaded;
  const { stage } = loaded;

  const result = transition(stage, toAction(input.action, input.text), now);
  const decision = nrmDecisionFor(stage.templateStage.key, input.action, input.nrmDecision);
  // A missing outcome and a missing NRM decision are said together, not one submit after the other.
  if (!result.ok && !decision.ok && result.code === "invalid-input") {
    return { ...result, fieldErrors: { ...result.fieldErrors, ...decision.fieldErrors } };
  }
  if (!result.ok) return result;
  if (!decision.ok) return decision;
  if (stage.version !== input.version) return staleStageRefused();
  const { next, event, text } = result.data;

  const saved = await db.$transaction(async (tx) => {
    const { count } = await tx.stage.updateMany({
      where: { id: stage.id, version: stage.version },
      data: {
        state: next.state,
        startedAt: next.startedAt,
        completedAt: next.completedAt,
        pausedAt: next.pausedAt,
        pausedMs: next.pausedMs,
        closingReason: next.closingReason,
        ...(decision.data ? { nrmDecision: decision.data } : {}),
        version: { increment: 1 },
      },
    });
    if (count === 0) return false;
    await recordTimeline(tx, actor, { personId: stage.personId, stageId: stage.id, kind: event, text: completionTextWithDecision(text, decision.data), occurredAt: now });
    await recordAudit(tx, actor, { action: "stage.change", entity: "Stage", entityId: stage.id });
    return true;
  });
  if (!saved) return staleStageRefused();
  await publishChangesAfterCommit(db, [stage.personId]);
  return ok({ personId: stage.personId, stageTitle: stage.templateStage.title, state: next.state });
}
