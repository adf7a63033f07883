import { describe, expect, it } from "vitest";
import { formatLondonDateTime } from "./london";
import { addWorkingDays, isWorkingDay } from "./working-days";

const utc = (iso: string) => new Date(`${iso}Z`);

describe("isWorkingDay", () => {
  it("is true for an ordinary weekday", () => {
    expect(isWorkingDay(utc("2026-03-25T12:00:00"))).toBe(true); // Wednesday
  });

  it("is false at weekends", () => {
    expect(isWorkingDay(utc("2026-03-28T12:00:00"))).toBe(false); // Saturday
    expect(isWorkingDay(utc("2026-03-29T12:00:00"))).toBe(false); // Sunday
  });

  it("is false on England and Wales bank holidays", () => {
    expect(isWorkingDay(utc("2026-04-03T12:00:00"))).toBe(false); // Good Friday
    expect(isWorkingDay(utc("2026-04-06T12:00:00"))).toBe(false); // Easter Monday
    expect(isWorkingDay(utc("2026-12-28T12:00:00"))).toBe(false); // Boxing Day (substitute)
  });

  it("uses the London date, not the UTC date", () => {
    // 23:30 UTC on Thursday 2 April is 00:30 BST on Good Friday.
    expect(isWorkingDay(utc("2026-04-02T23:30:00"))).toBe(false);
    // 23:30 UTC on Sunday 24 May is 00:30 BST on Monday 25 May, the spring bank holiday.
    expect(isWorkingDay(utc("2026-05-24T23:30:00"))).toBe(false);
    // 23:30 UTC on Sunday 7 June is 00:30 BST on an ordinary Monday.
    expect(isWorkingDay(utc("2026-06-07T23:30:00"))).toBe(true);
  });
});

describe("addWorkingDays (the 3-working-day NRM consent target)", () => {
  it("keeps the same wall-clock time within one week", () => {
    // Monday 09:00 GMT -> Thursday 09:00 GMT
    expect(addWorkingDays(utc("2026-03-02T09:00:00"), 3)).toEqual(utc("2026-03-05T09:00:00"));
  });

  it("skips a weekend: Friday rescue is due Wednesday at the same time", () => {
    // Friday 13 March 2026, 14:20 GMT
    const due = addWorkingDays(utc("2026-03-13T14:20:00"), 3);
    expect(due).toEqual(utc("2026-03-18T14:20:00"));
    expect(formatLondonDateTime(due)).toBe("18 Mar 2026, 14:20 GMT");
  });

  it("skips Good Friday and Easter Monday 2026", () => {
    // Thursday 2 April 10:00 BST: Fri 3 (bank holiday), Sat, Sun, Mon 6 (bank holiday) skipped.
    const due = addWorkingDays(utc("2026-04-02T09:00:00"), 3);
    expect(formatLondonDateTime(due)).toBe("9 Apr 2026, 10:00 BST");
    expect(due).toEqual(utc("2026-04-09T09:00:00"));
  });

  it("counts from the next working day's start when the rescue is on a Saturday", () => {
    // Saturday 7 March 2026, 22:15 GMT -> counts from Monday 9 March 00:00 -> Thursday 12 March 00:00
    const due = addWorkingDays(utc("2026-03-07T22:15:00"), 3);
    expect(due).toEqual(utc("2026-03-12T00:00:00"));
    expect(formatLondonDateTime(due)).toBe("12 Mar 2026, 00:00 GMT");
  });

  it("counts from the start of the day after Easter when the rescue is on Good Friday", () => {
    // Good Friday 3 April 2026, 15:00 BST -> counts from Tuesday 7 April 00:00 BST -> Friday 10 April 00:00 BST
    const due = addWorkingDays(utc("2026-04-03T14:00:00"), 3);
    expect(formatLondonDateTime(due)).toBe("10 Apr 2026, 00:00 BST");
    expect(due).toEqual(utc("2026-04-09T23:00:00"));
  });

  it("keeps London wall-clock time when the clocks go forward in between", () => {
    // Friday 27 March 10:00 GMT -> Wednesday 1 April 10:00 BST (09:00 UTC): 4 d 23 h of elapsed time.
    const due = addWorkingDays(utc("2026-03-27T10:00:00"), 3);
    expect(formatLondonDateTime(due)).toBe("1 Apr 2026, 10:00 BST");
    expect(due).toEqual(utc("2026-04-01T09:00:00"));
  });

  it("keeps London wall-clock time when the clocks go back in between", () => {
    // Friday 23 October 10:00 BST -> Wednesday 28 October 10:00 GMT: 5 d 1 h of elapsed time.
    const due = addWorkingDays(utc("2026-10-23T09:00:00"), 3);
    expect(formatLondonDateTime(due)).toBe("28 Oct 2026, 10:00 GMT");
    expect(due).toEqual(utc("2026-10-28T10:00:00"));
  });

  it("keeps a 01:30 rescue at 01:30 although 01:30 does not exist on the Sunday skipped over", () => {
    // Friday 27 March 01:30 GMT -> Wednesday 1 April 01:30 BST, not 02:30 BST.
    const due = addWorkingDays(utc("2026-03-27T01:30:00"), 3);
    expect(formatLondonDateTime(due)).toBe("1 Apr 2026, 01:30 BST");
    expect(due).toEqual(utc("2026-04-01T00:30:00"));
  });

  it("keeps seconds and milliseconds of the start time", () => {
    expect(addWorkingDays(utc("2026-03-02T09:00:12.345"), 3)).toEqual(utc("2026-03-05T09:00:12.345"));
  });

  it("adds nothing for zero days on a working day", () => {
    expect(addWorkingDays(utc("2026-03-02T09:00:00"), 0)).toEqual(utc("2026-03-02T09:00:00"));
  });

  it("moves a non-working-day start to the next working day's start even for zero days", () => {
    expect(addWorkingDays(utc("2026-03-07T22:15:00"), 0)).toEqual(utc("2026-03-09T00:00:00"));
  });

  it("does not change the date it was given", () => {
    const start = utc("2026-03-13T14:20:00");
    addWorkingDays(start, 3);
    expect(start).toEqual(utc("2026-03-13T14:20:00"));
  });
});
