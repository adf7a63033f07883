import { fieldRefused, ok, refused, type Result } from "../result";
import type { StageState } from "../types";
import { finishedStageMessage } from "./stage-work";
import { isFinishedStageState } from "./stage-states";

export type StageSnapshot = {
  state: StageState;
  startedAt: Date | null;
  completedAt: Date | null;
  pausedAt: Date | null;
  pausedMs: number;
  closingReason: string | null;
};

export type StageAction =
  | { type: "start" }
  | { type: "complete"; outcome: string }
  | { type: "not_needed"; reason: string }
  | { type: "decline"; reason: string }
  | { type: "pause"; reason: string }
  | { type: "resume" };

export type TimelineKindForStage =
  | "STAGE_STARTED"
  | "STAGE_COMPLETED"
  | "STAGE_NOT_NEEDED"
  | "STAGE_DECLINED"
  | "STAGE_PAUSED"
  | "STAGE_RESUMED";

export type Transition = { next: StageSnapshot; event: TimelineKindForStage; text: string | null };
export type TransitionResult = Result<Transition>;

/** What each action needs written, in the words the form shows next to the text box. */
export const TEXT_REQUIRED: Partial<Record<StageAction["type"], string>> = {
  complete: "Enter the outcome",
  not_needed: "Enter why this stage is not needed",
  decline: "Enter what the person said, or why they declined",
  pause: "Enter why the stage is paused, for example ‘in A&E’",
};

function wrongState(message: string): TransitionResult {
  return refused("wrong-state", message);
}

function textMissing(type: StageAction["type"]): TransitionResult {
  return fieldRefused("text", TEXT_REQUIRED[type]!);
}

/** Folds a running pause into the paused total, so the clock stops counting it from now on. */
function endPause(stage: StageSnapshot, now: Date): Pick<StageSnapshot, "pausedAt" | "pausedMs"> {
  if (!stage.pausedAt) return { pausedAt: null, pausedMs: stage.pausedMs };
  return { pausedAt: null, pausedMs: stage.pausedMs + Math.max(0, now.getTime() - stage.pausedAt.getTime()) };
}

/**
 * The pathway's stage rules. A stage can be started, completed with an outcome, marked not needed or
 * declined (reason required), or paused and resumed (reason required to pause). Finished stages
 * do not change.
 */
export function transition(stage: StageSnapshot, action: StageAction, now: Date): TransitionResult {
  if (isFinishedStageState(stage.state)) return refused("finished", finishedStageMessage(stage.state));

  switch (action.type) {
    case "start":
      if (stage.state === "IN_PROGRESS") return wrongState("This stage is already in progress.");
      if (stage.state === "PAUSED") return wrongState("This stage is paused: resume it instead.");
      return ok({ next: { ...stage, state: "IN_PROGRESS", startedAt: now }, event: "STAGE_STARTED", text: null });

    case "complete": {
      if (stage.state === "PAUSED") return wrongState("Resume this stage before completing it.");
      const outcome = action.outcome.trim();
      if (!outcome) return textMissing(action.type);
      return ok({ next: { ...stage, state: "DONE", startedAt: stage.startedAt ?? now, completedAt: now }, event: "STAGE_COMPLETED", text: outcome });
    }

    case "not_needed":
    case "decline": {
      const reason = action.reason.trim();
      if (!reason) return textMissing(action.type);
      const state = action.type === "not_needed" ? "NOT_NEEDED" : "DECLINED";
      return ok({
        next: { ...stage, ...endPause(stage, now), state, completedAt: now, closingReason: reason },
        event: action.type === "not_needed" ? "STAGE_NOT_NEEDED" : "STAGE_DECLINED",
        text: reason,
      });
    }

    case "pause": {
      if (stage.state === "PAUSED") return wrongState("This stage is already paused.");
      const reason = action.reason.trim();
      if (!reason) return textMissing(action.type);
      return ok({ next: { ...stage, state: "PAUSED", pausedAt: now }, event: "STAGE_PAUSED", text: reason });
    }

    case "resume":
      if (stage.state !== "PAUSED") return wrongState("This stage is not paused.");
      return ok({ next: { ...stage, ...endPause(stage, now), state: stage.startedAt ? "IN_PROGRESS" : "NOT_STARTED" }, event: "STAGE_RESUMED", text: null });
  }
}

export type StageActionType = StageAction["type"];

const ACTION_ORDER: StageActionType[] = ["start", "complete", "resume", "pause", "not_needed", "decline"];

/** The actions the stage rules allow from this state, derived from `transition` itself. */
export function availableActions(stage: StageSnapshot, now: Date): StageActionType[] {
  return ACTION_ORDER.filter((type) => {
    const probe: StageAction =
      type === "complete" ? { type, outcome: "x" } : type === "start" || type === "resume" ? { type } : { type, reason: "x" };
    return transition(stage, probe, now).ok;
  });
}
