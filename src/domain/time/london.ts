import { TZDate } from "@date-fns/tz";

export const LONDON = "Europe/London";

const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  // date-fns prints GMT+1 for summer time; Intl gives the "BST" people expect.
  timeZoneName: "short",
});

const timeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZoneName: "short",
});

/** "29 Mar 2026, 05:30 BST" */
export function formatLondonDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}

/** "05:30 BST" */
export function formatLondonTime(date: Date): string {
  return timeFormat.format(date);
}

/** The value for an <input type="datetime-local">, in London wall-clock time: "2026-03-29T00:30". */
export function toLondonInputValue(date: Date): string {
  const d = new TZDate(date.getTime(), LONDON);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Reads a London wall-clock time ("2026-03-29T00:30") as an instant. Returns null for malformed
 * input and for a wall-clock time that does not exist (the hour skipped when the clocks go forward).
 * In the hour that happens twice in October the earlier (summer time) instant is taken.
 */
export function parseLondonInputValue(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const d = new TZDate(year, month - 1, day, hour, minute, LONDON);
  if (Number.isNaN(d.getTime())) return null;
  const roundTrip = new TZDate(d.getTime(), LONDON);
  if (
    roundTrip.getFullYear() !== year ||
    roundTrip.getMonth() !== month - 1 ||
    roundTrip.getDate() !== day ||
    roundTrip.getHours() !== hour ||
    roundTrip.getMinutes() !== minute
  ) {
    return null;
  }
  // TZDate resolves the repeated October hour to the later (GMT) instant; take the earlier one, so a
  // value from toLondonInputValue reads back as the same instant.
  const hourEarlier = new Date(d.getTime() - 60 * 60_000);
  return toLondonInputValue(hourEarlier) === value ? hourEarlier : new Date(d.getTime());
}
