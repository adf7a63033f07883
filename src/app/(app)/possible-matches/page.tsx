import Link from "@/components/link";
import { NotificationBanner } from "@/components/notification-banner";
import { Pagination } from "@/components/pagination";
import { TableScrollRegion } from "@/components/table-scroll-region";
import { showingText, type RawQuery } from "@/domain/lists/list-query";
import { MATCH_LIST_VIEW_LABELS, MATCH_LIST_VIEWS, matchListHref, matchListTitle, parseMatchListQuery, type MatchListQuery } from "@/domain/possible-match/match-list-query";
import { POSSIBLE_MATCH_REASON_LABELS } from "@/domain/possible-match/possible-match";
import { formatLondonDateTime } from "@/domain/time/london";
import { AGE_GROUP_LABELS } from "@/domain/types";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { listPossibleMatches } from "@/server/possible-matches/list-possible-matches";
import type { MatchSide, PossibleMatchView } from "@/server/possible-matches/possible-match-view";
import { listParams, redirectToCanonical } from "@/app/_lib/list-params";
import { PageTitle } from "@/components/page-title";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";

type Props = { searchParams: Promise<RawQuery> };

// The confirmation banner's flag is not part of the view.
const BANNER = "decided";

/** The list's own parameters, once the address is in its one written form. */
function viewOf(raw: RawQuery): Record<string, string> {
  const view = Object.fromEntries(Object.entries(raw).filter(([key]) => key !== BANNER));
  redirectToCanonical(raw, matchListHref(parseMatchListQuery(view)), [BANNER]);
  return listParams(view);
}

export default async function PossibleMatchesPage({ searchParams }: Props) {
  const raw = await searchParams;
  const actor = await requireActor();
  const list = await loadOrNotFound(listPossibleMatches(db, actor, viewOf(raw)));
  const { query } = list;
  const decided = raw[BANNER];
  const decidedView = query.state !== "open";
  return (
    <>
      <PageTitle title={matchListTitle(list.query, list.page)} />
      {decided === "same" && <NotificationBanner>Recorded: the same person. Both cases now show the earlier rescue, and the agencies that logged them were told.</NotificationBanner>}
      {decided === "not-same" && <NotificationBanner>Recorded: not the same person.</NotificationBanner>}
      <h1 className="mb-2 text-4xl font-bold">Possible earlier rescues</h1>
      <p className="mb-6 max-w-2xl text-muted">
        People logged who have the same name and date of birth, or the same name and nationality, as someone the partnership already
        knows. Only you see these. Check each one and record whether it is the same person; to see who someone is, open their case and
        use break-glass. A decision can be undone from its page.
      </p>
      <MatchListFilter query={query} />
      <p className="mb-4 text-lg font-bold" data-testid="list-count" role="status">
        {showingText(list.page, list.rows.length, list.total, { one: "possible match", many: "possible matches" })}
        {list.pageCount > 1 && <span className="font-normal"> (page {list.page} of {list.pageCount})</span>}
      </p>
      {list.total === 0 ? (
        <p data-testid="no-possible-matches">{query.state === "open" ? "No possible earlier rescues to check." : "No possible earlier rescues decided this way."}</p>
      ) : (
        <TableScrollRegion labelledBy="possible-matches-caption" className="border border-line">
          <table className="w-full min-w-[48rem] border-collapse text-left text-base" data-testid="possible-matches-table">
            <caption id="possible-matches-caption" className="p-2 text-left text-lg font-bold">
              {MATCH_LIST_VIEW_LABELS[query.state]}, {decidedView ? "newest decision first" : "newest flagged first"}
            </caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="p-2 align-bottom">Logged now</th>
                <th scope="col" className="p-2 align-bottom">Known before</th>
                <th scope="col" className="p-2 align-bottom">Why</th>
                <th scope="col" className="p-2 align-bottom">{decidedView ? "Decided" : "Flagged"}</th>
                <th scope="col" className="p-2 align-bottom">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <MatchRow key={row.id} row={row} decidedView={decidedView} />
              ))}
            </tbody>
          </table>
        </TableScrollRegion>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(page) => matchListHref(query, { page })} />
    </>
  );
}

/** A plain GET form, like the other lists': the view lives in the address and works without script. */
function MatchListFilter({ query }: { query: MatchListQuery }) {
  const id = "match-list-state";
  return (
    <form method="get" action="/possible-matches" role="search" aria-label="Filter possible earlier rescues" className="mb-6 border-l-4 border-line bg-panel p-4" data-testid="list-filters">
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor={id} className="mb-1 block font-bold">
            Show
          </label>
          <select id={id} name="state" defaultValue={query.state} className="block min-h-11 border-2 border-ink bg-white px-2 py-1.5 text-lg">
            {MATCH_LIST_VIEWS.map((view) => (
              <option key={view} value={view}>
                {MATCH_LIST_VIEW_LABELS[view]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="min-h-11 bg-success px-4 py-2 text-lg font-bold text-white shadow-[0_2px_0_#002d18]">
          Apply
        </button>
      </div>
    </form>
  );
}

function MatchRow({ row, decidedView }: { row: PossibleMatchView; decidedView: boolean }) {
  const pair = `${row.person.caseReference} against ${row.earlier.caseReference}`;
  return (
    <tr className="border-b border-line align-top" data-testid="possible-match-row">
      <td className="p-2">
        <Side side={row.person} />
      </td>
      <td className="p-2">
        <Side side={row.earlier} />
      </td>
      <td className="p-2">{POSSIBLE_MATCH_REASON_LABELS[row.reason]}</td>
      <td className="p-2">{formatLondonDateTime(decidedView && row.decidedAt ? row.decidedAt : row.flaggedAt)}</td>
      <td className="p-2">
        <Link href={`/possible-matches/${row.id}`} className="font-bold">
          {decidedView ? "View or undo" : "Check"}
          <span className="sr-only">{` ${pair}`}</span>
        </Link>
      </td>
    </tr>
  );
}

function Side({ side }: { side: MatchSide }) {
  return (
    <>
      <Link href={`/cases/${side.personId}`} className="font-bold">
        {side.caseReference}
      </Link>
      <span className="block text-muted">
        {AGE_GROUP_LABELS[side.ageGroup]} · rescued {formatLondonDateTime(side.rescuedAt)}
        {side.live ? "" : " · closed"}
      </span>
      <span className="block text-muted">{side.agencies.join(", ")}</span>
    </>
  );
}
