import { describe, expect, it } from "vitest";
import { describeWorkingDayCountdown, HOME_OFFICE_REFERENCE, milestonesDueForQueue, nrmMilestones, queueMilestoneText, reasonableGroundsExpectedOn, workingDaysUntil } from "./nrm-referral";

const d = (year: number, month: number, day: number) => ({ year, month, day });
const base = { reasonableGrounds: null, reasonableGroundsOn: null, conclusiveGrounds: null, conclusiveGroundsOn: null, reconsiderationOf: null, reconsiderationRequestedOn: null } as const;

describe("the Reasonable Grounds expected date", () => {
  it("is 5 working days after referral", () => {
    expect(reasonableGroundsExpectedOn(d(2026, 11, 16))).toEqual(d(2026, 11, 23));
  });
  it("skips weekends and the Christmas bank holidays (25 and 28 December 2026)", () => {
    expect(reasonableGroundsExpectedOn(d(2026, 12, 21))).toEqual(d(2026, 12, 30));
  });
  it("counts down in working days, and past the day says how late", () => {
    expect(workingDaysUntil(d(2026, 12, 23), d(2026, 12, 30))).toBe(3);
    expect(workingDaysUntil(d(2026, 12, 30), d(2026, 12, 30))).toBe(0);
    // 31 December and 4 January count; New Year's Day and the weekend do not.
    expect(workingDaysUntil(d(2027, 1, 4), d(2026, 12, 30))).toBe(-2);
    expect(describeWorkingDayCountdown(2)).toBe("expected in 2 working days");
    expect(describeWorkingDayCountdown(-1)).toBe("1 working day later than expected");
  });
});

describe("the milestones", () => {
  it("put a waiting Reasonable Grounds decision in the queue with its countdown", () => {
    const today = d(2026, 11, 19);
    const milestones = nrmMilestones({ ...base, submittedOn: d(2026, 11, 16) }, today);
    const due = milestonesDueForQueue(milestones, today);
    expect(due.map((milestone) => queueMilestoneText(milestone, today))).toEqual(["Reasonable Grounds decision expected in 2 working days"]);
  });
  it("after a positive decision: the recovery period ends 30 days on, and shows in the queue only in its last week", () => {
    const milestones = (today: ReturnType<typeof d>) => nrmMilestones({ ...base, submittedOn: d(2026, 11, 2), reasonableGrounds: "POSITIVE", reasonableGroundsOn: d(2026, 11, 6) }, today);
    expect(milestones(d(2026, 11, 10)).find((m) => m.key === "recovery-period")?.on).toEqual(d(2026, 12, 6));
    expect(milestonesDueForQueue(milestones(d(2026, 11, 10)), d(2026, 11, 10))).toEqual([]);
    expect(milestonesDueForQueue(milestones(d(2026, 12, 1)), d(2026, 12, 1)).map((m) => m.key)).toEqual(["recovery-period"]);
  });
  it("a negative decision has no recovery period", () => {
    const milestones = nrmMilestones({ ...base, submittedOn: d(2026, 11, 2), reasonableGrounds: "NEGATIVE", reasonableGroundsOn: d(2026, 11, 6) }, d(2026, 11, 10));
    expect(milestones.map((m) => m.key)).toEqual(["referral", "reasonable-grounds"]);
  });
});

describe("the Home Office reference", () => {
  it("takes NRM-year-six digits only", () => {
    expect(HOME_OFFICE_REFERENCE.test("NRM-2026-004512")).toBe(true);
    for (const bad of ["NRM-2026-04512", "nrm-2026-004512", "NRM-2026-004512 ", "X NRM-2026-004512"]) expect(HOME_OFFICE_REFERENCE.test(bad)).toBe(false);
  });
});
