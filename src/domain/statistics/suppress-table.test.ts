import { describe, expect, it } from "vitest";
import { findRecoverableCells, findRecoverableListEntries } from "./find-recoverable-cells";
import { display, type PublishedCell, type PublishedTable } from "./published";
import { suppressList, suppressTable } from "./suppress-table";

/** The published table as a reader sees it, totals in the last row and column. */
function render(table: PublishedTable): string[][] {
  const withTotals = [
    ...table.cells.map((row, index) => [...row, requireCell(table.rowTotals[index])]),
    [...table.columnTotals, table.grandTotal],
  ];
  return withTotals.map((row) => row.map((cell) => display(cell)));
}

function requireCell(cell: PublishedCell | undefined): PublishedCell {
  if (cell === undefined) throw new Error("Missing row total");
  return cell;
}

const primary = { kind: "suppressed", reason: "primary" } as const;
const secondary = { kind: "suppressed", reason: "secondary" } as const;

describe("display", () => {
  it("shows a count as a plain number, and every hidden one with the same mark, small or hidden to protect a small one", () => {
    expect(display({ kind: "value", value: 12 })).toBe("12");
    expect(display({ kind: "value", value: 0 })).toBe("0");
    expect(display(primary)).toBe("[c]");
    expect(display(secondary)).toBe("[c]");
  });
});

describe("suppressList", () => {
  it("hides a second count beside a small one, so the small one is not the total minus the rest", () => {
    const published = suppressList([10, 3, 8, 12]);

    expect(published.cells).toEqual([{ kind: "value", value: 10 }, primary, secondary, { kind: "value", value: 12 }]);
    expect(published.total).toEqual({ kind: "value", value: 33 });
    expect(findRecoverableListEntries(published)).toEqual([]);
  });

  it("hides nothing when no count is small", () => {
    const published = suppressList([10, 0, 25]);

    expect(published.cells.map((cell) => display(cell))).toEqual(["10", "0", "25"]);
    expect(published.total).toEqual({ kind: "value", value: 35 });
  });

  it("hides the total when it is small", () => {
    const published = suppressList([3, 0, 0]);

    expect(published.cells.map((cell) => display(cell))).toEqual(["[c]", "0", "0"]);
    expect(published.total).toEqual(primary);
  });

  it("publishes an empty list as a total of 0", () => {
    expect(suppressList([])).toEqual({ threshold: 4, cells: [], total: { kind: "value", value: 0 } });
  });
});

describe("suppressTable", () => {
  it("hides nothing in a table with no small counts", () => {
    const published = suppressTable([
      [12, 30],
      [25, 7],
    ]);

    expect(render(published)).toEqual([
      ["12", "30", "42"],
      ["25", "7", "32"],
      ["37", "37", "74"],
    ]);
  });

  it("never hides zeros", () => {
    const published = suppressTable([
      [0, 0],
      [0, 0],
    ]);

    expect(render(published).flat()).toEqual(Array.from({ length: 9 }, () => "0"));
  });

  it("follows a hidden cell from its row into its column and back until every line is protected", () => {
    // The 2 forces the 10 in its row; the 10 leaves column A with one hidden cell, so the 8 goes;
    // the 8 leaves the third row with one, so the 25 goes, which also protects the 2's column.
    const published = suppressTable([
      [10, 2, 15],
      [20, 30, 7],
      [8, 25, 40],
    ]);

    expect(render(published)).toEqual([
      ["[c]", "[c]", "15", "27"],
      ["20", "30", "7", "57"],
      ["[c]", "[c]", "40", "73"],
      ["38", "57", "62", "157"],
    ]);
    expect(published.cells[0]).toEqual([secondary, primary, { kind: "value", value: 15 }]);
    expect(findRecoverableCells(published)).toEqual([]);
  });

  it("hides a row's total when the row has nothing but zeros left to hide", () => {
    const published = suppressTable([
      [12, 0, 0],
      [2, 15, 11],
    ]);

    // Column A forces the 12; the first row, [12, 0, 0], can then only be protected by its total.
    expect(published.cells[0]).toEqual([secondary, { kind: "value", value: 0 }, { kind: "value", value: 0 }]);
    expect(published.rowTotals[0]).toEqual(secondary);
    expect(findRecoverableCells(published)).toEqual([]);
  });

  it("protects a column total that the grand total would give away", () => {
    // Column B is all small, so its total (3) is hidden; the grand total minus column A's total would
    // give it back, so column A's total is hidden too, and then one of column A's cells.
    const published = suppressTable([
      [10, 1],
      [20, 2],
    ]);

    expect(render(published)).toEqual([
      ["[c]", "[c]", "11"],
      ["[c]", "[c]", "22"],
      ["[c]", "[c]", "33"],
    ]);
    expect(published.columnTotals).toEqual([secondary, primary]);
    expect(published.grandTotal).toEqual({ kind: "value", value: 33 });
    expect(findRecoverableCells(published)).toEqual([]);
  });

  it("hides a small grand total and every small cell", () => {
    const published = suppressTable([
      [1, 0],
      [0, 2],
    ]);

    expect(render(published)).toEqual([
      ["[c]", "0", "[c]"],
      ["0", "[c]", "[c]"],
      ["[c]", "[c]", "[c]"],
    ]);
    expect(published.grandTotal).toEqual(primary);
  });

  it("hides more when a hidden cell could be worked out by combining several rows and columns", () => {
    // With every line holding 0 or at least 2 hidden entries, the 2 in the corner was still
    // the first row + the fourth row − column B − the column of row totals: two hidden blocks joined only by it.
    const published = suppressTable([
      [2, 1, 0],
      [6, 10, 3],
      [0, 15, 0],
      [0, 4, 0],
    ]);

    expect(render(published)).toEqual([
      ["[c]", "[c]", "0", "[c]"],
      ["[c]", "[c]", "[c]", "19"],
      ["0", "15", "0", "15"],
      ["0", "[c]", "0", "[c]"],
      ["[c]", "30", "[c]", "41"],
    ]);
    expect(published.cells[1]?.[1]).toEqual(secondary);
    expect(findRecoverableCells(published)).toEqual([]);
  });

  it("uses another threshold when asked", () => {
    const published = suppressTable(
      [
        [10, 7, 12],
        [15, 20, 30],
      ],
      { threshold: 9 },
    );

    expect(render(published)).toEqual([
      ["[c]", "[c]", "12", "29"],
      ["[c]", "[c]", "30", "65"],
      ["25", "27", "42", "94"],
    ]);
    expect(published.threshold).toBe(9);
    expect(findRecoverableCells(published)).toEqual([]);
  });

  it("hides nothing with a threshold of 0", () => {
    const published = suppressTable([[1, 2]], { threshold: 0 });

    expect(render(published)).toEqual([
      ["1", "2", "3"],
      ["1", "2", "3"],
    ]);
  });

  it("refuses counts that are not whole numbers of 0 or more, and a ragged table", () => {
    expect(() => suppressTable([[1, -1]])).toThrow(RangeError);
    expect(() => suppressTable([[1.5]])).toThrow(RangeError);
    expect(() => suppressTable([[1, 2], [3]])).toThrow(RangeError);
    expect(() => suppressTable([[1]], { threshold: -1 })).toThrow(RangeError);
    expect(() => suppressTable([[1]], { threshold: 2.5 })).toThrow(RangeError);
  });
});
