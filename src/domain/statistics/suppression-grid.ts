import type { SuppressionReason } from "./published";

/**
 * A table with its totals as one grid: the last row holds the column totals, the last column the
 * row totals, the corner the grand total. Every row and every column of the grid is then a "line"
 * whose last entry is the sum of the others, which lets one rule protect cells and totals alike.
 */
export interface Grid {
  readonly values: number[][];
  readonly status: Status[][];
  readonly lastRow: number;
  readonly lastColumn: number;
}

export type Status = "shown" | SuppressionReason;

export interface Place {
  row: number;
  column: number;
}

export interface Line {
  readonly direction: "row" | "column";
  /** Cells first, the line's total last. */
  readonly places: Place[];
  readonly total: Place;
}

export function buildGrid(counts: readonly (readonly number[])[]): Grid {
  const columnCount = counts[0]?.length ?? 0;
  for (const row of counts) {
    if (row.length !== columnCount) throw new RangeError("Every row of the table must have the same number of columns");
    for (const count of row) {
      if (!Number.isInteger(count) || count < 0) {
        throw new RangeError(`A count must be a whole number of 0 or more, not ${count}`);
      }
    }
  }
  const rowsWithTotals = counts.map((row) => [...row, sum(row)]);
  const columnTotals = Array.from({ length: columnCount + 1 }, (_, column) =>
    sum(rowsWithTotals.map((row) => row[column] ?? 0)),
  );
  const values = [...rowsWithTotals, columnTotals];
  return {
    values,
    status: values.map((row) => row.map((): Status => "shown")),
    lastRow: counts.length,
    lastColumn: columnCount,
  };
}

export function valueAt(grid: Grid, place: Place): number {
  return entryAt(grid.values, place);
}

export function statusAt(grid: Grid, place: Place): Status {
  return entryAt(grid.status, place);
}

export function isSuppressed(grid: Grid, place: Place): boolean {
  return statusAt(grid, place) !== "shown";
}

export function suppress(grid: Grid, place: Place, reason: SuppressionReason): void {
  const row = grid.status[place.row];
  if (row === undefined || row[place.column] === undefined) throw outOfRange(place);
  if (row[place.column] === "shown") row[place.column] = reason;
}

export function allPlaces(grid: Grid): Place[] {
  return rowLines(grid).flatMap((line) => line.places);
}

export function allLines(grid: Grid): Line[] {
  return [...rowLines(grid), ...columnLines(grid)];
}

export function crossingLine(grid: Grid, line: Line, place: Place): Line {
  return line.direction === "row" ? columnLine(grid, place.column) : rowLine(grid, place.row);
}

export function suppressedCount(grid: Grid, line: Line): number {
  return line.places.filter((place) => isSuppressed(grid, place)).length;
}

export function isTotalOf(line: Line, place: Place): boolean {
  return place.row === line.total.row && place.column === line.total.column;
}

function rowLines(grid: Grid): Line[] {
  return Array.from({ length: grid.lastRow + 1 }, (_, row) => rowLine(grid, row));
}

function columnLines(grid: Grid): Line[] {
  return Array.from({ length: grid.lastColumn + 1 }, (_, column) => columnLine(grid, column));
}

function rowLine(grid: Grid, row: number): Line {
  const places = Array.from({ length: grid.lastColumn + 1 }, (_, column) => ({ row, column }));
  return { direction: "row", places, total: { row, column: grid.lastColumn } };
}

function columnLine(grid: Grid, column: number): Line {
  const places = Array.from({ length: grid.lastRow + 1 }, (_, row) => ({ row, column }));
  return { direction: "column", places, total: { row: grid.lastRow, column } };
}

function entryAt<T>(rows: T[][], place: Place): T {
  const entry = rows[place.row]?.[place.column];
  if (entry === undefined) throw outOfRange(place);
  return entry;
}

function outOfRange(place: Place): RangeError {
  return new RangeError(`No entry at row ${place.row}, column ${place.column}`);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
