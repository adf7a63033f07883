import { z } from "zod";
import { typedText } from "@/domain/input/text";
import { wholeNumber } from "@/domain/input/whole-number";
import { mayChangeStage } from "@/domain/access/permissions";
import {
  completionTextWithDecision,
  NRM_CONSENT_STAGE_KEY,
  NRM_DECISION_MISSING,
  NRM_DECISIONS,
  nrmDecisionFor,
} from "@/domain/pathway/nrm-decision";
import { transition, type StageAction } from "@/domain/pathway/transitions";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { visiblePeople } from "../access/visibility";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { publishChangesAfterCommit } from "../live/publish";
import { invalid, ok, refused, type Result } from "../result";

const NOTE_MAX = 2000;

export const changeStageSchema = z
  .object({
    stageId: z.string().uuid("Stage not found"),
    version: wholeNumber("Reload the page and try again: the form is out of date"),
    action: z.enum(["start", "complete", "not_needed", "decline", "pause", "resume"], {
      error: "Select what you want to do",
    }),
    text: typedText({ multiline: true }).trim().max(NOTE_MAX, `Enter ${NOTE_MAX} characters or fewer`).optional().default(""),
    // Only the NRM consent decision stage takes one, when it is marked as done (see nrmDecisionFor).
    nrmDecision: z.preprocess((value) => (value === "" ? undefined : value), z.enum(NRM_DECISIONS, { error: NRM_DECISION_MISSING }).optional()),
  })
  .superRefine((value, ctx) => {
    const needs: Record<string, string> = {
      complete: "Enter the outcome",
      not_needed: "Enter why this stage is not needed",
      decline: "Enter what the person said, or why they declined",
      pause: "Enter why the stage is paused, for example ‘in A&E’",
    };
    if (needs[value.action] && !value.text) ctx.addIssue({ code: "custom", path: ["text"], message: needs[value.action]! });
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

/**
 * When the form is invalid for another reason (say, no outcome) and completes the NRM consent stage
 * without a decision, that is said at the same time rather than on the next try. Only a stage this
 * user may see is looked at, and only to read its key.
 */
async function missingDecisionAlongside(db: Db, actor: Actor, rawInput: unknown): Promise<string | undefined> {
  const loose = z
    .object({ stageId: z.uuid(), action: z.literal("complete"), nrmDecision: z.literal("").optional() })
    .safeParse(rawInput);
  if (!loose.success) return undefined;
  const stage = await db.stage.findFirst({
    where: { id: loose.data.stageId, person: visiblePeople(actor) },
    select: { templateStage: { select: { key: true } } },
  });
  return stage?.templateStage.key === NRM_CONSENT_STAGE_KEY ? NRM_DECISION_MISSING : undefined;
}

function withMissingDecision<T>(result: Result<T>, message: string | undefined): Result<T> {
  if (result.ok || !message) return result;
  return { ...result, fieldErrors: { ...result.fieldErrors, nrmDecision: result.fieldErrors.nrmDecision ?? message } };
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
  if (!parsed.success) return withMissingDecision(invalid(parsed.error), await missingDecisionAlongside(db, actor, rawInput));
  const input = parsed.data;

  const stage = await db.stage.findFirst({
    where: { id: input.stageId, person: visiblePeople(actor) },
    include: { templateStage: true, ownerAgency: true },
  });
  if (!stage) {
    await recordAudit(db, actor, { action: "stage.change", entity: "Stage", entityId: input.stageId, outcome: "denied" });
    throw new NotFoundError("Stage");
  }

  if (!mayChangeStage(actor, stage)) {
    await recordAudit(db, actor, { action: "stage.change", entity: "Stage", entityId: stage.id, outcome: "denied" });
    return refused(`Only ${stage.ownerAgency.name} can change this stage.`);
  }

  const result = transition(stage, toAction(input.action, input.text), now);
  if (!result.ok) return refused(result.refusal);
  const decision = nrmDecisionFor(stage.templateStage.key, input.action, input.nrmDecision);
  if (!decision.ok) return refused("There is a problem: check the highlighted answers.", { nrmDecision: decision.message });
  if (stage.version !== input.version) {
    return refused("Someone else updated this stage while you were looking at it. Check the latest details and try again.");
  }

  const saved = await db.$transaction(async (tx) => {
    const { count } = await tx.stage.updateMany({
      where: { id: stage.id, version: stage.version },
      data: {
        state: result.next.state,
        startedAt: result.next.startedAt,
        completedAt: result.next.completedAt,
        pausedAt: result.next.pausedAt,
        pausedMs: result.next.pausedMs,
        closingReason: result.next.closingReason,
        ...(decision.decision ? { nrmDecision: decision.decision } : {}),
        version: { increment: 1 },
      },
    });
    if (count === 0) return false;
    await tx.timelineEvent.create({
      data: {
        personId: stage.personId,
        stageId: stage.id,
        kind: result.event,
        text: completionTextWithDecision(result.text, decision.decision),
        actorId: actor.id,
        actorAgencyId: actor.agencyId,
        actorRole: actor.role,
        occurredAt: now,
      },
    });
    await recordAudit(tx, actor, { action: "stage.change", entity: "Stage", entityId: stage.id });
    return true;
  });
  if (!saved) {
    return refused("Someone else updated this stage while you were looking at it. Check the latest details and try again.");
  }
  await publishChangesAfterCommit(db, [stage.personId]);
  return ok({ personId: stage.personId, stageTitle: stage.templateStage.title, state: result.next.state });
}
