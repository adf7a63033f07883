import { describe, expect, it } from "vitest";
import { DURATION_BAND_COUNT, DURATION_BAND_EDGES_MINUTES, durationBandOf, quantileFromBands } from "./duration-bands";

/** Band counts for a list of durations in minutes, as the summary rebuild counts them. */
const bandsOf = (minutes: number[]) => {
  const counts = new Array<number>(DURATION_BAND_COUNT).fill(0);
  for (const value of minutes) counts[durationBandOf(value)]! += 1;
  return counts;
};
/** The exact quantile the way percentile_cont computes it, for comparison. */
function exactQuantile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  return sorted[low]! + (rank - low) * ((sorted[low + 1] ?? sorted[low]!) - sorted[low]!);
}

describe("duration bands", () => {
  it("rise steadily from 5-minute bands in the first hour to six weeks, each at most about 15% wider than its start", () => {
    expect(DURATION_BAND_EDGES_MINUTES.slice(0, 13)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]);
    expect(DURATION_BAND_EDGES_MINUTES.at(-1)).toBe(6 * 7 * 24 * 60);
    for (let band = 13; band < DURATION_BAND_COUNT - 1; band++) {
      const [low, high] = [DURATION_BAND_EDGES_MINUTES[band]!, DURATION_BAND_EDGES_MINUTES[band + 1]!];
      expect(high).toBeGreaterThan(low);
      expect((high - low) / low).toBeLessThanOrEqual(0.17);
    }
  });

  it("put each duration in the band whose edges hold it", () => {
    expect(durationBandOf(0)).toBe(0);
    expect(durationBandOf(4.9)).toBe(0);
    expect(durationBandOf(5)).toBe(1);
    expect(durationBandOf(-3)).toBe(0);
    expect(durationBandOf(10_000_000)).toBe(DURATION_BAND_COUNT - 1);
  });

  it("give medians and 90th percentiles within 5% of the exact ones", () => {
    // A skewed, made-up spread of times from rescue to done: minutes to days.
    const samples = [
      Array.from({ length: 10 }, (_, i) => (i + 1) * 60),
      Array.from({ length: 200 }, (_, i) => 20 + ((i * 37) % 400)),
      Array.from({ length: 101 }, (_, i) => 60 * Math.exp(i / 20)),
    ];
    for (const values of samples) {
      for (const p of [0.5, 0.9]) {
        const estimate = quantileFromBands(bandsOf(values), p)!;
        const exact = exactQuantile(values, p);
        expect(Math.abs(estimate - exact) / exact).toBeLessThan(0.05);
      }
    }
  });

  it("have no quantile when nothing is counted, and say 'six weeks or more' past the last edge", () => {
    expect(quantileFromBands(new Array(DURATION_BAND_COUNT).fill(0), 0.5)).toBeNull();
    expect(quantileFromBands(bandsOf([100_000, 200_000]), 0.5)).toBe(6 * 7 * 24 * 60);
    expect(() => quantileFromBands([1], 1.5)).toThrow(RangeError);
  });
});
