import { describe, expect, it } from "vitest";
import { formatLondonDateTime, formatLondonTime, parseLondonInputValue, toLondonInputValue } from "./london";

// UK clock changes in 2026: 29 March 01:00 GMT -> 02:00 BST; 25 October 02:00 BST -> 01:00 GMT.
const utc = (iso: string) => new Date(`${iso}Z`);

describe("formatLondonTime and formatLondonDateTime", () => {
  it("shows winter times in GMT", () => {
    expect(formatLondonTime(utc("2026-01-15T09:05:00"))).toBe("09:05 GMT");
    expect(formatLondonDateTime(utc("2026-01-15T09:05:00"))).toBe("15 Jan 2026, 09:05 GMT");
  });

  it("shows summer times in BST, an hour ahead of UTC", () => {
    expect(formatLondonTime(utc("2026-03-29T04:30:00"))).toBe("05:30 BST");
    expect(formatLondonDateTime(utc("2026-03-29T04:30:00"))).toBe("29 Mar 2026, 05:30 BST");
  });

  it("shows the London date, not the UTC date, late on a summer evening", () => {
    expect(formatLondonDateTime(utc("2026-07-31T23:30:00"))).toBe("1 Aug 2026, 00:30 BST");
  });

  it("tells the two 01:30s apart on the night the clocks go back", () => {
    expect(formatLondonTime(utc("2026-10-25T00:30:00"))).toBe("01:30 BST");
    expect(formatLondonTime(utc("2026-10-25T01:30:00"))).toBe("01:30 GMT");
  });

  it("uses the 24-hour clock", () => {
    expect(formatLondonTime(utc("2026-01-15T00:00:00"))).toBe("00:00 GMT");
    expect(formatLondonTime(utc("2026-01-15T23:59:00"))).toBe("23:59 GMT");
  });
});

describe("toLondonInputValue", () => {
  it("gives London wall-clock time in winter", () => {
    expect(toLondonInputValue(utc("2026-03-29T00:30:00"))).toBe("2026-03-29T00:30");
  });

  it("gives London wall-clock time in summer", () => {
    expect(toLondonInputValue(utc("2026-03-29T04:30:00"))).toBe("2026-03-29T05:30");
    expect(toLondonInputValue(utc("2026-07-31T23:30:00"))).toBe("2026-08-01T00:30");
  });

  it("drops seconds", () => {
    expect(toLondonInputValue(utc("2026-01-15T09:05:59"))).toBe("2026-01-15T09:05");
  });
});

describe("parseLondonInputValue", () => {
  it("reads a winter time as GMT", () => {
    expect(parseLondonInputValue("2026-01-15T09:05")).toEqual(utc("2026-01-15T09:05:00"));
    expect(parseLondonInputValue("2026-03-29T00:30")).toEqual(utc("2026-03-29T00:30:00"));
  });

  it("reads a summer time as BST", () => {
    expect(parseLondonInputValue("2026-06-10T14:00")).toEqual(utc("2026-06-10T13:00:00"));
    expect(parseLondonInputValue("2026-03-29T02:00")).toEqual(utc("2026-03-29T01:00:00"));
  });

  it("reads a time just after midnight in summer as the previous UTC day", () => {
    expect(parseLondonInputValue("2026-08-01T00:30")).toEqual(utc("2026-07-31T23:30:00"));
  });

  it("refuses the hour skipped when the clocks go forward", () => {
    expect(parseLondonInputValue("2026-03-29T01:00")).toBeNull();
    expect(parseLondonInputValue("2026-03-29T01:30")).toBeNull();
    expect(parseLondonInputValue("2026-03-29T01:59")).toBeNull();
  });

  it("takes the earlier (summer time) instant in the hour that happens twice in October", () => {
    expect(parseLondonInputValue("2026-10-25T01:30")).toEqual(utc("2026-10-25T00:30:00"));
    expect(parseLondonInputValue("2026-10-25T01:00")).toEqual(utc("2026-10-25T00:00:00"));
  });

  it("reads the times either side of the repeated hour unambiguously", () => {
    expect(parseLondonInputValue("2026-10-25T00:59")).toEqual(utc("2026-10-24T23:59:00"));
    expect(parseLondonInputValue("2026-10-25T02:00")).toEqual(utc("2026-10-25T02:00:00"));
  });

  it.each([
    ["empty", ""],
    ["a date only", "2026-03-29"],
    ["a space instead of T", "2026-03-29 10:00"],
    ["seconds", "2026-03-29T10:00:00"],
    ["a time zone suffix", "2026-03-29T10:00Z"],
    ["single-digit month", "2026-3-29T10:00"],
    ["words", "yesterday at ten"],
    ["a day that does not exist", "2026-02-30T10:00"],
    ["month 13", "2026-13-01T10:00"],
    ["hour 24", "2026-06-01T24:00"],
    ["minute 60", "2026-06-01T10:60"],
  ])("returns null for malformed input: %s", (_label, value) => {
    expect(parseLondonInputValue(value)).toBeNull();
  });

  it.each([
    "2026-01-15T09:05",
    "2026-03-29T00:59",
    "2026-03-29T02:00",
    "2026-07-31T23:30",
    "2026-10-25T00:30",
    "2026-10-25T01:30",
    "2026-10-25T02:00",
    "2026-12-31T23:59",
  ])("round-trips %s through parse and format", (value) => {
    const parsed = parseLondonInputValue(value);
    expect(parsed).not.toBeNull();
    expect(toLondonInputValue(parsed!)).toBe(value);
  });

  it.each([
    "2026-01-15T09:05:00",
    "2026-03-29T00:30:00",
    "2026-03-29T01:00:00",
    "2026-06-10T13:00:00",
    "2026-10-25T00:30:00", // 01:30 BST: re-saving a form unchanged must not move it an hour
    "2026-10-25T02:00:00",
  ])("round-trips the instant %sZ through format and parse", (iso) => {
    expect(parseLondonInputValue(toLondonInputValue(utc(iso)))).toEqual(utc(iso));
  });
});
