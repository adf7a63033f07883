import { parseLondonInputValue } from "./london";

export type CalendarDay = { year: number; month: number; day: number };

/**
 * Reads a date as typed on a UK form: "23/11/2026" (day first) or "2026-11-23". Null for anything
 * else, including days that do not exist ("31/2/2026").
 */
export function parseUkDate(text: string): CalendarDay | null {
  const trimmed = text.trim();
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const parts = uk ? [uk[3], uk[2], uk[1]] : iso ? [iso[1], iso[2], iso[3]] : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** Midnight at the start of this day in London (GMT or BST), as an instant. */
export function startOfLondonDay({ year, month, day }: CalendarDay): Date {
  const pad = (n: number) => String(n).padStart(2, "0");
  // Midnight always exists in London: the clocks change at 01:00 and 02:00.
  const instant = parseLondonInputValue(`${year}-${pad(month)}-${pad(day)}T00:00`);
  if (!instant) throw new Error(`No London midnight on ${year}-${month}-${day}`);
  return instant;
}

/** Midnight at the start of the next day in London: the end of this day, exclusive. */
export function endOfLondonDay({ year, month, day }: CalendarDay): Date {
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return startOfLondonDay({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() });
}

/** "23/11/2026", the way the form shows a date back. */
export function formatUkDate({ year, month, day }: CalendarDay): string {
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

// Made once: building an Intl formatter costs far more than formatting with one.
const londonDayFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in London (the London date of any instant). */
export function londonToday(now: Date): CalendarDay {
  const parts = londonDayFormat.formatToParts(now);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return { year: value("year"), month: value("month"), day: value("day") };
}
