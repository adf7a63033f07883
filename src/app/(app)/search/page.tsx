import Link from "@/components/link";
import { Pagination } from "@/components/pagination";
import { TableScrollRegion } from "@/components/table-scroll-region";
import { roleHasPermission } from "@/domain/access/permissions";
import { SEARCH_KIND_LABELS } from "@/domain/search/search-terms";
import { formatLondonDateTime } from "@/domain/time/london";
import { AGE_GROUP_LABELS } from "@/domain/types";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { searchPeople, type SearchRow } from "@/server/search/search-people";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { SearchForm } from "./search-form";
import { titled } from "@/components/page-title";

type Query = Record<string, string | string[] | undefined>;

async function SearchPage({ searchParams }: { searchParams: Promise<Query> }) {
  const actor = await requireActor();
  const query = await searchParams;
  const result = await loadOrNotFound(searchPeople(db, actor, { q: query.q, page: query.page }));
  const pseudonymised = !roleHasPermission(actor.role, "person.list");
  const typed = typeof query.q === "string" ? query.q : "";
  const error = result.ok ? undefined : result.error;

  return (
    <>
      <h1 className="mb-2 text-4xl font-bold">Search</h1>
      <p className="mb-6 max-w-2xl text-muted">
        {pseudonymised
          ? "Find a case by its reference. Cases are pseudonymised: names and dates of birth are not searched."
          : `Find a person ${actor.agencyName} works with, live or closed. What you type is not kept: the audit log records that you searched, and how many people were found.`}
      </p>
      <SearchForm pseudonymised={pseudonymised} typed={typed} error={error} />

      {result.ok && result.searched && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="mb-4 text-2xl font-bold" data-testid="search-total">
            {result.total === 1 ? "1 result" : `${result.total} results`}
            <span className="font-normal"> by {SEARCH_KIND_LABELS[result.kind]}</span>
            {result.pageCount > 1 && <span className="font-normal">, page {result.page} of {result.pageCount}</span>}
          </h2>
          {result.rows.length === 0 ? (
            <p data-testid="search-empty">Nobody you may see matches this search. Check the spelling, or try a reference or a date of birth.</p>
          ) : (
            <ResultTable rows={result.rows} pseudonymised={pseudonymised} />
          )}
          <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(page) => pageHref(typed, page)} />
        </section>
      )}
    </>
  );
}

function pageHref(q: string, page: number): string {
  const params = new URLSearchParams({ q });
  if (page > 1) params.set("page", String(page));
  return `/search?${params.toString()}`;
}

function ResultTable({ rows, pseudonymised }: { rows: SearchRow[]; pseudonymised: boolean }) {
  const headings = pseudonymised ? ["Case", "Age group", "Rescued", "Status"] : ["Person", "Case reference", "Rescue", "Age group", "Rescued", "Status"];
  return (
    <TableScrollRegion labelledBy="results-caption" className="border border-line">
      <table className="w-full min-w-[40rem] border-collapse text-left text-base" data-testid="search-results">
        <caption id="results-caption" className="p-2 text-left text-lg font-bold">
          {pseudonymised ? "Cases found, most recent rescue first" : "People found, most recent rescue first"}
        </caption>
        <thead>
          <tr className="border-b-2 border-ink">
            {headings.map((heading) => (
              <th key={heading} scope="col" className="p-2 align-bottom">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-line align-top" data-testid="search-row">
              <th scope="row" className="p-2 font-normal">
                <Link href={row.href} className="font-bold">
                  {row.displayName ?? row.caseReference}
                </Link>
              </th>
              {!pseudonymised && <td className="p-2 whitespace-nowrap">{row.caseReference}</td>}
              {!pseudonymised && <td className="p-2 whitespace-nowrap">{row.rescueReference}</td>}
              <td className="p-2">{AGE_GROUP_LABELS[row.ageGroup]}</td>
              <td className="p-2">{formatLondonDateTime(row.rescuedAt)}</td>
              <td className="p-2">{row.live ? "Live" : "Closed"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScrollRegion>
  );
}

export default titled("Search", SearchPage);
