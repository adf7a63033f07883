import { describe, expect, it } from "vitest";
import { MS } from "../time/duration";
import type { StageState } from "../types";
import { CHECK_THE_ANSWERS, fieldRefused } from "../result";
import { TEXT_REQUIRED, transition, type StageAction, type StageSnapshot, type TransitionResult } from "./transitions";

const { MINUTE, HOUR } = MS;

const T0 = new Date("2026-03-04T10:00:00Z");
const at = (msAfterT0: number) => new Date(T0.getTime() + msAfterT0);
const NOW = at(2 * HOUR);

function snapshot(overrides: Partial<StageSnapshot> = {}): StageSnapshot {
  return { state: "NOT_STARTED", startedAt: null, completedAt: null, pausedAt: null, pausedMs: 0, closingReason: null, ...overrides };
}
const notStarted = () => snapshot();
const inProgress = () => snapshot({ state: "IN_PROGRESS", startedAt: at(30 * MINUTE) });
const pausedAfterStart = () =>
  snapshot({ state: "PAUSED", startedAt: at(30 * MINUTE), pausedAt: at(1 * HOUR), pausedMs: 0 });
const pausedBeforeStart = () => snapshot({ state: "PAUSED", pausedAt: at(1 * HOUR) });
const done = () => snapshot({ state: "DONE", startedAt: at(30 * MINUTE), completedAt: at(1 * HOUR) });
const notNeeded = () => snapshot({ state: "NOT_NEEDED", completedAt: at(1 * HOUR), closingReason: "Has own GP" });
const declined = () => snapshot({ state: "DECLINED", completedAt: at(1 * HOUR), closingReason: "Does not want it" });

/** Unwraps an allowed transition, failing the test with the refusal otherwise. */
function allowed(result: TransitionResult) {
  if (!result.ok) throw new Error(`expected the transition to be allowed, was refused: ${result.code} ${result.formError}`);
  return result.data;
}

const ALL_ACTIONS: StageAction[] = [
  { type: "start" },
  { type: "complete", outcome: "Seen by triage nurse" },
  { type: "not_needed", reason: "Already registered" },
  { type: "decline", reason: "Does not want it" },
  { type: "pause", reason: "Asleep" },
  { type: "resume" },
];

describe("start", () => {
  it("starts a stage not yet started", () => {
    expect(transition(notStarted(), { type: "start" }, NOW)).toEqual({
      ok: true,
      data: {
        next: snapshot({ state: "IN_PROGRESS", startedAt: NOW }),
        event: "STAGE_STARTED",
        text: null,
      },
    });
  });

  it("refuses a stage already in progress", () => {
    expect(transition(inProgress(), { type: "start" }, NOW)).toEqual({
      ok: false,
      code: "wrong-state",
      formError: "This stage is already in progress.",
      fieldErrors: {},
    });
  });

  it("refuses a paused stage, pointing to resume", () => {
    expect(transition(pausedAfterStart(), { type: "start" }, NOW)).toEqual({
      ok: false,
      code: "wrong-state",
      formError: "This stage is paused: resume it instead.",
      fieldErrors: {},
    });
  });
});

describe("complete", () => {
  it("completes a stage in progress, keeping when it started, with the trimmed outcome as the text", () => {
    expect(transition(inProgress(), { type: "complete", outcome: "  Seen by triage nurse \n" }, NOW)).toEqual({
      ok: true,
      data: {
        next: snapshot({ state: "DONE", startedAt: at(30 * MINUTE), completedAt: NOW }),
        event: "STAGE_COMPLETED",
        text: "Seen by triage nurse",
      },
    });
  });

  it("completes a stage never started, treating it as started now", () => {
    const result = allowed(transition(notStarted(), { type: "complete", outcome: "Placed in safehouse" }, NOW));
    expect(result.next).toEqual(snapshot({ state: "DONE", startedAt: NOW, completedAt: NOW }));
  });

  it("keeps paused time already folded in, so the clock can tell how late it was", () => {
    const resumedOnce = snapshot({ state: "IN_PROGRESS", startedAt: at(0), pausedMs: 40 * MINUTE });
    const result = allowed(transition(resumedOnce, { type: "complete", outcome: "Done" }, NOW));
    expect(result.next.pausedMs).toBe(40 * MINUTE);
    expect(result.next.pausedAt).toBeNull();
  });

  it.each(["", "   ", "\n\t"])("refuses a blank outcome (%j)", (outcome) => {
    expect(transition(inProgress(), { type: "complete", outcome }, NOW)).toEqual({
      ok: false,
      code: "invalid-input",
      formError: CHECK_THE_ANSWERS,
      fieldErrors: { text: "Enter the outcome" },
    });
  });

  it("refuses a paused stage", () => {
    expect(transition(pausedAfterStart(), { type: "complete", outcome: "Seen" }, NOW)).toEqual({
      ok: false,
      code: "wrong-state",
      formError: "Resume this stage before completing it.",
      fieldErrors: {},
    });
  });
});

describe("not needed and decline", () => {
  it.each([
    ["not_needed", "NOT_NEEDED", "STAGE_NOT_NEEDED"],
    ["decline", "DECLINED", "STAGE_DECLINED"],
  ] as const)("%s closes a stage not yet started, with the trimmed reason", (type, state, event) => {
    expect(transition(notStarted(), { type, reason: "  Has an interpreter already " }, NOW)).toEqual({
      ok: true,
      data: {
        next: snapshot({ state, completedAt: NOW, closingReason: "Has an interpreter already" }),
        event,
        text: "Has an interpreter already",
      },
    });
  });

  it.each([
    ["not_needed", "NOT_NEEDED"],
    ["decline", "DECLINED"],
  ] as const)("%s closes a stage in progress, keeping when it started", (type, state) => {
    const result = allowed(transition(inProgress(), { type, reason: "Reason" }, NOW));
    expect(result.next).toEqual(
      snapshot({ state, startedAt: at(30 * MINUTE), completedAt: NOW, closingReason: "Reason" }),
    );
  });

  it("declining while paused folds the running pause into the paused total", () => {
    // paused at 1 h, declined at 2 h 20 min: 1 h 20 min paused, on top of 15 min from an earlier pause
    const paused = snapshot({ state: "PAUSED", startedAt: at(0), pausedAt: at(1 * HOUR), pausedMs: 15 * MINUTE });
    const result = allowed(transition(paused, { type: "decline", reason: "Wants to go home" }, at(2 * HOUR + 20 * MINUTE)));
    expect(result.next).toEqual({
      state: "DECLINED",
      startedAt: at(0),
      completedAt: at(2 * HOUR + 20 * MINUTE),
      pausedAt: null,
      pausedMs: 15 * MINUTE + 1 * HOUR + 20 * MINUTE,
      closingReason: "Wants to go home",
    });
    expect(result.event).toBe("STAGE_DECLINED");
  });

  it("marking not needed while paused also folds the running pause in", () => {
    const result = allowed(transition(pausedBeforeStart(), { type: "not_needed", reason: "Moved area" }, at(3 * HOUR)));
    expect(result.next.state).toBe("NOT_NEEDED");
    expect(result.next.pausedAt).toBeNull();
    expect(result.next.pausedMs).toBe(2 * HOUR);
  });

  it.each(["not_needed", "decline"] as const)("%s refuses a blank reason", (type) => {
    expect(transition(inProgress(), { type, reason: "  " }, NOW)).toEqual(fieldRefused("text", TEXT_REQUIRED[type]!));
    expect(transition(inProgress(), { type, reason: "" }, NOW)).toEqual(fieldRefused("text", TEXT_REQUIRED[type]!));
  });
});

describe("pause", () => {
  it("pauses a stage in progress, recording when, with the trimmed reason as the text", () => {
    expect(transition(inProgress(), { type: "pause", reason: " In A&E " }, NOW)).toEqual({
      ok: true,
      data: {
        next: snapshot({ state: "PAUSED", startedAt: at(30 * MINUTE), pausedAt: NOW }),
        event: "STAGE_PAUSED",
        text: "In A&E",
      },
    });
  });

  it("pauses a stage not yet started", () => {
    const result = allowed(transition(notStarted(), { type: "pause", reason: "Asleep" }, NOW));
    expect(result.next).toEqual(snapshot({ state: "PAUSED", pausedAt: NOW }));
  });

  it("refuses a blank reason", () => {
    expect(transition(inProgress(), { type: "pause", reason: " " }, NOW)).toEqual({
      ok: false,
      code: "invalid-input",
      formError: CHECK_THE_ANSWERS,
      fieldErrors: { text: TEXT_REQUIRED.pause },
    });
  });

  it("refuses a stage already paused, without restarting the pause", () => {
    expect(transition(pausedAfterStart(), { type: "pause", reason: "Asleep" }, NOW)).toEqual({
      ok: false,
      code: "wrong-state",
      formError: "This stage is already paused.",
      fieldErrors: {},
    });
  });
});

describe("resume", () => {
  it("returns a stage paused after it started to in progress, adding the paused time", () => {
    expect(transition(pausedAfterStart(), { type: "resume" }, at(1 * HOUR + 25 * MINUTE))).toEqual({
      ok: true,
      data: {
        next: snapshot({ state: "IN_PROGRESS", startedAt: at(30 * MINUTE), pausedAt: null, pausedMs: 25 * MINUTE }),
        event: "STAGE_RESUMED",
        text: null,
      },
    });
  });

  it("returns a stage paused before it started to not started", () => {
    const result = allowed(transition(pausedBeforeStart(), { type: "resume" }, at(2 * HOUR)));
    expect(result.next).toEqual(snapshot({ state: "NOT_STARTED", pausedAt: null, pausedMs: 1 * HOUR }));
  });

  it.each<[string, () => StageSnapshot]>([
    ["not started", notStarted],
    ["in progress", inProgress],
  ])("refuses a stage that is %s", (_label, make) => {
    expect(transition(make(), { type: "resume" }, NOW)).toEqual({ ok: false, code: "wrong-state", formError: "This stage is not paused.", fieldErrors: {} });
  });

  it("never adds negative paused time if the clock reads earlier than the pause", () => {
    const result = allowed(transition(pausedAfterStart(), { type: "resume" }, at(50 * MINUTE)));
    expect(result.next.pausedMs).toBe(0);
  });
});

describe("pausing twice", () => {
  it("accumulates paused time across two pauses", () => {
    let s = inProgress(); // started at 30 min
    s = allowed(transition(s, { type: "pause", reason: "In A&E" }, at(1 * HOUR))).next;
    s = allowed(transition(s, { type: "resume" }, at(1 * HOUR + 40 * MINUTE))).next;
    expect(s.pausedMs).toBe(40 * MINUTE);
    s = allowed(transition(s, { type: "pause", reason: "Asleep" }, at(3 * HOUR))).next;
    expect(s).toEqual(
      snapshot({ state: "PAUSED", startedAt: at(30 * MINUTE), pausedAt: at(3 * HOUR), pausedMs: 40 * MINUTE }),
    );
    s = allowed(transition(s, { type: "resume" }, at(5 * HOUR + 5 * MINUTE))).next;
    expect(s).toEqual(
      snapshot({ state: "IN_PROGRESS", startedAt: at(30 * MINUTE), pausedAt: null, pausedMs: 40 * MINUTE + 2 * HOUR + 5 * MINUTE }),
    );
    s = allowed(transition(s, { type: "complete", outcome: "Seen" }, at(6 * HOUR))).next;
    expect(s).toEqual(
      snapshot({ state: "DONE", startedAt: at(30 * MINUTE), completedAt: at(6 * HOUR), pausedMs: 2 * HOUR + 45 * MINUTE }),
    );
  });
});

describe("finished stages cannot change", () => {
  const finished: [StageState, () => StageSnapshot, string][] = [
    ["DONE", done, "This stage is already done."],
    ["NOT_NEEDED", notNeeded, "This stage has been marked not needed."],
    ["DECLINED", declined, "The person declined this stage."],
  ];

  for (const [state, make, refusal] of finished) {
    it.each(ALL_ACTIONS.map((a) => [a.type, a] as const))(`a ${state} stage refuses %s with "${refusal}"`, (_type, action) => {
      expect(transition(make(), action, NOW)).toEqual({ ok: false, code: "finished", formError: refusal, fieldErrors: {} });
    });
  }
});

describe("transition does not change its input", () => {
  it.each(ALL_ACTIONS.map((a) => [a.type, a] as const))("%s leaves the given snapshot as it was", (_type, action) => {
    const before = pausedAfterStart();
    const given = pausedAfterStart();
    transition(given, action, NOW);
    expect(given).toEqual(before);
    const started = inProgress();
    transition(started, action, NOW);
    expect(started).toEqual(inProgress());
  });
});
