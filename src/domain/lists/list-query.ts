// The state of the People and Cases lists, read from the address bar. Everything in a query string is
// hostile until parsed (docs/decisions/0008): an unknown value falls back to the default, so a crafted
// or stale link shows the plain list, never an error. Pure, so the pages, the use cases and the tests
// agree on the rules.
import { AGE_GROUP_LABELS, AGE_GROUPS, type AgeGroup } from "../types";
import { parsePageNumber } from "../search/search-terms";

export const LIST_PAGE_SIZE = 50;

export const LIST_STATUSES = ["live", "closed"] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];

/** Rescued newest first is the default; name is for agency staff only (the coordinator never sees one). */
export const LIST_SORTS = ["rescued", "name", "reference", "due"] as const;
export type ListSort = (typeof LIST_SORTS)[number];
export const CASE_LIST_SORTS = ["rescued", "reference", "due"] as const satisfies readonly ListSort[];

export const LIST_SORT_LABELS: Record<ListSort, string> = {
  rescued: "Rescued, newest first",
  name: "Name, A to Z",
  reference: "Case reference",
  due: "Next due (most urgent first)",
};

/** For agency staff: the people their agency logged, or the ones it works with that another agency logged. */
export const PEOPLE_AGENCY_FILTERS = ["logged", "shared"] as const;
export type PeopleAgencyFilter = (typeof PEOPLE_AGENCY_FILTERS)[number];
export const PEOPLE_AGENCY_FILTER_LABELS: Record<PeopleAgencyFilter, string> = {
  logged: "Logged by us",
  shared: "Logged by another agency",
};

export type ListQuery = {
  status: ListStatus;
  /** Only people with a stage past its due time (live cases only: closing a case ends its stages). */
  overdue: boolean;
  age: AgeGroup | null;
  /** People: "logged" or "shared". Cases: an agency id, checked against the partnership's agencies by the use case. */
  agency: string | null;
  sort: ListSort;
  /** What was typed in the search box, unparsed: the search use case's own parser reads it. */
  q: string;
  page: number;
};

export type RawQuery = Record<string, string | string[] | undefined>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function one(raw: RawQuery, key: string): string | undefined {
  const value = raw[key];
  return typeof value === "string" ? value : undefined;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function parseListQuery(raw: RawQuery, kind: "people" | "cases"): ListQuery {
  const status = oneOf(one(raw, "status"), LIST_STATUSES, "live");
  const sorts: readonly ListSort[] = kind === "people" ? LIST_SORTS : CASE_LIST_SORTS;
  let sort = oneOf(one(raw, "sort"), sorts, "rescued");
  // A closed case has no open stage, so nothing is due and nothing is overdue.
  if (status === "closed" && sort === "due") sort = "rescued";
  const ageValue = one(raw, "age");
  const agencyValue = one(raw, "agency");
  const agency =
    kind === "people"
      ? oneOf<PeopleAgencyFilter | "">(agencyValue, PEOPLE_AGENCY_FILTERS, "") || null
      : agencyValue && UUID.test(agencyValue)
        ? agencyValue.toLowerCase()
        : null;
  return {
    status,
    overdue: status === "live" && one(raw, "overdue") === "yes",
    age: oneOf<AgeGroup | "">(ageValue, AGE_GROUPS, "") || null,
    agency,
    sort,
    q: one(raw, "q") ?? "",
    page: parsePageNumber(one(raw, "page")),
  };
}

/** The address of a view: only what differs from the default, so the plain list is the bare path. */
export function listHref(path: string, query: ListQuery, changes: Partial<ListQuery> = {}): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.q.trim() !== "") params.set("q", next.q);
  if (next.status !== "live") params.set("status", next.status);
  if (next.overdue) params.set("overdue", "yes");
  if (next.age) params.set("age", next.age);
  if (next.agency) params.set("agency", next.agency);
  if (next.sort !== "rescued") params.set("sort", next.sort);
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * A filtered view's own page title ("People: live, overdue — page 2"), so the browser's history and a
 * screen reader tell views apart. What was typed in the search box is personal data and stays out of it.
 */
export function listTitle(base: string, query: ListQuery, extras: { agencyName?: string | null; page?: number } = {}): string {
  const parts: string[] = [query.status];
  if (query.overdue) parts.push("overdue");
  if (query.age) parts.push(AGE_GROUP_LABELS[query.age].toLowerCase());
  if (query.agency === "logged" || query.agency === "shared") parts.push(PEOPLE_AGENCY_FILTER_LABELS[query.agency].toLowerCase());
  else if (extras.agencyName) parts.push(extras.agencyName);
  if (query.q.trim() !== "") parts.push("search results");
  const page = extras.page ?? query.page;
  return `${base}: ${parts.join(", ")}${page > 1 ? ` — page ${page}` : ""}`;
}

/** "Showing 1–50 of 1,630 people". */
export function showingText(page: number, shown: number, total: number, noun: { one: string; many: string }): string {
  const count = total.toLocaleString("en-GB");
  if (total === 0) return `No ${noun.many}`;
  const first = (page - 1) * LIST_PAGE_SIZE + 1;
  const last = first + shown - 1;
  return `Showing ${first.toLocaleString("en-GB")}–${last.toLocaleString("en-GB")} of ${count} ${total === 1 ? noun.one : noun.many}`;
}
