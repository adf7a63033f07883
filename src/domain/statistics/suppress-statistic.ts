import { publishCount, type Counted } from "./cell-key";
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

/**
 * A median, percentile or other figure computed from the people of `base`: shown only when their
 * count would be shown (decision record 0018), so it is hidden with the published count, never
 * beside a "[c]", and none when there is no one.
 */
export function publishStatisticOn<T>(value: T, base: Counted, threshold: number = DEFAULT_THRESHOLD): PublishedStatistic<T> {
  if (base.count === 0) return { kind: "none" };
  return publishCount(base.count, base.keySum, threshold).kind === "value" ? { kind: "shown", value } : { kind: "suppressed" };
}

/**
 * `part` of `whole` people as a percentage, made from the perturbed counts (so it says no more than
 * the published counts do) and capped at 100%. Hidden whenever `suppressShare` hides the true share,
 * or the published part or whole is hidden.
 */
export function publishShare(part: Counted, whole: Counted, threshold: number = DEFAULT_THRESHOLD): PublishedStatistic<number> {
  const truth = suppressShare(part.count, whole.count, threshold);
  if (truth.kind !== "shown") return truth;
  const shownPart = publishCount(part.count, part.keySum, threshold);
  const shownWhole = publishCount(whole.count, whole.keySum, threshold);
  if (shownPart.kind !== "value" || shownWhole.kind !== "value") return { kind: "suppressed" };
  if (shownWhole.value <= 0) return { kind: "none" };
  const percent = Math.round((Math.min(shownPart.value, shownWhole.value) * 1000) / shownWhole.value) / 10;
  return { kind: "shown", value: percent };
}
