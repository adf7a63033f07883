import { DEFAULT_THRESHOLD, requireValidThreshold } from "./published";

export interface Group {
  label: string;
  count: number;
  /** The sum of the group's people's record keys (decision record 0018): folded groups add theirs up. */
  keySum: number;
}

/**
 * Folds every group of 1 to `threshold` people into one "Other" group, listed last. If "Other"
 * would itself be that small, the smallest remaining groups join it until it is larger or none is
 * left (then it is suppressed like any small count). A group already called "Other" joins it.
 * Which groups were folded is not returned: naming them would reveal that they are not empty.
 */
export function foldSmallGroups(
  entries: readonly Group[],
  threshold: number = DEFAULT_THRESHOLD,
  otherLabel = "Other",
): Group[] {
  requireValidThreshold(threshold);
  const isSmall = (group: Group) => group.count >= 1 && group.count <= threshold;
  let kept = entries.filter((group) => group.label !== otherLabel && !isSmall(group));
  const folded = entries.filter((group) => group.label === otherLabel || isSmall(group));
  let other = sumCounts(folded);
  let otherKeySum = sumKeys(folded);

  while (other >= 1 && other <= threshold) {
    const smallest = smallestNonEmpty(kept);
    if (smallest === undefined) break;
    other += smallest.count;
    otherKeySum += smallest.keySum;
    kept = kept.filter((group) => group !== smallest);
  }
  const hasOther = other > 0 || entries.some((group) => group.label === otherLabel);
  return hasOther ? [...kept, { label: otherLabel, count: other, keySum: otherKeySum }] : kept;
}

function smallestNonEmpty(groups: readonly Group[]): Group | undefined {
  let smallest: Group | undefined;
  for (const group of groups) {
    if (group.count > 0 && (smallest === undefined || group.count < smallest.count)) smallest = group;
  }
  return smallest;
}

function sumCounts(groups: readonly Group[]): number {
  return groups.reduce((total, group) => total + group.count, 0);
}

function sumKeys(groups: readonly Group[]): number {
  return groups.reduce((total, group) => total + group.keySum, 0);
}
