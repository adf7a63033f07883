import { fieldRefused, ok, type Result } from "../result";
import { londonToday, parseUkDate, type CalendarDay } from "../time/london-day";
import { compareDays, formatDay } from "./nrm-referral";

export const DATE_MISSING = "Enter the date, like 23/11/2026";
export const DATE_NOT_REAL = "Enter a real date, like 23/11/2026";
export const DATE_IN_FUTURE = "The date cannot be in the future";

/** A calendar day as Postgres `date` holds it (UTC midnight), and back. */
export function dayToDb({ year, month, day }: CalendarDay): Date {
  return new Date(Date.UTC(year, month - 1, day));
}
export function dayFromDb(date: Date): CalendarDay {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The London day of an instant (the rescue's, say). */
export { londonToday as londonDayOf };

/**
 * A date typed on one of these forms: a real day, not after today (London), and not before `notBefore`
 * (the rescue, the referral, the decision it follows) — each refused at its own field.
 */
export function checkDay(
  field: string,
  text: unknown,
  { today, notBefore }: { today: CalendarDay; notBefore?: { day: CalendarDay; message: (day: string) => string } },
): Result<CalendarDay> {
  if (typeof text !== "string" || text.trim() === "") return fieldRefused(field, DATE_MISSING);
  const day = parseUkDate(text);
  if (!day) return fieldRefused(field, DATE_NOT_REAL);
  if (compareDays(day, today) > 0) return fieldRefused(field, DATE_IN_FUTURE);
  if (notBefore && compareDays(day, notBefore.day) < 0) return fieldRefused(field, notBefore.message(formatDay(notBefore.day)));
  return ok(day);
}

export const beforeRescue = (day: string) => `The date cannot be before the rescue (${day})`;
