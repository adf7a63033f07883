import { describe, expect, it } from "vitest";
import { findRecoverableCells } from "./find-recoverable-cells";
import type { PublishedCell, PublishedTable } from "./published";
import { mulberry32 as seededRandom } from "@/domain/seeded-random";
import { suppressTable } from "./suppress-table";


/** Mostly small counts and zeros, as in a month of referrals split by nationality and stage. */
function randomTable(random: () => number): number[][] {
  const rows = 1 + Math.floor(random() * 6);
  const columns = 1 + Math.floor(random() * 6);
  const count = () => {
    const roll = random();
    if (roll < 0.2) return 0;
    if (roll < 0.55) return 1 + Math.floor(random() * 6);
    return Math.floor(random() * (roll < 0.9 ? 20 : 200));
  };
  return Array.from({ length: rows }, () => Array.from({ length: columns }, count));
}

/** The true table with its totals last, laid out like the published one. */
function withTotals(counts: number[][]): number[][] {
  const rows = counts.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totals = (rows[0] ?? [0]).map((_, column) => rows.reduce((a, row) => a + (row[column] ?? 0), 0));
  return [...rows, totals];
}

function publishedGrid(published: PublishedTable): PublishedCell[][] {
  return [
    ...published.cells.map((row, index) => [...row, published.rowTotals[index] ?? missing()]),
    [...published.columnTotals, published.grandTotal],
  ];
}

/** Each true value beside what is published in its place. */
function pairs(counts: number[][], published: PublishedTable): [number, PublishedCell][] {
  const shown = publishedGrid(published);
  return withTotals(counts).flatMap((row, r) =>
    row.map((value, c): [number, PublishedCell] => [value, shown[r]?.[c] ?? missing()]),
  );
}

/** What publishing with primary suppression alone would show. */
function primaryOnly(counts: number[][], threshold: number): PublishedTable {
  const grid = withTotals(counts).map((row) =>
    row.map((value): PublishedCell =>
      value >= 1 && value <= threshold ? { kind: "suppressed", reason: "primary" } : { kind: "value", value },
    ),
  );
  const body = grid.slice(0, -1);
  const totals = grid.at(-1) ?? [];
  return {
    threshold,
    cells: body.map((row) => row.slice(0, -1)),
    rowTotals: body.map((row) => row.at(-1) ?? missing()),
    columnTotals: totals.slice(0, -1),
    grandTotal: totals.at(-1) ?? missing(),
  };
}

function missing(): never {
  throw new Error("The published table is missing an entry");
}

/**
 * Independent of both the suppressor and the checker: Gaussian elimination over the line equations.
 * A hidden entry is determined exactly when its unit vector lies in the row space of the equations.
 */
function determinedByLinearAlgebra(published: PublishedTable): number {
  const grid = publishedGrid(published);
  const unknownIndex = new Map<string, number>();
  grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell.kind === "suppressed") unknownIndex.set(`${r},${c}`, unknownIndex.size);
    }),
  );
  const width = unknownIndex.size;
  const lastRow = grid.length - 1;
  const lastColumn = (grid[0]?.length ?? 1) - 1;
  const equations: number[][] = [];
  const addLine = (places: [number, number][]) => {
    const equation = new Array<number>(width).fill(0);
    places.forEach(([r, c], index) => {
      const unknown = unknownIndex.get(`${r},${c}`);
      if (unknown !== undefined) equation[unknown] = index === places.length - 1 ? -1 : 1;
    });
    equations.push(equation);
  };
  for (let r = 0; r <= lastRow; r++) addLine(Array.from({ length: lastColumn + 1 }, (_, c) => [r, c]));
  for (let c = 0; c <= lastColumn; c++) addLine(Array.from({ length: lastRow + 1 }, (_, r) => [r, c]));

  const rank = (matrix: number[][]) => {
    const m = matrix.map((row) => [...row]);
    let rankSoFar = 0;
    for (let column = 0; column < width && rankSoFar < m.length; column++) {
      const pivot = m.findIndex((row, index) => index >= rankSoFar && Math.abs(row[column] ?? 0) > 1e-9);
      if (pivot === -1) continue;
      [m[rankSoFar], m[pivot]] = [m[pivot] ?? [], m[rankSoFar] ?? []];
      const pivotRow = m[rankSoFar] ?? [];
      for (let other = 0; other < m.length; other++) {
        const row = m[other] ?? [];
        if (other === rankSoFar || Math.abs(row[column] ?? 0) < 1e-9) continue;
        const factor = (row[column] ?? 0) / (pivotRow[column] ?? 1);
        for (let k = 0; k < width; k++) row[k] = (row[k] ?? 0) - factor * (pivotRow[k] ?? 0);
      }
      rankSoFar++;
    }
    return rankSoFar;
  };
  const baseRank = rank(equations);
  let determined = 0;
  for (let unknown = 0; unknown < width; unknown++) {
    const unit = new Array<number>(width).fill(0);
    unit[unknown] = 1;
    if (rank([...equations, unit]) === baseRank) determined++;
  }
  return determined;
}

describe("the algebraic check", () => {
  it("finds a small count left beside its total, and its column total", () => {
    expect(determinedByLinearAlgebra(primaryOnly([[10, 3, 8, 12]], 4))).toBe(2);
  });
});

describe("suppressTable on random small tables", () => {
  const random = seededRandom(20261123);
  const tables = Array.from({ length: 400 }, () => randomTable(random));

  describe.each([4, 9])("with a threshold of %i", (threshold) => {
    const results = tables.map((counts) => ({ counts, published: suppressTable(counts, { threshold }) }));

    it("hides every count from 1 to the threshold, as primary suppression", () => {
      for (const { counts, published } of results) {
        for (const [value, cell] of pairs(counts, published)) {
          if (value >= 1 && value <= threshold) expect(cell).toEqual({ kind: "suppressed", reason: "primary" });
        }
      }
    });

    it("shows only true values", () => {
      for (const { counts, published } of results) {
        for (const [value, cell] of pairs(counts, published)) {
          if (cell.kind === "value") expect(cell.value).toBe(value);
        }
      }
    });

    it("leaves nothing the line-solving checker can recover", () => {
      for (const { counts, published } of results) {
        expect(findRecoverableCells(published), JSON.stringify(counts)).toEqual([]);
      }
    });

    it("leaves nothing determined by any combination of the line equations", () => {
      for (const { counts, published } of results) {
        expect(determinedByLinearAlgebra(published), JSON.stringify(counts)).toBe(0);
      }
    });

    it("hides nothing in a table without small counts", () => {
      const withoutSmall = results.filter(({ counts }) =>
        withTotals(counts).flat().every((value) => value === 0 || value > threshold),
      );
      expect(withoutSmall.length).toBeGreaterThan(0);
      for (const { published } of withoutSmall) {
        expect(publishedGrid(published).flat().every((cell) => cell.kind === "value")).toBe(true);
      }
    });

    it("adds secondary suppression only when primary suppression alone gives something away", () => {
      let needed = 0;
      for (const { counts, published } of results) {
        const safeAlready = findRecoverableCells(primaryOnly(counts, threshold)).length === 0;
        if (!safeAlready) needed++;
        const secondary = publishedGrid(published)
          .flat()
          .filter((cell) => cell.kind === "suppressed" && cell.reason === "secondary");
        expect(secondary.length === 0, JSON.stringify(counts)).toBe(safeAlready);
      }
      expect(needed).toBeGreaterThan(50);
    });
  });
});
