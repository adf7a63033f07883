import { describe, expect, it } from "vitest";
import { fieldRefused } from "../result";
import { MAX_CUSTOM_MONTHS, parsePeriod, periodFieldValues, type PeriodInput, type PeriodResult } from "./period";

const now = new Date("2026-11-23T10:00:00Z");
const period = (result: PeriodResult) => {
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.data;
};

describe("parsePeriod", () => {
  it("defaults to the last complete London month, not the one just begun", () => {
    expect(period(parsePeriod({}, now))).toMatchObject({
      kind: "month",
      // Midnight BST on 1 October; midnight GMT on 1 November.
      from: new Date("2026-09-30T23:00:00Z"),
      to: new Date("2026-11-01T00:00:00Z"),
      label: "October 2026",
      slug: "2026-10",
    });
    expect(period(parsePeriod({ kind: "month" }, now)).slug).toBe("2026-10");
    // On the first of a month (London time), the month before is the last complete one.
    expect(period(parsePeriod({}, new Date("2026-12-01T00:30:00Z"))).slug).toBe("2026-11");
    // Late on 30 November in UTC is still November in London: October is the last complete month.
    expect(period(parsePeriod({}, new Date("2026-11-30T23:30:00Z"))).slug).toBe("2026-10");
    // In January, December of the year before.
    expect(period(parsePeriod({}, new Date("2027-01-02T10:00:00Z")))).toMatchObject({ slug: "2026-12", label: "December 2026" });
    // An explicit month still works, the current one included.
    expect(period(parsePeriod({ kind: "month", month: "2026-11" }, now)).slug).toBe("2026-11");
  });

  it("starts a summer month at midnight BST, which is 23:00 the day before in UTC", () => {
    expect(period(parsePeriod({ kind: "month", month: "2026-07" }, now))).toMatchObject({
      from: new Date("2026-06-30T23:00:00Z"),
      to: new Date("2026-07-31T23:00:00Z"),
    });
  });

  it("reads today's London month, not UTC's, when it picks the month before it", () => {
    // 23:30 UTC on 31 October 2026 is 23:30 GMT (clocks went back on 25 October): still October,
    // so the last complete month is September.
    expect(period(parsePeriod({}, new Date("2026-10-31T23:30:00Z"))).slug).toBe("2026-09");
    // 23:30 UTC on 31 August 2026 is 00:30 BST on 1 September: August is complete.
    expect(period(parsePeriod({}, new Date("2026-08-31T23:30:00Z"))).slug).toBe("2026-08");
  });

  it("reads quarters and years, across the change of year", () => {
    expect(period(parsePeriod({ kind: "quarter", quarter: "2026-Q4" }, now))).toMatchObject({
      from: new Date("2026-10-01T00:00:00+01:00"),
      to: new Date("2027-01-01T00:00:00Z"),
      label: "October to December 2026 (Q4)",
      slug: "2026-Q4",
    });
    expect(period(parsePeriod({ kind: "quarter" }, now)).slug).toBe("2026-Q4");
    expect(period(parsePeriod({ kind: "year", year: "2025" }, now))).toMatchObject({
      from: new Date("2025-01-01T00:00:00Z"),
      to: new Date("2026-01-01T00:00:00Z"),
      label: "2025",
    });
  });

  it("includes both months of a custom range, and lists the months a period covers", () => {
    expect(period(parsePeriod({ kind: "custom", from: "09/2026", to: "11/2026" }, now))).toMatchObject({
      from: new Date("2026-08-31T23:00:00Z"),
      to: new Date("2026-12-01T00:00:00Z"),
      months: ["2026-09", "2026-10", "2026-11"],
      label: "September 2026 to November 2026",
      slug: "2026-09_to_2026-11",
    });
    expect(period(parsePeriod({ kind: "custom", from: "2025-12", to: "2026-01" }, now)).months).toEqual(["2025-12", "2026-01"]);
    expect(period(parsePeriod({ kind: "quarter", quarter: "2026-Q4" }, now)).months).toEqual(["2026-10", "2026-11", "2026-12"]);
    expect(period(parsePeriod({ kind: "year", year: "2026" }, now)).months).toHaveLength(12);
  });

  it("never takes a range of days, which would let two ranges a day apart reveal that day's people", () => {
    expect(parsePeriod({ kind: "custom", from: "01/09/2026", to: "30/11/2026" }, now)).toMatchObject({ ok: false, code: "invalid-input", fieldErrors: { from: expect.any(String) } });
  });

  it.each([
    [{ kind: "week" }, "kind", "Choose a month, quarter, year or custom range"],
    [{ kind: "month", month: "2026-13" }, "month", "Choose a month, like 2026-11"],
    [{ kind: "month", month: "November" }, "month", "Choose a month, like 2026-11"],
    [{ kind: "quarter", quarter: "2026-Q5" }, "quarter", "Choose a quarter, like 2026-Q3"],
    [{ kind: "year", year: "26" }, "year", "Enter a year, like 2026"],
    [{ kind: "custom", from: "13/2026", to: "03/2026" }, "from", "Enter the first month, like 09/2026"],
    [{ kind: "custom", from: "03/2026" }, "to", "Enter the last month, like 11/2026"],
    [{ kind: "custom", from: "04/2026", to: "03/2026" }, "to", "The last month must be the same as or after the first month"],
    [{ kind: "custom", from: "01/2020", to: "01/2026" }, "to", `Choose a range of ${MAX_CUSTOM_MONTHS} months or fewer`],
  ])("refuses %o with a message on %s", (input, field, message) => {
    expect(parsePeriod(input, now)).toEqual(fieldRefused(field, message));
  });
});

describe("periodFieldValues", () => {
  const now = new Date("2026-11-30T12:00:00Z");
  const fields = (input: PeriodInput) => {
    const result = parsePeriod(input, now);
    if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
    return periodFieldValues(result.data);
  };

  it("fills every field of the picker from the period shown, so switching the kind starts from it", () => {
    expect(fields({})).toEqual({ month: "2026-10", quarter: "2026-Q4", year: "2026", from: "10/2026", to: "10/2026" });
    expect(fields({ kind: "quarter", quarter: "2026-Q1" })).toEqual({ month: "2026-03", quarter: "2026-Q1", year: "2026", from: "01/2026", to: "03/2026" });
  });

  it("reads a range across a new year as its first and last months", () => {
    expect(fields({ kind: "custom", from: "11/2025", to: "02/2026" })).toEqual({ month: "2026-02", quarter: "2025-Q4", year: "2026", from: "11/2025", to: "02/2026" });
  });

  it("gives back what parsePeriod reads as the same period", () => {
    for (const kind of ["month", "quarter", "year", "custom"] as const) {
      const input = { kind, ...fields({ kind: "quarter", quarter: "2026-Q2" }) };
      const again = parsePeriod(input, now);
      expect(again.ok && again.data.months.length).toBe({ month: 1, quarter: 3, year: 12, custom: 3 }[kind]);
    }
  });
});
