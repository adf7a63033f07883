/**
 * How far back a time of rescue may go. Every target on the pathway falls due between 1 hour and 3
 * working days after the rescue, so a rescue logged a month late is already past all of them. The
 * limit still leaves room for a record logged late after a weekend, leave or a system outage, while
 * a mistyped year (1000-01-01) no longer logs a pathway that escalates to every tier at once.
 */
export const OLDEST_RESCUE_DAYS = 30;
// A few minutes' grace for clocks that disagree (the browser's default is its own "now").
export const RESCUE_CLOCK_SKEW_MINUTES = 5;

const DAY = 24 * 60 * 60_000;

/** Why this time of rescue cannot be logged at `now`, or null when it can. */
export function rescueTimeProblem(occurredAt: Date, now: Date): string | null {
  if (occurredAt.getTime() > now.getTime() + RESCUE_CLOCK_SKEW_MINUTES * 60_000) return "The time of rescue must be now or in the past";
  if (occurredAt.getTime() < now.getTime() - OLDEST_RESCUE_DAYS * DAY) {
    return `The time of rescue must be within the last ${OLDEST_RESCUE_DAYS} days`;
  }
  return null;
}
