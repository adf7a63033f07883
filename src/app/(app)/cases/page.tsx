import Link from "@/components/link";
import { ListFilterForm } from "@/components/lists/list-filter-form";
import { Pagination } from "@/components/pagination";
import { ClosedOrNextStage } from "@/components/lists/closed-or-next-stage";
import { SafetyBanner } from "@/components/person/safety-banner";
import { TableScrollRegion } from "@/components/table-scroll-region";
import { CASE_LIST_SORTS, LIST_SORT_LABELS, listHref, listTitle, showingText, type RawQuery } from "@/domain/lists/list-query";
import { formatLondonDateTime } from "@/domain/time/london";
import { AGE_GROUP_LABELS } from "@/domain/types";
import { requireActor } from "@/server/access/current-actor";
import { listPseudonymisedCases, type CaseRow } from "@/server/cases/list-pseudonymised-cases";
import { db } from "@/server/db/client";
import { listParams, redirectToCanonicalList } from "@/app/_lib/list-params";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { PageTitle } from "@/components/page-title";

type Props = { searchParams: Promise<RawQuery> };

export default async function CasesPage({ searchParams }: Props) {
  const raw = await searchParams;
  redirectToCanonicalList("/cases", raw, "cases");
  const actor = await requireActor();
  const now = new Date();
  const list = await loadOrNotFound(listPseudonymisedCases(db, actor, listParams(raw), now));
  const renderedAt = now.getTime();
  const { query } = list;
  const hrefFor = (page: number) => listHref("/cases", query, { page });
  return (
    <>
      <PageTitle title={listTitle("Cases", list.query, { page: list.page, agencyName: list.agencyName })} />
      <h1 className="mb-2 text-4xl font-bold">Cases</h1>
      <p className="mb-6 max-w-2xl text-muted">
        Every case in the partnership. Cases are shown by reference only: to see who a person is, open the case and use break-glass.
      </p>
      <ListFilterForm
        action="/cases"
        label="Search and filter cases"
        query={query}
        searchLabel="Case reference"
        searchHint="For example VCP-AB12-CD34, or part of it. Names and dates of birth are not searched: cases are pseudonymised."
        searchError={list.searchError}
        sorts={CASE_LIST_SORTS}
        agencyLabel="Agency with stages on the case"
        agencyOptions={list.agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
      />
      {!list.searchError && (
        <>
          <p className="mb-4 text-lg font-bold" data-testid="list-count" role="status">
            {showingText(list.page, list.rows.length, list.total, { one: "case", many: "cases" })}
            {list.pageCount > 1 && <span className="font-normal"> (page {list.page} of {list.pageCount})</span>}
          </p>
          {list.rows.length === 0 ? (
            <p data-testid="list-empty">
              {query.q || query.overdue || query.age || query.agency ? "No case matches this search and these filters." : `No ${query.status} cases.`}
            </p>
          ) : (
            <CaseTable rows={list.rows} caption={`Cases, ${query.status}, by ${LIST_SORT_LABELS[query.sort].toLowerCase()}`} renderedAt={renderedAt} closed={query.status === "closed"} />
          )}
          <Pagination page={list.page} pageCount={list.pageCount} hrefFor={hrefFor} />
        </>
      )}
    </>
  );
}

function CaseTable({ rows, caption, renderedAt, closed }: { rows: CaseRow[]; caption: string; renderedAt: number; closed: boolean }) {
  return (
    <TableScrollRegion labelledBy="cases-caption" className="border border-line">
      <table className="w-full min-w-[40rem] border-collapse text-left text-base" data-testid="case-table">
        <caption id="cases-caption" className="p-2 text-left text-lg font-bold">
          {caption}
        </caption>
        <thead>
          <tr className="border-b-2 border-ink">
            {["Case", "Age group", "Rescued", closed ? "Closed, and why" : "Next stage"].map((heading) => (
              <th key={heading} scope="col" className="p-2 align-bottom">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-line align-top" data-testid="case-row">
              <th scope="row" className="p-2 font-normal whitespace-nowrap">
                <Link href={`/cases/${row.id}`} className="font-bold">
                  {row.caseReference}
                </Link>
                <SafetyBanner flags={row.safety} compact />
              </th>
              <td className="p-2">{AGE_GROUP_LABELS[row.ageGroup]}</td>
              <td className="p-2">{formatLondonDateTime(row.rescuedAt)}</td>
              <td className="p-2">
                <ClosedOrNextStage
                  closed={row.closed}
                  next={row.nextStage && { title: row.nextStage.title, ownerLabel: row.nextStage.ownerAgencyName, clock: row.nextStage.clock }}
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
