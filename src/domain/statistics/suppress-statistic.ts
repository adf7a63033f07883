import { DEFAULT_THRESHOLD, requireValidThreshold } from "./published";

export type PublishedStatistic<T> = { kind: "shown"; value: T } | { kind: "suppressed" } | { kind: "none" };

/**
 * A percentage, median or other figure computed from `peopleCount` people. From 1 to the threshold
 * people it is suppressed (a median of two people is nearly their own values); from none it does
 * not exist, which is not a secret.
 */
export function suppressStatistic<T>(
  value: T,
  peopleCount: number,
  threshold: number = DEFAULT_THRESHOLD,
): PublishedStatistic<T> {
  requireValidThreshold(threshold);
  if (!Number.isInteger(peopleCount) || peopleCount < 0) {
    throw new RangeError(`The number of people must be a whole number of 0 or more, not ${peopleCount}`);
  }
  if (peopleCount === 0) return { kind: "none" };
  if (peopleCount <= threshold) return { kind: "suppressed" };
  return { kind: "shown", value };
}

/**
 * `part` of `whole` people as a percentage to one decimal place. Hidden when the whole is from 1 to
 * the threshold, and also when the part, or the rest, is: beside a published whole, a percentage is
 * a count (3% of 33 people is 1 person), so it falls under the same rule as the count.
 */
export function suppressShare(part: number, whole: number, threshold: number = DEFAULT_THRESHOLD): PublishedStatistic<number> {
  requireValidThreshold(threshold);
  if (!Number.isInteger(part) || part < 0 || part > whole) {
    throw new RangeError(`A share needs a whole number of people from 0 to ${whole}, not ${part}`);
  }
  const percent = whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10;
  const small = (count: number) => count >= 1 && count <= threshold;
  if (whole > 0 && (small(part) || small(whole - part))) return { kind: "suppressed" };
  return suppressStatistic(percent, whole, threshold);
}
