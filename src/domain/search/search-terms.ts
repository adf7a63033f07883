// What a person typed into the search box, read as the kind of term it is. Pure, so the server's
// search and the tests agree on the rules. The term itself is personal data: it is used for the one
// query and never stored (the audit row keeps only its kind and the number of results).

export const MAX_SEARCH_LENGTH = 100;
export const SEARCH_PAGE_SIZE = 50;

export type SearchTerm =
  | { kind: "case-reference"; value: string }
  | { kind: "rescue-reference"; value: string }
  | { kind: "date-of-birth"; value: Date }
  | { kind: "text"; value: string };

export type SearchKind = SearchTerm["kind"];

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  "case-reference": "case reference",
  "rescue-reference": "rescue reference",
  "date-of-birth": "date of birth",
  text: "name, description, operation or part of a reference",
};

const CASE_REFERENCE = /^VCP-[0-9A-Z]{4}-[0-9A-Z]{4}$/;
const RESCUE_REFERENCE = /^RES-\d{4}-[0-9A-Z]{6}$/;
const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Control characters are never typed; a NUL would fail in Postgres.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

export type ParsedSearch = { ok: true; term: SearchTerm | null } | { ok: false; error: string };

function realDate(year: number, month: number, day: number): Date | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

/** A blank box is no search (null), not an error. */
export function parseSearchTerm(raw: unknown, today = new Date()): ParsedSearch {
  if (raw === undefined || raw === null) return { ok: true, term: null };
  if (typeof raw !== "string") return { ok: false, error: "Enter one thing to search for" };
  if (CONTROL.test(raw)) return { ok: false, error: "Remove the hidden characters (such as a null character) from the search" };
  const typed = raw.trim().replace(/\s+/g, " ");
  if (typed === "") return { ok: true, term: null };
  if (typed.length > MAX_SEARCH_LENGTH) return { ok: false, error: `Search for ${MAX_SEARCH_LENGTH} characters or fewer` };

  const upper = typed.toUpperCase();
  if (CASE_REFERENCE.test(upper)) return { ok: true, term: { kind: "case-reference", value: upper } };
  if (RESCUE_REFERENCE.test(upper)) return { ok: true, term: { kind: "rescue-reference", value: upper } };

  const dmy = DAY_MONTH_YEAR.exec(typed);
  const iso = ISO_DATE.exec(typed);
  if (dmy || iso) {
    const [year, month, day] = dmy ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])] : [Number(iso![1]), Number(iso![2]), Number(iso![3])];
    const date = realDate(year, month, day);
    if (!date) return { ok: false, error: "Enter a real date of birth, for example 27/03/1990" };
    if (date.getTime() > today.getTime()) return { ok: false, error: "A date of birth must be in the past" };
    return { ok: true, term: { kind: "date-of-birth", value: date } };
  }

  if (typed.length < 2) return { ok: false, error: "Enter at least 2 characters" };
  return { ok: true, term: { kind: "text", value: typed } };
}

/** Page numbers from the address bar: anything but a whole number from 1 is page 1. */
export function parsePageNumber(raw: unknown): number {
  if (typeof raw !== "string" || !/^\d{1,5}$/.test(raw)) return 1;
  return Math.max(1, Number(raw));
}
