import { describe, expect, it } from "vitest";
import { buildPtable, cellKey, KEY_RANGE, MAX_CHANGE, perturbCount, PTABLE, ptableRow, publishCount } from "./cell-key";

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe("the ptable", () => {
  it("is the same table every time it is generated", () => {
    expect(buildPtable()).toEqual(PTABLE);
  });

  it("has a full row of keys for every count row", () => {
    for (const row of PTABLE) expect(row).toHaveLength(KEY_RANGE);
  });

  it("never changes a zero", () => {
    for (let key = 0; key < KEY_RANGE; key += 1) expect(perturbCount(0, key)).toBe(0);
  });

  it("never changes any count by more than the maximum", () => {
    for (const row of PTABLE) for (const change of row) expect(Math.abs(change)).toBeLessThanOrEqual(MAX_CHANGE);
  });

  it("never publishes a positive count as 0 or below, nor a count of 1 to 4 exactly", () => {
    for (let count = 1; count <= 60; count += 1) {
      for (let key = 0; key < KEY_RANGE; key += 1) {
        const perturbed = perturbCount(count, key);
        expect(perturbed).toBeGreaterThan(0);
        if (count <= 4) expect(perturbed).not.toBe(count);
      }
    }
  });

  it("is unbiased for counts above the maximum change, with the stated variance", () => {
    for (let count = MAX_CHANGE + 1; count <= 60; count += 1) {
      const row = PTABLE[ptableRow(count)] ?? [];
      expect(mean(row)).toBe(0);
      const variance = mean(row.map((change) => change * change));
      expect(variance).toBeCloseTo(count < 5 ? 484 / 256 : 206 / 256, 10);
    }
  });

  it("reads a cell's key from its key sum modulo 256", () => {
    expect(cellKey(0)).toBe(0);
    expect(cellKey(255)).toBe(255);
    expect(cellKey(256 * 7 + 13)).toBe(13);
    expect(() => cellKey(-1)).toThrow(RangeError);
  });
});

describe("publishCount", () => {
  it("hides counts of 1 to the threshold and shows zeros as 0", () => {
    for (let key = 0; key < KEY_RANGE; key += 1) {
      expect(publishCount(0, key, 4)).toEqual({ kind: "value", value: 0 });
      for (let count = 1; count <= 4; count += 1) expect(publishCount(count, key, 4).kind).toBe("suppressed");
    }
  });

  it("hides a count above the threshold that perturbation brings down to it", () => {
    const key = PTABLE[ptableRow(5)]?.findIndex((change) => change < 0) ?? -1;
    expect(key).toBeGreaterThanOrEqual(0);
    expect(publishCount(5, key, 4)).toEqual({ kind: "suppressed", reason: "primary" });
  });

  it("shows larger counts perturbed, never below the threshold plus one", () => {
    for (let count = 5; count <= 40; count += 1) {
      for (let key = 0; key < KEY_RANGE; key += 1) {
        const cell = publishCount(count, key, 4);
        if (cell.kind === "value") {
          expect(cell.value).toBe(perturbCount(count, key));
          expect(cell.value).toBeGreaterThan(4);
        }
      }
    }
  });
});
