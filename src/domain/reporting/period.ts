import { endOfLondonDay, formatUkDate, parseUkDate, startOfLondonDay, type CalendarDay } from "../time/london-day";

/** The dashboard's reporting periods: a calendar month, a quarter, a year, or a custom range of days. */
export const PERIOD_KINDS = ["month", "quarter", "year", "custom"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Half-open: from the first London midnight (inclusive) to the last (exclusive). */
export type Period = { kind: PeriodKind; from: Date; to: Date; label: string; slug: string };

export type PeriodInput = { kind?: string; month?: string; quarter?: string; year?: string; from?: string; to?: string };
export type PeriodResult = { ok: true; period: Period } | { ok: false; field: string; message: string };

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** The longest custom range: enough for any report, short enough that a query stays quick. */
export const MAX_CUSTOM_DAYS = 3 * 366;

const firstOf = (year: number, month: number): CalendarDay => ({ year, month, day: 1 });
function daysAfter({ year, month, day }: CalendarDay, days: number): CalendarDay {
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
const pad = (n: number) => String(n).padStart(2, "0");
const isoDay = ({ year, month, day }: CalendarDay) => `${year}-${pad(month)}-${pad(day)}`;

function wholeMonths(kind: PeriodKind, start: CalendarDay, months: number, label: string, slug: string): Period {
  const endMonthIndex = start.month - 1 + months;
  const end = firstOf(start.year + Math.floor(endMonthIndex / 12), (endMonthIndex % 12) + 1);
  return { kind, from: startOfLondonDay(start), to: startOfLondonDay(end), label, slug };
}

function parseYear(text: string | undefined): number | null {
  const year = Number(text);
  return /^\d{4}$/.test(text ?? "") && year >= 2000 && year <= 2100 ? year : null;
}

/**
 * Reads the period picker's query: `kind=month&month=2026-11`, `kind=quarter&quarter=2026-Q3`,
 * `kind=year&year=2026`, or `kind=custom&from=01/09/2026&to=30/11/2026` (both days included). Every
 * boundary is a London midnight, so a month is a month in GMT and BST alike. Without a kind, the
 * month that contains `now`.
 */
export function parsePeriod(input: PeriodInput, now: Date): PeriodResult {
  const kind = (input.kind || "month") as PeriodKind;
  if (!PERIOD_KINDS.includes(kind)) return { ok: false, field: "kind", message: "Choose a month, quarter, year or custom range" };
  const today = londonToday(now);

  if (kind === "month") {
    const match = input.month ? /^(\d{4})-(\d{2})$/.exec(input.month) : null;
    const year = match ? parseYear(match[1]) : input.month ? null : today.year;
    const month = match ? Number(match[2]) : input.month ? NaN : today.month;
    if (year === null || !(month >= 1 && month <= 12)) return { ok: false, field: "month", message: "Choose a month, like 2026-11" };
    return { ok: true, period: wholeMonths(kind, firstOf(year, month), 1, `${MONTHS[month - 1]} ${year}`, `${year}-${pad(month)}`) };
  }
  if (kind === "quarter") {
    const match = input.quarter ? /^(\d{4})-Q([1-4])$/i.exec(input.quarter) : null;
    const year = match ? parseYear(match[1]) : input.quarter ? null : today.year;
    const quarter = match ? Number(match[2]) : input.quarter ? NaN : Math.floor((today.month - 1) / 3) + 1;
    if (year === null || !(quarter >= 1 && quarter <= 4)) return { ok: false, field: "quarter", message: "Choose a quarter, like 2026-Q3" };
    const start = firstOf(year, (quarter - 1) * 3 + 1);
    const label = `${MONTHS[start.month - 1]} to ${MONTHS[start.month + 1]} ${year} (Q${quarter})`;
    return { ok: true, period: wholeMonths(kind, start, 3, label, `${year}-Q${quarter}`) };
  }
  if (kind === "year") {
    const year = input.year ? parseYear(input.year) : today.year;
    if (year === null) return { ok: false, field: "year", message: "Enter a year, like 2026" };
    return { ok: true, period: wholeMonths(kind, firstOf(year, 1), 12, String(year), String(year)) };
  }

  const from = parseUkDate(input.from ?? "");
  if (!from) return { ok: false, field: "from", message: "Enter the first day, like 01/09/2026" };
  const to = parseUkDate(input.to ?? "");
  if (!to) return { ok: false, field: "to", message: "Enter the last day, like 30/11/2026" };
  const fromAt = startOfLondonDay(from);
  const toAt = endOfLondonDay(to);
  if (toAt <= fromAt) return { ok: false, field: "to", message: "The last day must be the same as or after the first day" };
  if (startOfLondonDay(daysAfter(from, MAX_CUSTOM_DAYS)) < toAt) {
    return { ok: false, field: "to", message: `Choose a range of ${MAX_CUSTOM_DAYS} days or fewer` };
  }
  return {
    ok: true,
    period: { kind, from: fromAt, to: toAt, label: `${formatUkDate(from)} to ${formatUkDate(to)}`, slug: `${isoDay(from)}_to_${isoDay(to)}` },
  };
}

/** Today's date in London. */
export function londonToday(now: Date): CalendarDay {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return { year: value("year"), month: value("month"), day: value("day") };
}
