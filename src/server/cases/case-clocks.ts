import { clockInputOf, compareUrgency, isOpen, readClock, type Clock, type ClockInput } from "@/domain/pathway/clock";

type ClockColumns = Omit<ClockInput, "t0">;

/** Open stages, most urgent first (overdue, at risk, due soonest); pathway order breaks ties. */
export function openStagesByUrgency<S extends ClockColumns>(stages: S[], t0: Date, now: Date, atRiskPercent: number) {
  return stages
    .map((stage) => {
      const input = clockInputOf(stage, t0);
      return { stage, input, clock: readClock(input, now, atRiskPercent) };
    })
    .filter(({ clock }) => isOpen(clock))
    .sort((a, b) => compareUrgency(a.clock, b.clock));
}

/** Cases with an open stage first, by their most urgent clock; cases with nothing open last. */
export function compareCaseUrgency(a: Clock | null, b: Clock | null): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return compareUrgency(a, b);
}
