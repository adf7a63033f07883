import { describe, expect, it } from "vitest";
import { endOfLondonDay, formatUkDate, londonToday, parseUkDate, startOfLondonDay } from "./london-day";

describe("reading a date typed on a UK form", () => {
  it.each([
    ["23/11/2026", { year: 2026, month: 11, day: 23 }],
    ["3/4/2026", { year: 2026, month: 4, day: 3 }],
    [" 2026-03-29 ", { year: 2026, month: 3, day: 29 }],
    ["29.02.2028", { year: 2028, month: 2, day: 29 }],
  ])("reads %j day first", (text, day) => {
    expect(parseUkDate(text)).toEqual(day);
  });

  it.each(["31/02/2026", "29/02/2027", "13/13/2026", "2026/11/23", "11/23", "yesterday", "", "23/11/26"])("refuses %j", (text) => {
    expect(parseUkDate(text)).toBeNull();
  });

  it("writes a day back the way it is typed", () => {
    expect(formatUkDate({ year: 2026, month: 4, day: 3 })).toBe("03/04/2026");
  });
});

describe("a London day as a span of instants", () => {
  it("starts at midnight GMT in winter", () => {
    const day = { year: 2026, month: 11, day: 23 };
    expect(startOfLondonDay(day).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(endOfLondonDay(day).toISOString()).toBe("2026-11-24T00:00:00.000Z");
  });

  it("starts at midnight BST (23:00 the day before in UTC) in summer", () => {
    expect(startOfLondonDay({ year: 2026, month: 7, day: 1 }).toISOString()).toBe("2026-06-30T23:00:00.000Z");
  });

  it("is 23 hours long when the clocks go forward and 25 when they go back", () => {
    const spring = { year: 2026, month: 3, day: 29 };
    const autumn = { year: 2026, month: 10, day: 25 };
    const hours = (day: typeof spring) => (endOfLondonDay(day).getTime() - startOfLondonDay(day).getTime()) / 3_600_000;
    expect(hours(spring)).toBe(23);
    expect(hours(autumn)).toBe(25);
  });

  it("runs across the end of a month and a year", () => {
    expect(endOfLondonDay({ year: 2026, month: 12, day: 31 }).toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });
});

describe("londonToday", () => {
  it("is London's date, not UTC's: after 23:00 UTC in summer it is already tomorrow", () => {
    expect(londonToday(new Date("2026-07-31T23:30:00Z"))).toEqual({ year: 2026, month: 8, day: 1 });
    expect(londonToday(new Date("2026-12-31T23:30:00Z"))).toEqual({ year: 2026, month: 12, day: 31 });
  });
});
