import { describe, expect, it } from "vitest";
import { suppressShare, suppressStatistic } from "./suppress-statistic";

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

describe("suppressShare", () => {
  it("shows a share of enough people when neither part nor rest is small", () => {
    expect(suppressShare(10, 40)).toEqual({ kind: "shown", value: 25 });
    expect(suppressShare(0, 40)).toEqual({ kind: "shown", value: 0 });
    expect(suppressShare(40, 40)).toEqual({ kind: "shown", value: 100 });
    expect(suppressShare(1, 3)).toEqual({ kind: "suppressed" });
    expect(suppressShare(0, 0)).toEqual({ kind: "none" });
  });

  it("hides a share that would give away a small count beside its published whole: 3% of 33 is one person", () => {
    expect(suppressShare(1, 33)).toEqual({ kind: "suppressed" });
    expect(suppressShare(4, 100)).toEqual({ kind: "suppressed" });
    expect(suppressShare(5, 100)).toEqual({ kind: "shown", value: 5 });
    // 21 of 22 within target: the one who was not is as small a count.
    expect(suppressShare(21, 22)).toEqual({ kind: "suppressed" });
    expect(suppressShare(6, 100, 6)).toEqual({ kind: "suppressed" });
  });

  it("refuses parts that are not a count within the whole", () => {
    expect(() => suppressShare(5, 4)).toThrow(RangeError);
    expect(() => suppressShare(1.5, 4)).toThrow(RangeError);
  });
});
