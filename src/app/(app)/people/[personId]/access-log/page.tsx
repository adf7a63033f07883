import Link from "@/components/link";
import { ROLE_LABELS } from "@/domain/types";
import { formatLondonDateTime } from "@/domain/time/london";
import { requireActor } from "@/server/access/current-actor";
import { auditActionLabel } from "@/server/audit-search/action-labels";
import { ACCESS_LOG_LIMIT, getPersonAccessLog } from "@/server/audit-search/get-person-access-log";
import { db } from "@/server/db/client";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { recordIdsOrNotFound } from "@/app/_lib/record-ids-or-not-found";
import { TableScrollRegion } from "@/components/table-scroll-region";
import { titled } from "@/components/page-title";

async function AccessLogPage({ params }: { params: Promise<{ personId: string }> }) {
  const actor = await requireActor();
  const { personId } = await recordIdsOrNotFound(params);
  const log = await loadOrNotFound(getPersonAccessLog(db, actor, personId));

  return (
    <>
      <Link href={`/people/${log.id}`} className="mb-6 inline-block">
        Back to {log.displayName}
      </Link>
      <p className="mb-1 text-lg text-muted">{log.caseReference}</p>
      <h1 className="mb-2 text-4xl font-bold">Who has seen this record</h1>
      <p className="mb-6 max-w-2xl text-muted">
        Every view and change of {log.displayName}&apos;s record by any agency, refused attempts and break-glass included, newest first.
        Times are UK time.
      </p>
      {log.truncated && <p className="mb-4 font-bold">Showing the latest {ACCESS_LOG_LIMIT}. Ask an administrator for the full audit log.</p>}
      <TableScrollRegion labelledBy="access-log-caption" className="border border-line">
        <table className="w-full min-w-[40rem] border-collapse text-left text-base" data-testid="access-log">
          <caption id="access-log-caption" className="p-2 text-left text-lg font-bold">
            Access to this record, newest first
          </caption>
          <thead>
            <tr className="border-b-2 border-ink">
              {["When", "Who", "Agency", "What", "Outcome"].map((heading) => (
                <th key={heading} scope="col" className="p-2 align-bottom">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {log.entries.map((entry) => (
              <tr key={entry.id} className="border-b border-line align-top" data-testid="access-log-row">
                <td className="p-2 whitespace-nowrap">
                  <time dateTime={entry.occurredAt.toISOString()}>{formatLondonDateTime(entry.occurredAt)}</time>
                </td>
                <td className="p-2">
                  {entry.userName ?? "Unknown user"}
                  {entry.role && <span className="block text-muted">{ROLE_LABELS[entry.role]}</span>}
                </td>
                <td className="p-2">{entry.agencyName ?? "—"}</td>
                <td className="p-2">{auditActionLabel(entry.action)}</td>
                <td className="p-2">{entry.outcome === "denied" ? <strong>Refused</strong> : "Allowed"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScrollRegion>
    </>
  );
}

export default titled("Who has seen this record", AccessLogPage);
