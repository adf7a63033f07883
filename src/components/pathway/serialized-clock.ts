import type { ClockInput } from "@/domain/pathway/clock";

/** A stage clock as it crosses from server to browser (dates as epoch milliseconds). */
export type SerializedClock = {
  state: ClockInput["state"];
  t0: number;
  dueAt: number;
  completedAt: number | null;
  pausedAt: number | null;
  pausedMs: number;
};

export function serializeClock(clock: ClockInput): SerializedClock {
  return {
    state: clock.state,
    t0: clock.t0.getTime(),
    dueAt: clock.dueAt.getTime(),
    completedAt: clock.completedAt?.getTime() ?? null,
    pausedAt: clock.pausedAt?.getTime() ?? null,
    pausedMs: clock.pausedMs,
  };
}

export function deserializeClock(clock: SerializedClock): ClockInput {
  return {
    state: clock.state,
    t0: new Date(clock.t0),
    dueAt: new Date(clock.dueAt),
    completedAt: clock.completedAt === null ? null : new Date(clock.completedAt),
    pausedAt: clock.pausedAt === null ? null : new Date(clock.pausedAt),
    pausedMs: clock.pausedMs,
  };
}
