import { describe, expect, it } from "vitest";
import { describeTimelineEntry, formatSinceRescue, timelineTimeMode } from "./timeline-words";
import type { TimelineKind } from "../pathway/timeline-entry";

const by = { actorName: "Demo Council Lead", actorAgencyName: "Teesmoor Council Safeguarding" };
const T0 = new Date("2026-03-29T00:30:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;

describe("describeTimelineEntry", () => {
  it("says who accepted a referral for which stage, as a sentence", () => {
    expect(describeTimelineEntry({ ...by, kind: "REFERRAL_ACCEPTED", stageTitle: "Emergency accommodation" })).toBe(
      "Teesmoor Council Safeguarding accepted the referral for Emergency accommodation",
    );
  });

  it("never shows a raw code, and names the stage for every stage event", () => {
    const kinds: TimelineKind[] = [
      "RESCUE_LOGGED", "STAGE_STARTED", "STAGE_COMPLETED", "STAGE_NOT_NEEDED", "STAGE_DECLINED", "STAGE_PAUSED", "STAGE_RESUMED",
      "NOTE_ADDED", "STAGE_ASSIGNED", "STAGE_REFERRED", "REFERRAL_ACCEPTED", "REFERRAL_DECLINED", "REFERRAL_WITHDRAWN",
      "ACCOMMODATION_RECORDED", "STAGE_MOVED", "DETAILS_CORRECTED", "AGE_ASSESSED", "DEPENDANT_LINKED", "DEPENDANT_UNLINKED", "SAFETY_FLAGS_CHANGED",
      "CONTACT_RECORDED", "CASE_CLOSED", "CASE_REOPENED",
    ];
    const sentences = kinds.map((kind) => describeTimelineEntry({ ...by, kind, stageTitle: "Health check" }));
    for (const sentence of sentences) {
      expect(sentence).not.toMatch(/[A-Z]+_[A-Z]+/);
      expect(sentence).toContain("Teesmoor Council Safeguarding");
    }
    expect(new Set(sentences).size).toBe(kinds.length);
    for (const [i, kind] of kinds.entries()) {
      if (kind.startsWith("STAGE_") || kind.startsWith("REFERRAL_")) expect(sentences[i]).toContain("Health check");
    }
  });

  it("says 'a stage' when the stage is not known, never 'null'", () => {
    expect(describeTimelineEntry({ ...by, kind: "STAGE_STARTED", stageTitle: null })).toBe("Teesmoor Council Safeguarding started a stage");
  });

  it("fails loudly on a kind it has no words for (a database value the code does not know)", () => {
    expect(() => describeTimelineEntry({ ...by, kind: "SOMETHING_NEW" as TimelineKind, stageTitle: null })).toThrow(/no words/);
  });
});

describe("formatSinceRescue", () => {
  it.each([
    [0, "T+0 min"],
    [45 * MIN, "T+45 min"],
    [3 * 60 * MIN + 10 * MIN, "T+3 h 10 min"],
    [4 * 60 * MIN, "T+4 h"],
    [51 * 60 * MIN + 5 * MIN, "T+51 h 5 min"],
    [(3 * 24 + 4) * 60 * MIN, "T+3 d 4 h"],
    [-20 * MIN, "T−20 min"],
  ])("%d ms after the rescue reads %s", (ms, words) => {
    expect(formatSinceRescue(at(ms), T0)).toBe(words);
  });

  it("counts elapsed time, not wall clock, across the change to summer time", () => {
    // 29 Mar 2026 01:00 GMT the clocks go forward: 00:30 GMT to 03:30 BST is 2 hours.
    expect(formatSinceRescue(new Date("2026-03-29T02:30:00Z"), T0)).toBe("T+2 h");
  });
});

describe("timelineTimeMode", () => {
  it("reads only the one value as hours since rescue; anything else is clock time", () => {
    expect(timelineTimeMode("since-rescue")).toBe("since-rescue");
    expect(timelineTimeMode("clock")).toBe("clock");
    expect(timelineTimeMode(["since-rescue"])).toBe("clock");
    expect(timelineTimeMode(undefined)).toBe("clock");
  });
});
