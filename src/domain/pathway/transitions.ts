import type { StageState } from "../types";

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

export type TransitionResult =
  | { ok: true; next: StageSnapshot; event: TimelineKindForStage; text: string | null }
  | { ok: false; refusal: string };

const FINISHED: Partial<Record<StageState, string>> = {
  DONE: "This stage is already done.",
  NOT_NEEDED: "This stage has been marked not needed.",
  DECLINED: "The person declined this stage.",
};

function refuse(refusal: string): TransitionResult {
  return { ok: false, refusal };
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
  const finished = FINISHED[stage.state];
  if (finished) return refuse(finished);

  switch (action.type) {
    case "start":
      if (stage.state === "IN_PROGRESS") return refuse("This stage is already in progress.");
      if (stage.state === "PAUSED") return refuse("This stage is paused: resume it instead.");
      return { ok: true, next: { ...stage, state: "IN_PROGRESS", startedAt: now }, event: "STAGE_STARTED", text: null };

    case "complete": {
      if (stage.state === "PAUSED") return refuse("Resume this stage before completing it.");
      const outcome = action.outcome.trim();
      if (!outcome) return refuse("Enter the outcome.");
      return {
        ok: true,
        next: { ...stage, state: "DONE", startedAt: stage.startedAt ?? now, completedAt: now },
        event: "STAGE_COMPLETED",
        text: outcome,
      };
    }

    case "not_needed":
    case "decline": {
      const reason = action.reason.trim();
      if (!reason) return refuse("Enter the reason.");
      const state = action.type === "not_needed" ? "NOT_NEEDED" : "DECLINED";
      return {
        ok: true,
        next: { ...stage, ...endPause(stage, now), state, completedAt: now, closingReason: reason },
        event: action.type === "not_needed" ? "STAGE_NOT_NEEDED" : "STAGE_DECLINED",
        text: reason,
      };
    }

    case "pause": {
      if (stage.state === "PAUSED") return refuse("This stage is already paused.");
      const reason = action.reason.trim();
      if (!reason) return refuse("Enter the reason for pausing.");
      return { ok: true, next: { ...stage, state: "PAUSED", pausedAt: now }, event: "STAGE_PAUSED", text: reason };
    }

    case "resume":
      if (stage.state !== "PAUSED") return refuse("This stage is not paused.");
      return {
        ok: true,
        next: { ...stage, ...endPause(stage, now), state: stage.startedAt ? "IN_PROGRESS" : "NOT_STARTED" },
        event: "STAGE_RESUMED",
        text: null,
      };
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
