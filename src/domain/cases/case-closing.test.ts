import { describe, expect, it } from "vitest";
import { CASE_CLOSE_REASON_LABELS, CASE_CLOSE_REASONS, caseClosingRefusal, closingRaisesConcern } from "./case-closing";

describe("closingRaisesConcern", () => {
  it("tells police and the coordinator only when the person is missing or re-exploited", () => {
    expect(CASE_CLOSE_REASONS.filter(closingRaisesConcern)).toEqual(["MISSING", "RE_EXPLOITED"]);
  });
});

describe("caseClosingRefusal", () => {
  const live = { closedAt: null, caseVersion: 2 };
  const closed = { closedAt: new Date("2026-12-01T10:00:00Z"), caseVersion: 3 };

  it("closes a live case and reopens a closed one at the version the form was shown", () => {
    expect(caseClosingRefusal(live, "close", 2)).toBeNull();
    expect(caseClosingRefusal(closed, "reopen", 3)).toBeNull();
  });

  it("refuses a stale form before anything else, so two people cannot both act on what they saw", () => {
    expect(caseClosingRefusal(live, "close", 1)).toBe("stale-version");
    expect(caseClosingRefusal(closed, "close", 2)).toBe("stale-version");
  });

  it("refuses closing a closed case and reopening a live one", () => {
    expect(caseClosingRefusal(closed, "close", 3)).toBe("case-closed");
    expect(caseClosingRefusal(live, "reopen", 2)).toBe("case-open");
  });
});

describe("labels", () => {
  it("has one plain label per reason", () => {
    expect(Object.keys(CASE_CLOSE_REASON_LABELS).sort()).toEqual([...CASE_CLOSE_REASONS].sort());
  });
});
