import {
  DEFAULT_THRESHOLD,
  requireValidThreshold,
  type PublishedCell,
  type PublishedList,
  type PublishedTable,
} from "./published";
import { perturbCount, type Counted } from "./cell-key";
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
  applyPrimarySuppression(grid, threshold, grid.values);
  applySecondarySuppression(grid);
  return publishGrid(grid, threshold, grid.values);
}

/**
 * Publishes a cross-tabulation of people as the dashboard does (decision record 0018): every cell and
 * every total is perturbed from its own key sum (a total's key sum is its parts' added up, so it is
 * the figure any other view of the same people gives), counts from 1 to the threshold, true or
 * perturbed, are hidden, and the suppression pattern is then completed on the true counts. Shown
 * entries are the perturbed counts, so rows need not add up exactly.
 */
export function publishTable(cells: readonly (readonly Counted[])[], { threshold = DEFAULT_THRESHOLD }: SuppressionOptions = {}): PublishedTable {
  requireValidThreshold(threshold);
  const grid = buildGrid(cells.map((row) => row.map((cell) => cell.count)));
  const keySums = buildGrid(cells.map((row) => row.map((cell) => cell.keySum))).values;
  const perturbed = grid.values.map((row, rowIndex) => row.map((value, column) => perturbCount(value, keySums[rowIndex]![column]!)));
  applyPrimarySuppression(grid, threshold, perturbed);
  applySecondarySuppression(grid);
  return publishGrid(grid, threshold, perturbed);
}

/** Publishes a list of counts of people with its total, perturbed, under the same rule as a one-row table. */
export function publishList(cells: readonly Counted[], options: SuppressionOptions = {}): PublishedList {
  return asList(publishTable([cells], options));
}

/** Publishes a list of counts with its total, under the same rule as a one-row table. */
export function suppressList(counts: readonly number[], options: SuppressionOptions = {}): PublishedList {
  return asList(suppressTable([counts], options));
}

function asList(table: PublishedTable): PublishedList {
  const [cells] = table.cells;
  const [total] = table.rowTotals;
  if (cells === undefined || total === undefined) throw new Error("A one-row table lost its row");
  // The column totals of a one-row table repeat its cells, so publishing the row alone hides no less.
  return { threshold: table.threshold, cells, total };
}

/** Hides every entry whose true count, or whose value as shown, is from 1 to the threshold. */
function applyPrimarySuppression(grid: Grid, threshold: number, shown: readonly (readonly number[])[]): void {
  const small = (value: number) => value >= 1 && value <= threshold;
  for (const place of allPlaces(grid)) {
    if (small(valueAt(grid, place)) || small(shown[place.row]![place.column]!)) suppress(grid, place, "primary");
  }
}

function publishGrid(grid: Grid, threshold: number, shown: readonly (readonly number[])[]): PublishedTable {
  const published = shown.map((row, rowIndex) =>
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
