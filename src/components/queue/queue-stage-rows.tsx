"use client";

import Link from "@/components/link";
import { SafetyRowLine } from "@/components/person/safety-banner";
import { QueueClock, QueueDueTime } from "./queue-clock";
import type { QueueRowView } from "./queue-row-view";

/**
 * The queue table's body. A client component for the server's sake, not for interaction: its rows
 * arrive as data (`QueueRowView`), which is far cheaper for React to send and read than the same rows
 * as server-rendered elements; the HTML is the same either way, and the claim and select controls
 * belong to plain forms (`form="…"`) that work without JavaScript.
 */
export function QueueStageRows({
  rows,
  selectable,
  claimFormId,
  assignFormId,
}: {
  rows: QueueRowView[];
  selectable: boolean;
  claimFormId: string;
  assignFormId: string;
}) {
  // The cells' padding is set once here, not on each of 300 cells.
  return (
    <tbody className="[&_td]:p-2 [&_th]:p-2">
      {rows.map((row) => (
        <StageRow key={row.stageId} row={row} selectable={selectable} claimFormId={claimFormId} assignFormId={assignFormId} />
      ))}
    </tbody>
  );
}

/** One stage. Its controls name it ("Claim Health check for VCP-1234"), so each makes sense alone. */
function StageRow({ row, selectable, claimFormId, assignFormId }: { row: QueueRowView; selectable: boolean; claimFormId: string; assignFormId: string }) {
  const label = `${row.stageTitle} for ${row.caseReference}`;
  // Words are joined in template strings, not in JSX: one text node each, not several with markers between.
  return (
    <tr className="border-b border-line align-top" data-testid="queue-row" data-stage-id={row.stageId}>
      {selectable && (
        <td>
          {row.selectValue !== null && (
            <label className="inline-flex min-h-11 min-w-11 items-center justify-center">
              <input type="checkbox" form={assignFormId} name="stages" value={row.selectValue} className="h-6 w-6 accent-ink" />
              <span className="sr-only">{`Select ${label}`}</span>
            </label>
          )}
        </td>
      )}
      <th scope="row" className="font-normal">
        <Link href={`/people/${row.personId}/stages/${row.stageId}`} className="font-bold" data-testid="queue-stage-link">
          {row.stageTitle}
          <span className="sr-only">{` for ${row.caseReference}`}</span>
        </Link>
        {row.pendingReferralTo && <p className="text-muted">Referred to {row.pendingReferralTo}, waiting for an answer</p>}
      </th>
      <td>
        <Link href={`/people/${row.personId}`}>{row.displayName}</Link>
        <br />
        <span className="text-muted" data-testid="queue-case-reference">
          {row.caseReference}
        </span>
        <SafetyRowLine words={row.safetyWords} />
        {row.noContact && (
          <p className="mt-1 font-bold" data-testid="row-no-contact">
            {row.noContact}
          </p>
        )}
      </td>
      <td>
        <QueueClock clock={row.clock} />
      </td>
      <td>
        <QueueDueTime clock={row.clock} />
      </td>
      <td>
        <span data-testid="assignee">{row.assignee}</span>
        {row.canClaim && (
          <div className="mt-1">
            <button
              type="submit"
              form={claimFormId}
              name="stageId"
              value={row.stageId}
              className="min-h-11 bg-panel px-3 py-1 text-base font-bold text-ink shadow-[0_2px_0_#929191]"
            >
              Claim<span className="sr-only">{` ${label}`}</span>
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}
