import { describe, expect, it } from "vitest";
import { findRecoverableCells, findRecoverableListEntries } from "./find-recoverable-cells";
import type { PublishedCell, PublishedTable } from "./published";

const hidden: PublishedCell = { kind: "suppressed", reason: "primary" };

/** Builds a published table from a grid with totals last; null marks a suppressed entry. */
function published(grid: (number | null)[][]): PublishedTable {
  const cells = grid.map((row) =>
    row.map((value): PublishedCell => (value === null ? hidden : { kind: "value", value })),
  );
  const totalsRow = cells.at(-1) ?? [];
  const body = cells.slice(0, -1);
  return {
    threshold: 4,
    cells: body.map((row) => row.slice(0, -1)),
    rowTotals: body.map((row) => row.at(-1) ?? hidden),
    columnTotals: totalsRow.slice(0, -1),
    grandTotal: totalsRow.at(-1) ?? hidden,
  };
}

describe("findRecoverableCells", () => {
  it("finds nothing when nothing is hidden", () => {
    expect(
      findRecoverableCells(
        published([
          [1, 2, 3],
          [1, 2, 3],
        ]),
      ),
    ).toEqual([]);
  });

  it("recovers a lone hidden cell as its row total minus the shown cells, then its column total", () => {
    expect(
      findRecoverableCells(
        published([
          [10, null, 8, 21],
          [10, null, 8, 21],
        ]),
      ),
    ).toEqual([
      { position: { row: 0, column: 1 }, value: 3 },
      { position: { row: "total", column: 1 }, value: 3 },
    ]);
  });

  it("recovers a hidden total as the sum of its shown cells", () => {
    expect(
      findRecoverableCells(
        published([
          [10, 3, null],
          [10, 3, 13],
        ]),
      ),
    ).toEqual([{ position: { row: 0, column: "total" }, value: 13 }]);
  });

  it("follows a chain: a value found in one line leaves another line with one unknown", () => {
    const recovered = findRecoverableCells(
      published([
        [null, null, 12],
        [6, null, 20],
        [9, 23, 32],
      ]),
    );

    expect(recovered).toEqual(
      expect.arrayContaining([
        { position: { row: 1, column: 1 }, value: 14 },
        { position: { row: 0, column: 1 }, value: 9 },
        { position: { row: 0, column: 0 }, value: 3 },
      ]),
    );
    expect(recovered).toHaveLength(3);
  });

  it("recovers column totals from the grand total and the other column totals", () => {
    expect(
      findRecoverableCells(
        published([
          [null, null, 11],
          [null, null, 22],
          [30, null, 33],
        ]),
      ),
    ).toEqual([{ position: { row: "total", column: 1 }, value: 3 }]);
  });

  it("leaves hidden cells alone when each line holds at least two", () => {
    expect(
      findRecoverableCells(
        published([
          [null, null, 15, 27],
          [20, 30, 7, 57],
          [null, null, 40, 73],
          [38, 57, 62, 157],
        ]),
      ),
    ).toEqual([]);
  });

  it("recovers a cell that joins two hidden blocks, though every line holds at least two", () => {
    // First row + fourth row − column B − the row totals column leaves the top-left cell alone.
    expect(
      findRecoverableCells(
        published([
          [null, null, 0, null],
          [null, 10, null, 19],
          [0, 15, 0, 15],
          [0, null, 0, null],
          [null, 30, null, 41],
        ]),
      ),
    ).toEqual([{ position: { row: 0, column: 0 }, value: 2 }]);
  });

  it("refuses a table whose rows and totals do not line up", () => {
    const table = published([
      [1, 2, 3],
      [1, 2, 3],
    ]);
    expect(() => findRecoverableCells({ ...table, rowTotals: [] })).toThrow(RangeError);
    expect(() => findRecoverableCells({ ...table, columnTotals: [table.grandTotal] })).toThrow(RangeError);
  });
});

describe("findRecoverableListEntries", () => {
  it("recovers a lone hidden count from the total", () => {
    expect(
      findRecoverableListEntries({
        threshold: 4,
        cells: [{ kind: "value", value: 10 }, hidden, { kind: "value", value: 8 }],
        total: { kind: "value", value: 21 },
      }),
    ).toEqual([{ position: { row: 0, column: 1 }, value: 3 }]);
  });

  it("cannot separate two hidden counts", () => {
    expect(
      findRecoverableListEntries({
        threshold: 4,
        cells: [hidden, hidden, { kind: "value", value: 8 }],
        total: { kind: "value", value: 21 },
      }),
    ).toEqual([]);
  });
});
