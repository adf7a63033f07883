import { describe, expect, it } from "vitest";
import { suppressStatistic } from "./suppress-statistic";

describe("suppressStatistic", () => {
  it("has no statistic for no people", () => {
    expect(suppressStatistic(0, 0)).toEqual({ kind: "none" });
  });

  it("suppresses a statistic from 1 to 4 people", () => {
    expect(suppressStatistic(50, 1)).toEqual({ kind: "suppressed" });
    expect(suppressStatistic(12.5, 4)).toEqual({ kind: "suppressed" });
  });

  it("shows a statistic from 5 people or more", () => {
    expect(suppressStatistic(40, 5)).toEqual({ kind: "shown", value: 40 });
  });

  it("keeps any kind of value, such as a median duration", () => {
    expect(suppressStatistic({ days: 3 }, 12)).toEqual({ kind: "shown", value: { days: 3 } });
  });

  it("uses another threshold when asked", () => {
    expect(suppressStatistic(40, 9, 9)).toEqual({ kind: "suppressed" });
    expect(suppressStatistic(40, 10, 9)).toEqual({ kind: "shown", value: 40 });
  });

  it("refuses a number of people that is not a whole number of 0 or more", () => {
    expect(() => suppressStatistic(1, -1)).toThrow(RangeError);
    expect(() => suppressStatistic(1, 2.5)).toThrow(RangeError);
  });
});
