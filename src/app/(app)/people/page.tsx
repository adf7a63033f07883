import Link from "@/components/link";
import { ListFilterForm } from "@/components/lists/list-filter-form";
import { Pagination } from "@/components/pagination";
import { ClosedOrNextStage } from "@/components/lists/closed-or-next-stage";
import { SafetyBanner } from "@/components/person/safety-banner";
import { TableScrollRegion } from "@/components/table-scroll-region";
import { LIST_SORT_LABELS, LIST_SORTS, listHref, listTitle, PEOPLE_AGENCY_FILTER_LABELS, PEOPLE_AGENCY_FILTERS, showingText, type RawQuery } from "@/domain/lists/list-query";
import { formatLondonDateTime } from "@/domain/time/london";
import { AGE_GROUP_LABELS } from "@/domain/types";
import { LiveRefresh } from "@/components/live/live-refresh";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { listAgencyPeople, type PersonRow } from "@/server/people/list-agency-people";
import { listParams, redirectToCanonicalList } from "@/app/_lib/list-params";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { PageTitle } from "@/components/page-title";

type Props = { searchParams: Promise<RawQuery> };

export default async function PeoplePage({ searchParams }: Props) {
  const raw = await searchParams;
  redirectToCanonicalList("/people", raw, "people");
  const actor = await requireActor();
  const now = new Date();
  const list = await loadOrNotFound(listAgencyPeople(db, actor, listParams(raw), now));
  const renderedAt = now.getTime();
  const { query } = list;
  const hrefFor = (page: number) => listHref("/people", query, { page });
  return (
    <>
      <PageTitle title={listTitle("People", list.query, { page: list.page })} />
      <h1 className="mb-2 text-4xl font-bold">People</h1>
      <p className="mb-6 max-w-2xl text-muted">
        People {actor.agencyName} works with. Search by name, date of birth, or a case, rescue or operation reference, and filter the list.
      </p>
      <LiveRefresh />
      <ListFilterForm
        action="/people"
        label="Search and filter people"
        query={query}
        searchLabel="Name, date of birth or reference"
        searchHint="A name or part of one, a date of birth (27/03/1990), a case reference (VCP-AB12-CD34), a rescue reference or an operation"
        searchError={list.searchError}
        sorts={LIST_SORTS}
        agencyLabel="Logged by"
        agencyOptions={PEOPLE_AGENCY_FILTERS.map((value) => ({ value, label: PEOPLE_AGENCY_FILTER_LABELS[value] }))}
      />
      {!list.searchError && (
        <>
          <p className="mb-4 text-lg font-bold" data-testid="list-count" role="status">
            {showingText(list.page, list.rows.length, list.total, { one: "person", many: "people" })}
            {list.pageCount > 1 && <span className="font-normal"> (page {list.page} of {list.pageCount})</span>}
          </p>
          {list.rows.length === 0 ? (
            <p data-testid="list-empty">
              {query.q || query.overdue || query.age || query.agency
                ? "Nobody you may see matches this search and these filters."
                : query.status === "live"
                  ? "No live cases. When a rescue is logged, the people in it appear here."
                  : "No closed cases."}
            </p>
          ) : (
            <PeopleTable rows={list.rows} caption={`People, ${query.status}, by ${LIST_SORT_LABELS[query.sort].toLowerCase()}`} renderedAt={renderedAt} closed={query.status === "closed"} />
          )}
          <Pagination page={list.page} pageCount={list.pageCount} hrefFor={hrefFor} />
        </>
      )}
    </>
  );
}

function PeopleTable({ rows, caption, renderedAt, closed }: { rows: PersonRow[]; caption: string; renderedAt: number; closed: boolean }) {
  return (
    <TableScrollRegion labelledBy="people-caption" className="border border-line">
      <table className="w-full min-w-[48rem] border-collapse text-left text-base" data-testid="people-table">
        <caption id="people-caption" className="p-2 text-left text-lg font-bold">
          {caption}
        </caption>
        <thead>
          <tr className="border-b-2 border-ink">
            {["Person", "Case reference", "Age group", "Rescued", closed ? "Closed, and why" : "Next stage"].map((heading) => (
              <th key={heading} scope="col" className="p-2 align-bottom">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-line align-top" data-testid="person-row">
              <th scope="row" className="p-2 font-normal">
                <Link href={`/people/${row.id}`} className="font-bold">
                  {row.displayName}
                </Link>
                <SafetyBanner flags={row.safety} compact />
              </th>
              <td className="p-2 whitespace-nowrap">{row.caseReference}</td>
              <td className="p-2">{AGE_GROUP_LABELS[row.ageGroup]}</td>
              <td className="p-2">
                {formatLondonDateTime(row.rescuedAt)}
                {row.place && <span className="block text-muted">{row.place}</span>}
                {!row.loggedByUs && <span className="block text-muted">Logged by another agency</span>}
              </td>
              <td className="p-2">
                <ClosedOrNextStage
                  closed={row.closed}
                  next={row.nextStage && { title: row.nextStage.title, ownerLabel: row.nextStage.ownedByMe ? "your agency" : row.nextStage.ownerAgencyName, clock: row.nextStage.clock }}
                  openStages={row.openStages}
                  atRiskPercent={row.atRiskPercent}
                  renderedAt={renderedAt}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScrollRegion>
  );
}
