/** Counts from 1 to this many people are never published (the PCC office's rule). */
export const DEFAULT_THRESHOLD = 4;

export type SuppressionReason = "primary" | "secondary";

/** What a reader sees in one place of a published table: the true count, or nothing. */
export type PublishedCell =
  | { kind: "value"; value: number }
  | { kind: "suppressed"; reason: SuppressionReason };

/** A cross-tabulation as published: every total is shown beside the cells it adds up. */
export interface PublishedTable {
  threshold: number;
  cells: PublishedCell[][];
  rowTotals: PublishedCell[];
  columnTotals: PublishedCell[];
  grandTotal: PublishedCell;
}

export interface PublishedList {
  threshold: number;
  cells: PublishedCell[];
  total: PublishedCell;
}

/** A place in a published table; "total" marks the totals row or column. */
export interface EntryPosition {
  row: number | "total";
  column: number | "total";
}

/** "12", or "<5" for a suppressed count at the default threshold. */
export function display(cell: PublishedCell, threshold: number = DEFAULT_THRESHOLD): string {
  return cell.kind === "value" ? String(cell.value) : `<${threshold + 1}`;
}

export function requireValidThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 0) {
    throw new RangeError(`The suppression threshold must be a whole number of 0 or more, not ${threshold}`);
  }
}
