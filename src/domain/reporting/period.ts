import { fieldRefused, ok, type Result } from "../result";
import { londonToday, startOfLondonDay, type CalendarDay } from "../time/london-day";

/**
 * The dashboard's reporting periods: a calendar month, a quarter, a year, or a custom range of whole
 * months. Never a range of days: two ranges a day apart would differ by the people rescued on that
 * day, and small-number suppression cannot protect a difference between two published tables.
 */
export const PERIOD_KINDS = ["month", "quarter", "year", "custom"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/**
 * Half-open: from the first London midnight (inclusive) to the last (exclusive). `months` lists the
 * London calendar months it covers, as "2026-11".
 */
export type Period = { kind: PeriodKind; from: Date; to: Date; months: string[]; label: string; slug: string };

export type PeriodInput = { kind?: string; month?: string; quarter?: string; year?: string; from?: string; to?: string };
export type PeriodResult = Result<Period>;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** The longest custom range, in months. */
export const MAX_CUSTOM_MONTHS = 36;

const firstOf = (year: number, month: number): CalendarDay => ({ year, month, day: 1 });
const pad = (n: number) => String(n).padStart(2, "0");

function wholeMonths(kind: PeriodKind, start: CalendarDay, count: number, label: string, slug: string): Period {
  const endMonthIndex = start.month - 1 + count;
  const end = firstOf(start.year + Math.floor(endMonthIndex / 12), (endMonthIndex % 12) + 1);
  const months = Array.from({ length: count }, (_, index) => {
    const monthIndex = start.month - 1 + index;
    return `${start.year + Math.floor(monthIndex / 12)}-${pad((monthIndex % 12) + 1)}`;
  });
  return { kind, from: startOfLondonDay(start), to: startOfLondonDay(end), months, label, slug };
}

/** The London month before the one `today` is in. */
export function lastCompleteMonth(today: CalendarDay): { year: number; month: number } {
  return today.month === 1 ? { year: today.year - 1, month: 12 } : { year: today.year, month: today.month - 1 };
}

/** "09/2026" or "2026-09" (as a month field sends it), or null. */
function parseMonth(text: string | undefined): { year: number; month: number } | null {
  const trimmed = (text ?? "").trim();
  const uk = /^(\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{1,2})$/.exec(trimmed);
  const [yearText, monthText] = uk ? [uk[2], uk[1]] : iso ? [iso[1], iso[2]] : [undefined, undefined];
  const year = parseYear(yearText);
  const month = Number(monthText);
  return year !== null && Number.isInteger(month) && month >= 1 && month <= 12 ? { year, month } : null;
}

function parseYear(text: string | undefined): number | null {
  const year = Number(text);
  return /^\d{4}$/.test(text ?? "") && year >= 2000 && year <= 2100 ? year : null;
}

/**
 * Reads the period picker's query: `kind=month&month=2026-11`, `kind=quarter&quarter=2026-Q3`,
 * `kind=year&year=2026`, or `kind=custom&from=09/2026&to=11/2026` (both months included). Every
 * boundary is a London midnight, so a month is a month in GMT and BST alike. Without a month (and
 * without a kind), the last complete London month: a new month's first days show almost nothing.
 */
export function parsePeriod(input: PeriodInput, now: Date): PeriodResult {
  const kind = (input.kind || "month") as PeriodKind;
  if (!PERIOD_KINDS.includes(kind)) return fieldRefused("kind", "Choose a month, quarter, year or custom range");
  const today = londonToday(now);

  if (kind === "month") {
    const match = input.month ? /^(\d{4})-(\d{2})$/.exec(input.month) : null;
    const last = lastCompleteMonth(today);
    const year = match ? parseYear(match[1]) : input.month ? null : last.year;
    const month = match ? Number(match[2]) : input.month ? NaN : last.month;
    if (year === null || !(month >= 1 && month <= 12)) return fieldRefused("month", "Choose a month, like 2026-11");
    return ok(wholeMonths(kind, firstOf(year, month), 1, `${MONTHS[month - 1]} ${year}`, `${year}-${pad(month)}`));
  }
  if (kind === "quarter") {
    const match = input.quarter ? /^(\d{4})-Q([1-4])$/i.exec(input.quarter) : null;
    const year = match ? parseYear(match[1]) : input.quarter ? null : today.year;
    const quarter = match ? Number(match[2]) : input.quarter ? NaN : Math.floor((today.month - 1) / 3) + 1;
    if (year === null || !(quarter >= 1 && quarter <= 4)) return fieldRefused("quarter", "Choose a quarter, like 2026-Q3");
    const start = firstOf(year, (quarter - 1) * 3 + 1);
    const label = `${MONTHS[start.month - 1]} to ${MONTHS[start.month + 1]} ${year} (Q${quarter})`;
    return ok(wholeMonths(kind, start, 3, label, `${year}-Q${quarter}`));
  }
  if (kind === "year") {
    const year = input.year ? parseYear(input.year) : today.year;
    if (year === null) return fieldRefused("year", "Enter a year, like 2026");
    return ok(wholeMonths(kind, firstOf(year, 1), 12, String(year), String(year)));
  }

  const from = parseMonth(input.from);
  if (!from) return fieldRefused("from", "Enter the first month, like 09/2026");
  const to = parseMonth(input.to);
  if (!to) return fieldRefused("to", "Enter the last month, like 11/2026");
  const count = (to.year - from.year) * 12 + (to.month - from.month) + 1;
  if (count < 1) return fieldRefused("to", "The last month must be the same as or after the first month");
  if (count > MAX_CUSTOM_MONTHS) return fieldRefused("to", `Choose a range of ${MAX_CUSTOM_MONTHS} months or fewer`);
  const label = `${MONTHS[from.month - 1]} ${from.year} to ${MONTHS[to.month - 1]} ${to.year}`;
  return ok(wholeMonths(kind, firstOf(from.year, from.month), count, label, `${from.year}-${pad(from.month)}_to_${to.year}-${pad(to.month)}`));
}

/**
 * What the period picker's fields hold for a period, so the form shows the period on the page:
 * month and year fields from its last month, quarter from its first, and its first and last months.
 */
export function periodFieldValues(period: Pick<Period, "months">): Required<Omit<PeriodInput, "kind">> {
  const [firstYear, firstMonth] = period.months[0]!.split("-").map(Number) as [number, number];
  const last = period.months[period.months.length - 1]!;
  const [lastYear, lastMonth] = last.split("-").map(Number) as [number, number];
  return {
    month: last,
    quarter: `${firstYear}-Q${Math.floor((firstMonth - 1) / 3) + 1}`,
    year: String(lastYear),
    from: `${pad(firstMonth)}/${firstYear}`,
    to: `${pad(lastMonth)}/${lastYear}`,
  };
}
