import { mulberry32 } from "@/domain/seeded-random";
import type { PublishedCell } from "./published";
import { DEFAULT_THRESHOLD, requireValidThreshold } from "./published";

/**
 * The cell key method (ABS, ONS): every person carries a random record key from 0 to 255 fixed when
 * their record is made; a cell's key is the sum of its people's keys modulo 256, and a fixed look-up
 * table (the "ptable") turns the cell's key and true count into a small change. The same people
 * always give the same figure, whichever view counts them, and a figure differenced from an
 * overlapping one is off by a change the reader cannot know. Decision record 0018.
 */

/** Record keys, and cell keys, run from 0 to this less one. */
export const KEY_RANGE = 256;
/** The largest change the ptable makes to any count. */
export const MAX_CHANGE = 2;
/** Counts from this many up share a distribution (several rows of it, each shuffled differently). */
const LARGE_FROM = 5;
/** How many differently shuffled rows counts of LARGE_FROM and more cycle through. */
const LARGE_ROWS = 16;
/** Fixed, so the table, and every published figure, is the same on every server and in every test. */
const PTABLE_SEED = 0x0c311_4e7;

/** How many of the 256 keys give each change, by true count. */
const CHANGE_COUNTS: Record<"one" | "two" | "small" | "large", [change: number, keys: number][]> = {
  // A positive count is never published as 0 and none is published exactly: 1 becomes 2 or 3.
  one: [
    [1, 192],
    [2, 64],
  ],
  two: [
    [-1, 96],
    [1, 96],
    [2, 64],
  ],
  // 3 and 4 (the default threshold's small counts) always change, by ±1 or ±2, evenly.
  small: [
    [-2, 38],
    [-1, 90],
    [1, 90],
    [2, 38],
  ],
  // From 5 up: half the keys leave the count, the rest move it by ±1 or ±2, evenly.
  large: [
    [-2, 13],
    [-1, 51],
    [0, 128],
    [1, 51],
    [2, 13],
  ],
};

function shuffledRow(spec: [number, number][], random: () => number): number[] {
  const row = spec.flatMap(([change, keys]) => Array.from({ length: keys }, () => change));
  if (row.length !== KEY_RANGE) throw new Error(`A ptable row needs ${KEY_RANGE} entries, not ${row.length}`);
  for (let index = row.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [row[index], row[other]] = [row[other] ?? 0, row[index] ?? 0];
  }
  return row;
}

/**
 * The ptable: row 0 for a count of 0 (all zeros), rows 1 to 4 for counts 1 to 4, and rows 5 to 20
 * for counts from 5 up (count 5 + n uses row 5 + n mod 16, so one key does not move every large count
 * the same way). Generated from a fixed seed: same code, same table.
 */
export function buildPtable(seed: number = PTABLE_SEED): readonly (readonly number[])[] {
  const random = mulberry32(seed);
  const rows: number[][] = [Array.from({ length: KEY_RANGE }, () => 0)];
  rows.push(shuffledRow(CHANGE_COUNTS.one, random));
  rows.push(shuffledRow(CHANGE_COUNTS.two, random));
  rows.push(shuffledRow(CHANGE_COUNTS.small, random));
  rows.push(shuffledRow(CHANGE_COUNTS.small, random));
  for (let index = 0; index < LARGE_ROWS; index += 1) rows.push(shuffledRow(CHANGE_COUNTS.large, random));
  return rows;
}

export const PTABLE = buildPtable();

/** The ptable row a true count reads. */
export function ptableRow(count: number): number {
  requireCount(count);
  return count < LARGE_FROM ? count : LARGE_FROM + ((count - LARGE_FROM) % LARGE_ROWS);
}

/** A cell's key from the sum of its people's record keys. */
export function cellKey(keySum: number): number {
  if (!Number.isInteger(keySum) || keySum < 0) {
    throw new RangeError(`A key sum must be a whole number of 0 or more, not ${keySum}`);
  }
  return keySum % KEY_RANGE;
}

/** The published value of a count of people whose record keys add up to `keySum`. */
export function perturbCount(count: number, keySum: number): number {
  const change = PTABLE[ptableRow(count)]?.[cellKey(keySum)];
  if (change === undefined) throw new Error("The ptable is missing an entry");
  return count + change;
}

/**
 * A count as the dashboard publishes it: perturbed, then hidden ("[c]") when the true count is from
 * 1 to the threshold, or when the perturbed one is (a shown 3 beside hidden small counts would say
 * the true count was just above the threshold).
 */
export function publishCount(count: number, keySum: number, threshold: number = DEFAULT_THRESHOLD): PublishedCell {
  requireValidThreshold(threshold);
  const perturbed = perturbCount(count, keySum);
  const small = (value: number) => value >= 1 && value <= threshold;
  if (small(count) || small(perturbed)) return { kind: "suppressed", reason: "primary" };
  return { kind: "value", value: perturbed };
}

function requireCount(count: number): void {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`A count must be a whole number of 0 or more, not ${count}`);
  }
}

/** A true count of people with the sum of their record keys: what a published figure is made from. */
export type Counted = { count: number; keySum: number };

export const NONE: Counted = { count: 0, keySum: 0 };

/**
 * The people of several disjoint cells as one: counts add, and so do key sums, so a total is
 * perturbed from its own key (the same one any other view of those people gives), not from its parts.
 */
export function addCounted(cells: readonly Counted[]): Counted {
  return cells.reduce((total, cell) => ({ count: total.count + cell.count, keySum: total.keySum + cell.keySum }), NONE);
}

/** The words that go beside every perturbed figure (page, print, CSV, notice), as ONS publications say it. */
export const PERTURBATION_NOTE = "Figures are slightly adjusted to protect people, so rows and columns may not add up exactly";
