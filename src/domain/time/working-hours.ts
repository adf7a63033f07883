import { TZDate } from "@date-fns/tz";
import { MS } from "./duration";
import { LONDON } from "./london";
import { endOfLondonDay, londonToday, startOfLondonDay, type CalendarDay } from "./london-day";
import { isWorkingDay } from "./working-days";

/** When an agency is open, as the Agency row keeps it: minutes after midnight, London time. */
export type AgencyHours = { officeHoursOnly: boolean; opensAtMinute: number; closesAtMinute: number };

/** An agency that never closes (police, the Salvation Army's referral line). */
export const ROUND_THE_CLOCK: AgencyHours = { officeHoursOnly: false, opensAtMinute: 0, closesAtMinute: 1440 };

// Far more than any target allows; a guard against a loop that never ends, not a rule.
const MAX_DAYS_SEARCHED = 3660;

function atLondonMinute(day: CalendarDay, minute: number): number {
  if (minute >= 1440) return endOfLondonDay(day).getTime();
  return new TZDate(day.year, day.month - 1, day.day, Math.floor(minute / 60), minute % 60, LONDON).getTime();
}

/**
 * The instant by which `hours` of the agency's open time have passed since `start`. An agency open
 * round the clock counts every elapsed hour (as a target in hours does). An office-hours agency
 * counts only from `opensAtMinute` to `closesAtMinute` London time on working days (Monday to
 * Friday, not England and Wales bank holidays): a rescue after closing starts counting at the next
 * opening, and a target that uses up a day's hours exactly is due at that day's closing time.
 * Opening hours are London wall-clock times, so they follow summer time; the hours counted are
 * real elapsed hours.
 */
export function addWorkingHours(start: Date, hours: number, agency: AgencyHours): Date {
  if (!agency.officeHoursOnly) return new Date(start.getTime() + hours * MS.HOUR);
  let left = hours * MS.HOUR;
  let cursor = start.getTime();
  for (let i = 0; i < MAX_DAYS_SEARCHED; i += 1) {
    const day = londonToday(new Date(cursor));
    if (isWorkingDay(startOfLondonDay(day))) {
      const opens = atLondonMinute(day, agency.opensAtMinute);
      const closes = atLondonMinute(day, agency.closesAtMinute);
      const from = Math.max(cursor, opens);
      if (from < closes) {
        if (left <= closes - from) return new Date(from + left);
        left -= closes - from;
      }
    }
    cursor = endOfLondonDay(day).getTime();
  }
  throw new Error(`No ${hours} working hours within ${MAX_DAYS_SEARCHED} days of ${start.toISOString()}`);
}
