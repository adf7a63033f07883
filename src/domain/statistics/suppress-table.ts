import {
  DEFAULT_THRESHOLD,
  requireValidThreshold,
  type PublishedCell,
  type PublishedList,
  type PublishedTable,
} from "./published";
import { applySecondarySuppression } from "./secondary-suppression";
import { allPlaces, buildGrid, statusAt, suppress, valueAt, type Grid } from "./suppression-grid";

export interface SuppressionOptions {
  /** Counts from 1 to this are hidden; 4 unless the PCC office asks otherwise. */
  threshold?: number;
}

/**
 * Publishes a cross-tabulation with its row, column and grand totals, hiding every count from 1 to
 * the threshold and as many others as it takes for no hidden count to be worked out from the rest.
 */
export function suppressTable(
  counts: readonly (readonly number[])[],
  { threshold = DEFAULT_THRESHOLD }: SuppressionOptions = {},
): PublishedTable {
  requireValidThreshold(threshold);
  const grid = buildGrid(counts);
  applyPrimarySuppression(grid, threshold);
  applySecondarySuppression(grid);
  return publishGrid(grid, threshold);
}

/** Publishes a list of counts with its total, under the same rule as a one-row table. */
export function suppressList(counts: readonly number[], options: SuppressionOptions = {}): PublishedList {
  const table = suppressTable([counts], options);
  const [cells] = table.cells;
  const [total] = table.rowTotals;
  if (cells === undefined || total === undefined) throw new Error("A one-row table lost its row");
  // The column totals of a one-row table repeat its cells, so publishing the row alone hides no less.
  return { threshold: table.threshold, cells, total };
}

function applyPrimarySuppression(grid: Grid, threshold: number): void {
  for (const place of allPlaces(grid)) {
    const value = valueAt(grid, place);
    if (value >= 1 && value <= threshold) suppress(grid, place, "primary");
  }
}

function publishGrid(grid: Grid, threshold: number): PublishedTable {
  const published = grid.values.map((row, rowIndex) =>
    row.map((value, column): PublishedCell => {
      const status = statusAt(grid, { row: rowIndex, column });
      return status === "shown" ? { kind: "value", value } : { kind: "suppressed", reason: status };
    }),
  );
  const bodyRows = published.slice(0, grid.lastRow);
  const totalsRow = published[grid.lastRow] ?? [];
  const grandTotal = totalsRow[grid.lastColumn];
  if (grandTotal === undefined) throw new Error("The grid has no grand total");
  return {
    threshold,
    cells: bodyRows.map((row) => row.slice(0, grid.lastColumn)),
    rowTotals: bodyRows.map((row) => row[grid.lastColumn] ?? missingTotal()),
    columnTotals: totalsRow.slice(0, grid.lastColumn),
    grandTotal,
  };
}

function missingTotal(): never {
  throw new Error("A row of the grid has no total");
}
