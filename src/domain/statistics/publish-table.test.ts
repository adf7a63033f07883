import { describe, expect, it } from "vitest";
import { perturbCount, PTABLE, ptableRow, type Counted } from "./cell-key";
import { findRecoverableCells } from "./find-recoverable-cells";
import { publishShare, publishStatisticOn } from "./suppress-statistic";
import { publishList, publishTable } from "./suppress-table";

/** A key that moves `count` by `change` (the ptable has one for every change its row allows). */
function keyMoving(count: number, change: number): number {
  const key = PTABLE[ptableRow(count)]!.findIndex((entry) => entry === change);
  if (key < 0) throw new Error(`No key moves ${count} by ${change}`);
  return key;
}
const cell = (count: number, keySum: number): Counted => ({ count, keySum });

describe("publishTable (cell-key method, decision record 0018)", () => {
  const cells = [
    [cell(20, 1_000), cell(9, 77)],
    [cell(12, 300), cell(15, 4_001)],
  ];
  const table = publishTable(cells);

  it("shows every cell as the ptable perturbs it from the cell's own key sum", () => {
    expect(table.cells).toEqual([
      [
        { kind: "value", value: perturbCount(20, 1_000) },
        { kind: "value", value: perturbCount(9, 77) },
      ],
      [
        { kind: "value", value: perturbCount(12, 300) },
        { kind: "value", value: perturbCount(15, 4_001) },
      ],
    ]);
  });

  it("perturbs each total from its own key sum (its parts' added), not by adding perturbed parts", () => {
    expect(table.rowTotals).toEqual([
      { kind: "value", value: perturbCount(29, 1_077) },
      { kind: "value", value: perturbCount(27, 4_301) },
    ]);
    expect(table.columnTotals).toEqual([
      { kind: "value", value: perturbCount(32, 1_300) },
      { kind: "value", value: perturbCount(24, 4_078) },
    ]);
    expect(table.grandTotal).toEqual({ kind: "value", value: perturbCount(56, 5_378) });
  });

  it("hides a count whose perturbed figure would be 1 to the threshold, and protects it like a small one", () => {
    // A true 5 that this key publishes as 3: shown, it would say "just above the threshold".
    const key = keyMoving(5, -2);
    const hidden = publishTable([
      [cell(5, key), cell(30, 10)],
      [cell(30, 20), cell(30, 30)],
    ]);
    expect(hidden.cells[0]![0]).toEqual({ kind: "suppressed", reason: "primary" });
    expect(hidden.cells.flat().filter((entry) => entry.kind === "suppressed").length).toBeGreaterThanOrEqual(4);
    expect(findRecoverableCells(hidden)).toEqual([]);
  });

  it("keeps primary and secondary suppression on the true counts for any threshold", () => {
    const strict = publishTable(cells, { threshold: 10 });
    expect(strict.cells[0]![1]).toEqual({ kind: "suppressed", reason: "primary" });
    expect(findRecoverableCells(strict)).toEqual([]);
  });

  it("publishes a list's entries and total the same way", () => {
    const list = publishList([cell(12, 5), cell(2, 9), cell(30, 11)]);
    expect(list.cells[1]).toEqual({ kind: "suppressed", reason: "primary" });
    expect(list.cells.filter((entry) => entry.kind === "suppressed")).toHaveLength(2);
    expect(list.total).toEqual({ kind: "value", value: perturbCount(44, 25) });
  });
});

describe("shares and statistics on perturbed counts", () => {
  it("makes a share from the perturbed part and whole", () => {
    expect(publishShare(cell(15, 100), cell(20, 200))).toEqual({
      kind: "shown",
      value: Math.round((perturbCount(15, 100) * 1000) / perturbCount(20, 200)) / 10,
    });
  });

  it("never publishes a share above 100%, even when the part is perturbed up and the whole down", () => {
    // Under the default threshold the rest (2) would hide the share; a threshold of 1 lets it show.
    const part = cell(18, keyMoving(18, 2));
    const whole = cell(20, keyMoving(20, -2));
    expect(perturbCount(part.count, part.keySum)).toBeGreaterThan(perturbCount(whole.count, whole.keySum));
    expect(publishShare(part, whole, 1)).toEqual({ kind: "shown", value: 100 });
    expect(publishShare(part, whole)).toEqual({ kind: "suppressed" });
  });

  it("hides a share when the true rule does, or when its published part or whole is hidden", () => {
    expect(publishShare(cell(2, 0), cell(20, 0))).toEqual({ kind: "suppressed" });
    expect(publishShare(cell(18, 0), cell(20, 0))).toEqual({ kind: "suppressed" });
    expect(publishShare(cell(3, 0), cell(3, 0))).toEqual({ kind: "suppressed" });
    expect(publishShare(cell(5, keyMoving(5, -2)), cell(40, 0))).toEqual({ kind: "suppressed" });
    expect(publishShare(cell(0, 0), cell(0, 0))).toEqual({ kind: "none" });
    expect(publishShare(cell(0, 0), cell(20, 7))).toEqual({ kind: "shown", value: 0 });
  });

  it("shows a median only when the count it stands on is shown", () => {
    expect(publishStatisticOn(90, cell(5, keyMoving(5, 0)))).toEqual({ kind: "shown", value: 90 });
    expect(publishStatisticOn(90, cell(5, keyMoving(5, -1)))).toEqual({ kind: "suppressed" });
    expect(publishStatisticOn(90, cell(3, 0))).toEqual({ kind: "suppressed" });
    expect(publishStatisticOn(90, cell(0, 0))).toEqual({ kind: "none" });
  });
});
