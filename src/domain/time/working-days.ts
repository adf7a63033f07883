import { TZDate } from "@date-fns/tz";
import { addDays, isWeekend } from "date-fns";
import { LONDON } from "./london";

// England and Wales bank holidays. Partnerships in Scotland or Northern Ireland would need their
// own list; ours are all in England.
const BANK_HOLIDAYS = new Set([
  "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
  "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
  "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
  "2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26",
]);

function londonDateKey(d: TZDate): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function isWorkingDay(date: Date): boolean {
  const d = new TZDate(date.getTime(), LONDON);
  return !isWeekend(d) && !BANK_HOLIDAYS.has(londonDateKey(d));
}

/**
 * The same London wall-clock time `days` working days later (weekends and bank holidays skipped).
 * A start on a non-working day counts from the next working day's start of day.
 */
export function addWorkingDays(start: Date, days: number): Date {
  let d = new TZDate(start.getTime(), LONDON);
  let time = [d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()] as const;
  if (!isWorkingDay(d)) {
    while (!isWorkingDay(d)) d = addDays(d, 1);
    time = [0, 0, 0, 0];
  }
  let added = 0;
  while (added < days) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) added += 1;
  }
  // Stepping through the Sunday the clocks go forward turns 01:30 into 02:30 for good; set the
  // wall-clock time again on the due day (always a weekday, so it exists there).
  return new Date(new TZDate(d.getFullYear(), d.getMonth(), d.getDate(), ...time, LONDON).getTime());
}
