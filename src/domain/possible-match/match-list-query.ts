// The coordinator's list of possible earlier rescues, read from the address bar like the People and
// Cases lists (docs/decisions/0026): a hostile, repeated or unknown value is the default, so a crafted
// or stale link shows the plain list (to check, page 1), never an error.
import { LIST_PAGE_SIZE, type RawQuery } from "../lists/list-query";
import { parsePageNumber } from "../search/search-terms";
import type { PossibleMatchState } from "./possible-match";

export const MATCH_LIST_PAGE_SIZE = LIST_PAGE_SIZE;

/** The three views: the pairs still to check (the default), and each decision. */
export const MATCH_LIST_VIEWS = ["open", "same", "different"] as const;
export type MatchListView = (typeof MATCH_LIST_VIEWS)[number];

export const MATCH_LIST_VIEW_STATES: Record<MatchListView, PossibleMatchState> = {
  open: "OPEN",
  same: "SAME_PERSON",
  different: "NOT_SAME_PERSON",
};

export const MATCH_LIST_VIEW_LABELS: Record<MatchListView, string> = {
  open: "To check",
  same: "Decided: the same person",
  different: "Decided: different people",
};

export type MatchListQuery = { state: MatchListView; page: number };

export function parseMatchListQuery(raw: RawQuery): MatchListQuery {
  const state = raw.state;
  const page = raw.page;
  return {
    state: typeof state === "string" && (MATCH_LIST_VIEWS as readonly string[]).includes(state) ? (state as MatchListView) : "open",
    page: parsePageNumber(typeof page === "string" ? page : undefined),
  };
}

/** The address of a view: only what differs from the default, so the plain list is the bare path. */
export function matchListHref(query: MatchListQuery, changes: Partial<MatchListQuery> = {}): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.state !== "open") params.set("state", next.state);
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `/possible-matches?${search}` : "/possible-matches";
}

/** Each view's own page title ("Possible earlier rescues: decided: the same person — page 2"). */
export function matchListTitle(query: MatchListQuery, page = query.page): string {
  return `Possible earlier rescues: ${MATCH_LIST_VIEW_LABELS[query.state].toLowerCase()}${page > 1 ? ` — page ${page}` : ""}`;
}
