import { describe, expect, it } from "vitest";
import { formatLondonDateTime } from "./london";
import { addWorkingHours, ROUND_THE_CLOCK, type AgencyHours } from "./working-hours";

const utc = (iso: string) => new Date(`${iso}Z`);
const london = (date: Date) => formatLondonDateTime(date);
// 09:00 to 17:00, London time, on working days.
const OFFICE: AgencyHours = { officeHoursOnly: true, opensAtMinute: 9 * 60, closesAtMinute: 17 * 60 };

describe("addWorkingHours for an office-hours agency (09:00 to 17:00)", () => {
  it("counts within one working day", () => {
    // Wednesday 4 March 2026, 10:00 GMT + 4 working hours
    expect(london(addWorkingHours(utc("2026-03-04T10:00:00"), 4, OFFICE))).toBe("4 Mar 2026, 14:00 GMT");
  });

  it("is due at closing time when the target uses up the day exactly, not the next morning", () => {
    expect(london(addWorkingHours(utc("2026-03-04T13:00:00"), 4, OFFICE))).toBe("4 Mar 2026, 17:00 GMT");
  });

  it("carries over night: 2 hours today, the rest from opening tomorrow", () => {
    expect(london(addWorkingHours(utc("2026-03-04T15:00:00"), 4, OFFICE))).toBe("5 Mar 2026, 11:00 GMT");
  });

  it("starts counting at opening time for a rescue outside office hours", () => {
    // 20:00 on Wednesday: nothing counts until 09:00 on Thursday.
    expect(london(addWorkingHours(utc("2026-03-04T20:00:00"), 4, OFFICE))).toBe("5 Mar 2026, 13:00 GMT");
    // 07:00 on Wednesday: nothing counts until 09:00 the same day.
    expect(london(addWorkingHours(utc("2026-03-04T07:00:00"), 4, OFFICE))).toBe("4 Mar 2026, 13:00 GMT");
  });

  it("skips a weekend: Friday 16:00 with 4 hours is due Monday at noon", () => {
    expect(london(addWorkingHours(utc("2026-03-06T16:00:00"), 4, OFFICE))).toBe("9 Mar 2026, 12:00 GMT");
  });

  it("counts nothing at a weekend: a Saturday rescue starts on Monday at opening", () => {
    expect(london(addWorkingHours(utc("2026-03-07T11:00:00"), 3, OFFICE))).toBe("9 Mar 2026, 12:00 GMT");
  });

  it("skips Good Friday and Easter Monday", () => {
    // Thursday 2 April 2026, 16:00 BST: 1 hour that day, then Tuesday 7 April from 09:00 BST.
    expect(london(addWorkingHours(utc("2026-04-02T15:00:00"), 4, OFFICE))).toBe("7 Apr 2026, 12:00 BST");
  });

  it("keeps office hours in London wall-clock time across the spring clock change", () => {
    // Friday 27 March 2026, 16:00 GMT; the clocks go forward on Sunday 29 March.
    expect(london(addWorkingHours(utc("2026-03-27T16:00:00"), 2, OFFICE))).toBe("30 Mar 2026, 10:00 BST");
  });

  it("keeps office hours in London wall-clock time across the autumn clock change", () => {
    // Friday 23 October 2026, 16:00 BST; the clocks go back on Sunday 25 October.
    expect(london(addWorkingHours(utc("2026-10-23T15:00:00"), 2, OFFICE))).toBe("26 Oct 2026, 10:00 GMT");
  });

  it("spans several working days for a long target", () => {
    // Monday 2 March 09:00 + 16 hours = two whole 8-hour days.
    expect(london(addWorkingHours(utc("2026-03-02T09:00:00"), 16, OFFICE))).toBe("3 Mar 2026, 17:00 GMT");
  });

  it("handles an agency open until midnight", () => {
    const lateOffice: AgencyHours = { officeHoursOnly: true, opensAtMinute: 8 * 60, closesAtMinute: 1440 };
    expect(london(addWorkingHours(utc("2026-03-04T22:00:00"), 4, lateOffice))).toBe("5 Mar 2026, 10:00 GMT");
  });

  it("handles opening times that are not on the hour", () => {
    const office: AgencyHours = { officeHoursOnly: true, opensAtMinute: 8 * 60 + 30, closesAtMinute: 16 * 60 + 30 };
    expect(london(addWorkingHours(utc("2026-03-04T16:00:00"), 1, office))).toBe("5 Mar 2026, 09:00 GMT");
  });
});

describe("addWorkingHours for an agency open round the clock", () => {
  it("counts every hour, nights and weekends included", () => {
    expect(addWorkingHours(utc("2026-03-06T22:00:00"), 4, ROUND_THE_CLOCK)).toEqual(utc("2026-03-07T02:00:00"));
  });

  it("counts elapsed hours across the night the clocks go forward", () => {
    // Sunday 29 March 2026, 00:30 GMT + 4 hours = 04:30 UTC, which is 05:30 BST.
    expect(london(addWorkingHours(utc("2026-03-29T00:30:00"), 4, ROUND_THE_CLOCK))).toBe("29 Mar 2026, 05:30 BST");
  });

  it("ignores the opening times when the agency is not office-hours only", () => {
    const open: AgencyHours = { officeHoursOnly: false, opensAtMinute: 9 * 60, closesAtMinute: 17 * 60 };
    expect(addWorkingHours(utc("2026-04-03T20:00:00"), 4, open)).toEqual(utc("2026-04-04T00:00:00"));
  });
});
