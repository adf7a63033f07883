import Link from "@/components/link";
import { ROLE_LABELS } from "@/domain/types";
import { formatLondonDateTime } from "@/domain/time/london";
import { requireActor } from "@/server/access/current-actor";
import { auditActionLabel } from "@/server/audit-search/action-labels";
import { auditSearchFormValues, listAuditFilterChoices, searchAuditLog, type AuditRowView } from "@/server/audit-search/search-audit-log";
import { db } from "@/server/db/client";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { AuditFilterForm } from "./audit-filter-form";
import { TableScrollRegion } from "@/components/table-scroll-region";
import { titled } from "@/components/page-title";

type Query = Record<string, string | string[] | undefined>;

async function AuditPage({ searchParams }: { searchParams: Promise<Query> }) {
  const actor = await requireActor();
  const query = await searchParams;
  const choices = await loadOrNotFound(listAuditFilterChoices(db, actor));
  const result = await loadOrNotFound(searchAuditLog(db, actor, query));
  const agencyName = new Map(choices.agencies.map((agency) => [agency.id, agency.name]));

  return (
    <>
      <h1 className="mb-2 text-4xl font-bold">Audit log</h1>
      <p className="mb-6 max-w-2xl text-muted">
        Every view, change, break-glass and export in the partnership, newest first. Times are UK time. Your searches are recorded here too.
      </p>

      <AuditFilterForm
        users={choices.users.map((user) => ({
          value: user.id,
          label: `${user.name} (${ROLE_LABELS[user.role]}, ${agencyName.get(user.agencyId) ?? ""})`,
        }))}
        agencies={choices.agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
        values={auditSearchFormValues(query)}
        fieldErrors={result.ok ? {} : result.fieldErrors}
        formError={result.ok ? undefined : result.formError}
      />

      {result.ok && <AuditTable rows={result.data.rows} page={result.data.page} />}
      {result.ok && (
        <nav aria-label="Pagination" className="mt-6 flex flex-wrap gap-x-8 gap-y-2">
          {result.data.hasPrevious && (
            <Link href={pageHref(query, result.data.page - 1)} rel="prev" className="inline-block py-2 font-bold">
              Previous page
            </Link>
          )}
          {result.data.hasNext && (
            <Link href={pageHref(query, result.data.page + 1)} rel="next" className="inline-block py-2 font-bold">
              Next page
            </Link>
          )}
        </nav>
      )}
    </>
  );
}

function pageHref(query: Query, page: number): string {
  const params = new URLSearchParams();
  for (const key of ["user", "agency", "person", "from", "to"]) {
    const value = query[key];
    if (typeof value === "string" && value.trim()) params.set(key, value);
  }
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/admin/audit?${search}` : "/admin/audit";
}

function AuditTable({ rows, page }: { rows: AuditRowView[]; page: number }) {
  if (rows.length === 0) return <p data-testid="audit-empty">No audit events match these filters.</p>;
  return (
    // Wide on a phone: the table scrolls sideways inside a region the keyboard can reach.
    <TableScrollRegion labelledBy="audit-caption" className="border border-line">
      <table className="w-full min-w-[56rem] border-collapse text-left text-base" data-testid="audit-table">
        <caption id="audit-caption" className="p-2 text-left text-lg font-bold">
          Audit events, newest first (page {page})
        </caption>
        <thead>
          <tr className="border-b-2 border-ink">
            {["When", "User", "Agency", "Action", "Record", "Outcome", "Request id"].map((heading) => (
              <th key={heading} scope="col" className="p-2 align-bottom">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-line align-top" data-testid="audit-row">
              <td className="p-2 whitespace-nowrap">
                <time dateTime={row.occurredAt.toISOString()}>{formatLondonDateTime(row.occurredAt)}</time>
              </td>
              <td className="p-2">
                {row.userName ?? "Unknown user"}
                {row.role && <span className="block text-muted">{ROLE_LABELS[row.role]}</span>}
              </td>
              <td className="p-2">{row.agencyName ?? "—"}</td>
              <td className="p-2">
                {auditActionLabel(row.action)}
                <code className="block text-sm text-muted">{row.action}</code>
              </td>
              <td className="p-2">
                {row.entity}
                <span className="block text-muted break-words">{row.record ?? row.entityId ?? "—"}</span>
              </td>
              <td className="p-2">{row.outcome === "denied" ? <strong>Refused</strong> : "Allowed"}</td>
              <td className="p-2 font-mono text-sm break-all">{row.requestId ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScrollRegion>
  );
}

export default titled("Audit log", AuditPage);
