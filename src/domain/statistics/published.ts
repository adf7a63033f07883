/** Counts from 1 to this many people are never published (the PCC office's rule). */
export const DEFAULT_THRESHOLD = 4;
/** The range administrators may set the threshold in. */
export const MIN_SUPPRESSION_THRESHOLD = 1;
export const MAX_SUPPRESSION_THRESHOLD = 20;

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

/**
 * What every hidden figure on the PCC dashboard reads: one mark for all of them (the UK statistics
 * convention, "[c]" for confidential). Not "<5": a cell hidden only to protect another is not small,
 * and a percentage that read "<5" would mean "under 5%". Nor one mark for small counts and another
 * for cells hidden to protect them: telling them apart can give a value away (a total of 6 split
 * into "<5" and "5 or more" is 1 and 5).
 */
export const SUPPRESSED_MARK = "[c]";

/** The key to the mark, for a page or a file. */
export function suppressionKey(threshold: number = DEFAULT_THRESHOLD): string {
  return `${SUPPRESSED_MARK}: hidden, because it counts 1 to ${threshold} people, is worked out from so few, or would let such a count be worked out`;
}

/** "12", or the mark for a hidden count. */
export function display(cell: PublishedCell): string {
  return cell.kind === "value" ? String(cell.value) : SUPPRESSED_MARK;
}

export function requireValidThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 0) {
    throw new RangeError(`The suppression threshold must be a whole number of 0 or more, not ${threshold}`);
  }
}
