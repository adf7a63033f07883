import type { EntryPosition, PublishedCell, PublishedList, PublishedTable } from "./published";

export interface RecoveredEntry {
  position: EntryPosition;
  value: number;
}

/*
 * Deliberately shares no code with the suppressor: it is the attacker's view, used to prove the
 * suppressor safe. It sees only what is published, lays it out as a grid whose last row and last
 * column are totals, and solves the line equations "cells of a line add up to its total".
 */

type Known = (number | undefined)[][];

interface Coordinates {
  row: number;
  column: number;
}

/**
 * Every suppressed entry of a published table that a reader could work out exactly, with its value.
 * A safe table gives an empty list.
 */
export function findRecoverableCells(table: PublishedTable): RecoveredEntry[] {
  const rows = table.cells.map((row, index) => [...row, requireDefined(table.rowTotals[index])]);
  requireRectangular(rows, table.columnTotals.length + 1);
  const known = [...rows, [...table.columnTotals, table.grandTotal]].map((row) => row.map(knownValue));
  return recover(known).map(({ row, column, value }) => ({
    position: {
      row: row === rows.length ? "total" : row,
      column: column === table.columnTotals.length ? "total" : column,
    },
    value,
  }));
}

/** The same check for a published list, whose only equation is "the cells add up to the total". */
export function findRecoverableListEntries(list: PublishedList): RecoveredEntry[] {
  const row = [...list.cells, list.total].map(knownValue);
  // A list's column totals are not published, so they are unknowns; its total is also the grand total.
  const totals = [...list.cells.map(() => undefined), knownValue(list.total)];
  return recover([row, totals])
    .filter((entry) => entry.row === 0)
    .map(({ column, value }) => ({
      position: { row: 0, column: column === list.cells.length ? "total" : column },
      value,
    }));
}

function recover(known: Known): (Coordinates & { value: number })[] {
  const recovered: (Coordinates & { value: number })[] = [];
  const learn = (place: Coordinates, value: number) => {
    setKnown(known, place, value);
    recovered.push({ ...place, value });
  };
  while (solveLinesWithOneUnknown(known, learn) || solveAcrossLines(known, learn)) {
    // Each pass learns at least one value; keep going until nothing more can be learnt.
  }
  return recovered;
}

type Learn = (place: Coordinates, value: number) => void;

/** A row or column with its total shown and one entry unknown: that entry is the difference. */
function solveLinesWithOneUnknown(known: Known, learn: Learn): boolean {
  let progress = false;
  for (const line of lines(known)) {
    const unknown = line.filter((place) => valueOf(known, place) === undefined);
    const [only] = unknown;
    if (only === undefined || unknown.length > 1) continue;
    const total = line[line.length - 1];
    const cellsSum = sumKnown(known, line.slice(0, -1));
    const totalValue = total === undefined ? 0 : (valueOf(known, total) ?? 0);
    learn(only, only === total ? cellsSum : totalValue - cellsSum);
    progress = true;
  }
  return progress;
}

/**
 * Adding and subtracting whole lines. With totals negated (the last row and last column, but not
 * the corner) every line sums to zero. Join each unknown entry's row to its column: an unknown whose
 * edge lies on no cycle of unknowns is fixed. Adding the row equations and subtracting the column
 * equations of everything on its row's side cancels every other unknown and leaves it alone.
 */
function solveAcrossLines(known: Known, learn: Learn): boolean {
  for (const place of allCoordinates(known)) {
    if (valueOf(known, place) !== undefined) continue;
    const side = unknownComponent(known, { kind: "row", index: place.row }, place);
    if (side.has(nodeKey({ kind: "column", index: place.column }))) continue;
    const signed = -signedSumOfSide(known, side);
    learn(place, signed * sign(known, place));
    return true;
  }
  return false;
}

interface Node {
  kind: "row" | "column";
  index: number;
}

/** The rows and columns joined to `start` through unknown entries other than `without`, by key. */
function unknownComponent(known: Known, start: Node, without: Coordinates): Map<string, Node> {
  const seen = new Map([[nodeKey(start), start]]);
  const queue = [start];
  for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
    for (const place of lineOf(known, node)) {
      const isRemoved = place.row === without.row && place.column === without.column;
      if (isRemoved || valueOf(known, place) !== undefined) continue;
      const other: Node =
        node.kind === "row" ? { kind: "column", index: place.column } : { kind: "row", index: place.row };
      if (seen.has(nodeKey(other))) continue;
      seen.set(nodeKey(other), other);
      queue.push(other);
    }
  }
  return seen;
}

function signedSumOfSide(known: Known, side: Map<string, Node>): number {
  let total = 0;
  for (const node of side.values()) {
    const lineSum = lineOf(known, node).reduce(
      (sum, place) => sum + (valueOf(known, place) ?? 0) * sign(known, place),
      0,
    );
    total += node.kind === "row" ? lineSum : -lineSum;
  }
  return total;
}

function sign(known: Known, { row, column }: Coordinates): number {
  const isTotalRow = row === known.length - 1;
  const isTotalColumn = column === (known[0]?.length ?? 0) - 1;
  return isTotalRow === isTotalColumn ? 1 : -1;
}

function lines(known: Known): Coordinates[][] {
  const columnCount = known[0]?.length ?? 0;
  return [
    ...known.map((_, index) => lineOf(known, { kind: "row", index })),
    ...Array.from({ length: columnCount }, (_, index) => lineOf(known, { kind: "column", index })),
  ];
}

function lineOf(known: Known, node: Node): Coordinates[] {
  if (node.kind === "row") return (known[node.index] ?? []).map((_, column) => ({ row: node.index, column }));
  return known.map((_, row) => ({ row, column: node.index }));
}

function allCoordinates(known: Known): Coordinates[] {
  return known.flatMap((row, rowIndex) => row.map((_, column) => ({ row: rowIndex, column })));
}

function nodeKey(node: Node): string {
  return `${node.kind}:${node.index}`;
}

function valueOf(known: Known, { row, column }: Coordinates): number | undefined {
  return known[row]?.[column];
}

function setKnown(known: Known, { row, column }: Coordinates, value: number): void {
  const line = known[row];
  if (line === undefined || column >= line.length) throw new RangeError(`No entry at row ${row}, column ${column}`);
  line[column] = value;
}

function sumKnown(known: Known, places: Coordinates[]): number {
  return places.reduce((sum, place) => sum + (valueOf(known, place) ?? 0), 0);
}

function knownValue(cell: PublishedCell): number | undefined {
  return cell.kind === "value" ? cell.value : undefined;
}

function requireDefined<T>(value: T | undefined): T {
  if (value === undefined) throw new RangeError("Every row of a published table needs a row total");
  return value;
}

function requireRectangular(rows: unknown[][], width: number): void {
  if (rows.some((row) => row.length !== width)) {
    throw new RangeError("Every row of a published table must have one cell per column total");
  }
}
