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
