import { describe, expect, it } from "vitest";
import { MS } from "../time/duration";
import { CLOCK_TAGS, compareUrgency, describeClock, isOpen, readClock, type Clock, type ClockInput } from "./clock";
import { transition, type StageSnapshot } from "./transitions";

const { MINUTE, HOUR } = MS;
const AT_RISK = 75;

// Rescue at 10:00 UTC on 4 March 2026; a 4-hour target, due at 14:00.
const T0 = new Date("2026-03-04T10:00:00Z");
const DUE = new Date("2026-03-04T14:00:00Z");
const at = (msAfterT0: number) => new Date(T0.getTime() + msAfterT0);

function stage(overrides: Partial<ClockInput> = {}): ClockInput {
  return { state: "NOT_STARTED", t0: T0, dueAt: DUE, completedAt: null, pausedAt: null, pausedMs: 0, ...overrides };
}

describe("readClock: open stages", () => {
  it("is due with the time left early in the target", () => {
    expect(readClock(stage(), at(1 * HOUR), AT_RISK)).toEqual({ kind: "due", leftMs: 3 * HOUR, dueAt: DUE });
  });

  it("reads the same for a stage in progress as for one not started", () => {
    expect(readClock(stage({ state: "IN_PROGRESS" }), at(1 * HOUR), AT_RISK)).toEqual(
      readClock(stage({ state: "NOT_STARTED" }), at(1 * HOUR), AT_RISK),
    );
  });

  it("is due, not at risk, one millisecond before 75% of the target is used", () => {
    expect(readClock(stage(), at(3 * HOUR - 1), AT_RISK)).toEqual({ kind: "due", leftMs: 1 * HOUR + 1, dueAt: DUE });
  });

  it("is at risk exactly when 75% of the target is used", () => {
    expect(readClock(stage(), at(3 * HOUR), AT_RISK)).toEqual({ kind: "at_risk", leftMs: 1 * HOUR, dueAt: DUE });
  });

  it("is still at risk one millisecond before the due time", () => {
    expect(readClock(stage(), at(4 * HOUR - 1), AT_RISK)).toEqual({ kind: "at_risk", leftMs: 1, dueAt: DUE });
  });

  it("is overdue at the due time itself", () => {
    const clock = readClock(stage(), DUE, AT_RISK);
    if (clock.kind !== "overdue") throw new Error(`expected overdue, got ${clock.kind}`);
    expect(clock.dueAt).toEqual(DUE);
    expect(Math.abs(clock.overdueByMs)).toBe(0); // the code negates a zero leftMs, giving -0
    expect(describeClock(clock)).toBe("Overdue by less than 1 min");
  });

  it("is overdue after the due time, by how much", () => {
    expect(readClock(stage(), at(6 * HOUR + 10 * MINUTE), AT_RISK)).toEqual({
      kind: "overdue",
      overdueByMs: 2 * HOUR + 10 * MINUTE,
      dueAt: DUE,
    });
  });

  it("uses the threshold it is given", () => {
    expect(readClock(stage(), at(2 * HOUR), 50).kind).toBe("at_risk");
    expect(readClock(stage(), at(2 * HOUR), 51).kind).toBe("due");
  });

  it("moves the due time later by time already spent paused", () => {
    const clock = readClock(stage({ state: "IN_PROGRESS", pausedMs: 30 * MINUTE }), at(3 * HOUR), AT_RISK);
    // 3 h elapsed, 30 min of it paused: 2 h 30 min used of 4 h, so not yet at risk.
    expect(clock).toEqual({ kind: "due", leftMs: 1 * HOUR + 30 * MINUTE, dueAt: at(4 * HOUR + 30 * MINUTE) });
  });

  it("measures the at-risk share against the original target, not the extended one", () => {
    const paused = stage({ state: "IN_PROGRESS", pausedMs: 1 * HOUR });
    expect(readClock(paused, at(4 * HOUR - 1), AT_RISK).kind).toBe("due");
    expect(readClock(paused, at(4 * HOUR), AT_RISK)).toEqual({
      kind: "at_risk",
      leftMs: 1 * HOUR,
      dueAt: at(5 * HOUR),
    });
  });
});

describe("readClock: paused stages", () => {
  const pausedAtOneHour = stage({ state: "PAUSED", pausedAt: at(1 * HOUR) });

  it("shows the time left as it was when the pause began", () => {
    expect(readClock(pausedAtOneHour, at(1 * HOUR), AT_RISK)).toEqual({
      kind: "paused",
      leftMs: 3 * HOUR,
      dueAt: DUE,
    });
  });

  it("freezes the clock: time left does not shrink while paused", () => {
    const later = readClock(pausedAtOneHour, at(3 * HOUR), AT_RISK);
    const muchLater = readClock(pausedAtOneHour, at(30 * HOUR), AT_RISK);
    expect(later).toEqual({ kind: "paused", leftMs: 3 * HOUR, dueAt: at(6 * HOUR) });
    expect(muchLater).toEqual({ kind: "paused", leftMs: 3 * HOUR, dueAt: at(33 * HOUR) });
  });

  it("is paused, not overdue, even when the pause runs past the original due time", () => {
    expect(readClock(pausedAtOneHour, at(5 * HOUR), AT_RISK).kind).toBe("paused");
  });

  it("keeps a stage that was already overdue when paused showing the overdue time, frozen", () => {
    const pausedWhenOverdue = stage({ state: "PAUSED", pausedAt: at(5 * HOUR) });
    expect(readClock(pausedWhenOverdue, at(7 * HOUR), AT_RISK)).toEqual({
      kind: "paused",
      leftMs: -1 * HOUR,
      dueAt: at(6 * HOUR),
    });
  });

  it("after resume, the due time has moved later by exactly the time paused", () => {
    const started: StageSnapshot = {
      state: "IN_PROGRESS",
      startedAt: at(0),
      completedAt: null,
      pausedAt: null,
      pausedMs: 0,
      closingReason: null,
    };
    const paused = transition(started, { type: "pause", reason: "In A&E" }, at(1 * HOUR));
    if (!paused.ok) throw new Error(paused.code);
    const resumed = transition(paused.data.next, { type: "resume" }, at(2 * HOUR + 15 * MINUTE));
    if (!resumed.ok) throw new Error(resumed.code);

    const clock = readClock({ ...resumed.data.next, t0: T0, dueAt: DUE }, at(2 * HOUR + 15 * MINUTE), AT_RISK);
    expect(clock).toEqual({ kind: "due", leftMs: 3 * HOUR, dueAt: at(5 * HOUR + 15 * MINUTE) });

    // The clock runs again after resume: 4 h 15 min after T0, 3 h of the 4 h target are used.
    const later = readClock({ ...resumed.data.next, t0: T0, dueAt: DUE }, at(4 * HOUR + 15 * MINUTE), AT_RISK);
    expect(later).toEqual({ kind: "at_risk", leftMs: 1 * HOUR, dueAt: at(5 * HOUR + 15 * MINUTE) });
  });

  it("adds an earlier pause and the running one together", () => {
    const secondPause = stage({ state: "PAUSED", pausedMs: 30 * MINUTE, pausedAt: at(2 * HOUR) });
    expect(readClock(secondPause, at(3 * HOUR), AT_RISK)).toEqual({
      kind: "paused",
      leftMs: 2 * HOUR + 30 * MINUTE,
      dueAt: at(5 * HOUR + 30 * MINUTE),
    });
  });
});

describe("readClock: finished stages", () => {
  it("is done within target, with the time taken", () => {
    const done = stage({ state: "DONE", completedAt: at(3 * HOUR + 20 * MINUTE) });
    expect(readClock(done, at(50 * HOUR), AT_RISK)).toEqual({
      kind: "done",
      takenMs: 3 * HOUR + 20 * MINUTE,
      lateByMs: 0,
    });
  });

  it("is done within target when completed exactly at the due time", () => {
    expect(readClock(stage({ state: "DONE", completedAt: DUE }), at(50 * HOUR), AT_RISK)).toEqual({
      kind: "done",
      takenMs: 4 * HOUR,
      lateByMs: 0,
    });
  });

  it("is done late, by how much", () => {
    const done = stage({ state: "DONE", completedAt: at(5 * HOUR + 45 * MINUTE) });
    expect(readClock(done, at(50 * HOUR), AT_RISK)).toEqual({
      kind: "done",
      takenMs: 5 * HOUR + 45 * MINUTE,
      lateByMs: 1 * HOUR + 45 * MINUTE,
    });
  });

  it("does not count paused time as late", () => {
    const done = stage({ state: "DONE", pausedMs: 2 * HOUR, completedAt: at(5 * HOUR) });
    expect(readClock(done, at(50 * HOUR), AT_RISK)).toEqual({ kind: "done", takenMs: 5 * HOUR, lateByMs: 0 });
  });

  it("does not change as time passes after completion", () => {
    const done = stage({ state: "DONE", completedAt: at(2 * HOUR) });
    expect(readClock(done, at(3 * HOUR), AT_RISK)).toEqual(readClock(done, at(300 * HOUR), AT_RISK));
  });

  it.each(["NOT_NEEDED", "DECLINED"] as const)("is closed for a stage marked %s, whatever the time", (state) => {
    expect(readClock(stage({ state, completedAt: at(1 * HOUR) }), at(10 * HOUR), AT_RISK)).toEqual({
      kind: "closed",
      state,
    });
  });
});

describe("describeClock", () => {
  it.each<[string, Clock, string]>([
    ["due", { kind: "due", leftMs: 3 * HOUR + 5 * MINUTE, dueAt: DUE }, "3 h 5 min left"],
    ["at risk", { kind: "at_risk", leftMs: 45 * MINUTE, dueAt: DUE }, "At risk: 45 min left"],
    ["at risk, seconds left", { kind: "at_risk", leftMs: 30_000, dueAt: DUE }, "At risk: less than 1 min left"],
    ["overdue", { kind: "overdue", overdueByMs: 2 * HOUR + 10 * MINUTE, dueAt: DUE }, "Overdue by 2 h 10 min"],
    ["overdue by days", { kind: "overdue", overdueByMs: 26 * HOUR, dueAt: DUE }, "Overdue by 1 d 2 h"],
    ["paused with time left", { kind: "paused", leftMs: 90 * MINUTE, dueAt: DUE }, "Paused with 1 h 30 min left"],
    ["paused when overdue", { kind: "paused", leftMs: -20 * MINUTE, dueAt: DUE }, "Paused, overdue by 20 min"],
    ["paused at the due time", { kind: "paused", leftMs: 0, dueAt: DUE }, "Paused, overdue by less than 1 min"],
    ["done in time", { kind: "done", takenMs: 3 * HOUR, lateByMs: 0 }, "Done in 3 h, within target"],
    ["done late", { kind: "done", takenMs: 5 * HOUR + 45 * MINUTE, lateByMs: 105 * MINUTE }, "Done in 5 h 45 min (1 h 45 min late)"],
    ["not needed", { kind: "closed", state: "NOT_NEEDED" }, "Not needed"],
    ["declined", { kind: "closed", state: "DECLINED" }, "Declined by the person"],
  ])("%s", (_label, clock, text) => {
    expect(describeClock(clock)).toBe(text);
  });

  it("describes a stage read 2 h 10 min after its due time as overdue by 2 h 10 min", () => {
    expect(describeClock(readClock(stage(), at(6 * HOUR + 10 * MINUTE), AT_RISK))).toBe("Overdue by 2 h 10 min");
  });
});

describe("CLOCK_TAGS and isOpen", () => {
  it("has a plain-words tag for every kind of clock", () => {
    expect(CLOCK_TAGS).toEqual({
      due: "On track",
      at_risk: "At risk",
      overdue: "Overdue",
      paused: "Paused",
      done: "Done",
      closed: "Closed",
    });
  });

  it("treats due, at risk, overdue and paused as open; done and closed as not", () => {
    expect(isOpen({ kind: "due", leftMs: 1, dueAt: DUE })).toBe(true);
    expect(isOpen({ kind: "at_risk", leftMs: 1, dueAt: DUE })).toBe(true);
    expect(isOpen({ kind: "overdue", overdueByMs: 1, dueAt: DUE })).toBe(true);
    expect(isOpen({ kind: "paused", leftMs: 1, dueAt: DUE })).toBe(true);
    expect(isOpen({ kind: "done", takenMs: 1, lateByMs: 0 })).toBe(false);
    expect(isOpen({ kind: "closed", state: "DECLINED" })).toBe(false);
  });
});

describe("compareUrgency", () => {
  const clocks: Record<string, Clock> = {
    dueIn3h: { kind: "due", leftMs: 3 * HOUR, dueAt: DUE },
    dueIn20h: { kind: "due", leftMs: 20 * HOUR, dueAt: DUE },
    closed: { kind: "closed", state: "NOT_NEEDED" },
    overdue10min: { kind: "overdue", overdueByMs: 10 * MINUTE, dueAt: DUE },
    paused2h: { kind: "paused", leftMs: 2 * HOUR, dueAt: DUE },
    atRisk50min: { kind: "at_risk", leftMs: 50 * MINUTE, dueAt: DUE },
    done: { kind: "done", takenMs: HOUR, lateByMs: 0 },
    overdue3h: { kind: "overdue", overdueByMs: 3 * HOUR, dueAt: DUE },
    atRisk5min: { kind: "at_risk", leftMs: 5 * MINUTE, dueAt: DUE },
    pausedOverdue: { kind: "paused", leftMs: -1 * HOUR, dueAt: DUE },
  };

  it("sorts overdue (most overdue first), at risk (least left first), due (soonest first), paused, then finished", () => {
    const sorted = Object.entries(clocks)
      .sort(([, a], [, b]) => compareUrgency(a, b))
      .map(([name]) => name);
    expect(sorted).toEqual([
      "overdue3h",
      "overdue10min",
      "atRisk5min",
      "atRisk50min",
      "dueIn3h",
      "dueIn20h",
      "pausedOverdue",
      "paused2h",
      "done",
      "closed",
    ]);
  });

  it("gives the same order whatever the starting order", () => {
    const names = Object.keys(clocks);
    const sortNames = (list: string[]) => [...list].sort((a, b) => compareUrgency(clocks[a]!, clocks[b]!));
    expect(sortNames([...names].reverse())).toEqual(sortNames(names));
  });

  it("treats two finished clocks as equally urgent", () => {
    expect(compareUrgency(clocks.done!, { kind: "done", takenMs: 9 * HOUR, lateByMs: 5 * HOUR })).toBe(0);
    expect(compareUrgency({ kind: "closed", state: "DECLINED" }, clocks.closed!)).toBe(0);
  });

  it("puts an overdue stage before an at-risk one however little it is overdue", () => {
    expect(compareUrgency({ kind: "overdue", overdueByMs: 0, dueAt: DUE }, clocks.atRisk5min!)).toBeLessThan(0);
  });
});
