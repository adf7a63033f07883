import { formatDuration } from "../time/duration";
import type { StageState } from "../types";

export type ClockInput = {
  state: StageState;
  t0: Date;
  dueAt: Date;
  completedAt: Date | null;
  pausedAt: Date | null;
  pausedMs: number;
};

export type Clock =
  | { kind: "due"; leftMs: number; dueAt: Date }
  | { kind: "at_risk"; leftMs: number; dueAt: Date }
  | { kind: "overdue"; overdueByMs: number; dueAt: Date }
  | { kind: "paused"; leftMs: number; dueAt: Date }
  | { kind: "done"; takenMs: number; lateByMs: number }
  | { kind: "closed"; state: "NOT_NEEDED" | "DECLINED" };

/**
 * Reads a stage's clock at `now`. Paused time does not count against the target, so the due time
 * moves later by every minute spent paused (including a pause still running).
 */
export function readClock(stage: ClockInput, now: Date, atRiskPercent: number): Clock {
  if (stage.state === "NOT_NEEDED" || stage.state === "DECLINED") return { kind: "closed", state: stage.state };

  const runningPauseMs = stage.pausedAt ? Math.max(0, now.getTime() - stage.pausedAt.getTime()) : 0;
  const dueAt = new Date(stage.dueAt.getTime() + stage.pausedMs + runningPauseMs);

  if (stage.state === "DONE") {
    const completedAt = stage.completedAt ?? now;
    return {
      kind: "done",
      takenMs: completedAt.getTime() - stage.t0.getTime(),
      lateByMs: Math.max(0, completedAt.getTime() - (stage.dueAt.getTime() + stage.pausedMs)),
    };
  }

  const leftMs = dueAt.getTime() - now.getTime();
  if (stage.state === "PAUSED") return { kind: "paused", leftMs, dueAt };
  if (leftMs <= 0) return { kind: "overdue", overdueByMs: 0 - leftMs, dueAt };

  const targetMs = stage.dueAt.getTime() - stage.t0.getTime();
  const usedMs = targetMs - leftMs;
  if (usedMs >= (targetMs * atRiskPercent) / 100) return { kind: "at_risk", leftMs, dueAt };
  return { kind: "due", leftMs, dueAt };
}

export const CLOCK_TAGS: Record<Clock["kind"], string> = {
  due: "On track",
  at_risk: "At risk",
  overdue: "Overdue",
  paused: "Paused",
  done: "Done",
  closed: "Closed",
};

/** Plain words for a clock: never colour alone. */
export function describeClock(clock: Clock): string {
  switch (clock.kind) {
    case "due":
      return `${formatDuration(clock.leftMs)} left`;
    case "at_risk":
      return `At risk: ${formatDuration(clock.leftMs)} left`;
    case "overdue":
      return `Overdue by ${formatDuration(clock.overdueByMs)}`;
    case "paused":
      return clock.leftMs > 0
        ? `Paused with ${formatDuration(clock.leftMs)} left`
        : `Paused, overdue by ${formatDuration(-clock.leftMs)}`;
    case "done":
      return clock.lateByMs > 0
        ? `Done in ${formatDuration(clock.takenMs)} (${formatDuration(clock.lateByMs)} late)`
        : `Done in ${formatDuration(clock.takenMs)}, within target`;
    case "closed":
      return clock.state === "NOT_NEEDED" ? "Not needed" : "Declined by the person";
  }
}

const URGENCY: Record<Clock["kind"], number> = { overdue: 0, at_risk: 1, due: 2, paused: 3, done: 4, closed: 5 };

/** Orders clocks by what needs attention first: overdue (longest first), at risk, due soonest. */
export function compareUrgency(a: Clock, b: Clock): number {
  const rank = URGENCY[a.kind] - URGENCY[b.kind];
  if (rank !== 0) return rank;
  if (a.kind === "overdue" && b.kind === "overdue") return b.overdueByMs - a.overdueByMs;
  if ("leftMs" in a && "leftMs" in b) return a.leftMs - b.leftMs;
  return 0;
}

export function isOpen(clock: Clock): boolean {
  return clock.kind !== "done" && clock.kind !== "closed";
}

/**
 * A stored stage and its person's rescue time, as the clock reads them. A stage restarted when its
 * case was reopened counts from its own `clockStartedAt` instead of the rescue.
 */
export function clockInputOf(
  stage: Pick<ClockInput, "state" | "dueAt" | "completedAt" | "pausedAt" | "pausedMs"> & { clockStartedAt?: Date | null },
  t0: Date,
): ClockInput {
  return {
    state: stage.state,
    t0: stage.clockStartedAt ?? t0,
    dueAt: stage.dueAt,
    completedAt: stage.completedAt,
    pausedAt: stage.pausedAt,
    pausedMs: stage.pausedMs,
  };
}

/** A person's open stages, most urgent first (overdue, at risk, due soonest); pathway order breaks ties. */
export function openStagesByUrgency<S extends Omit<ClockInput, "t0"> & { clockStartedAt?: Date | null }>(stages: S[], t0: Date, now: Date, atRiskPercent: number) {
  return stages
    .map((stage) => {
      const input = clockInputOf(stage, t0);
      return { stage, input, clock: readClock(input, now, atRiskPercent) };
    })
    .filter(({ clock }) => isOpen(clock))
    .sort((a, b) => compareUrgency(a.clock, b.clock));
}

/** People with an open stage first, by their most urgent clock; people with nothing open last. */
export function comparePersonUrgency(a: Clock | null, b: Clock | null): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return compareUrgency(a, b);
}
