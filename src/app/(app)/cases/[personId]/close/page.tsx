import Link from "@/components/link";
import { CASE_CLOSE_REASON_LABELS } from "@/domain/cases/case-closing";
import { formatLondonDateTime } from "@/domain/time/london";
import { requireActor } from "@/server/access/current-actor";
import { getCaseClosing } from "@/server/cases/get-case-closing";
import { db } from "@/server/db/client";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { recordIdsOrNotFound } from "@/app/_lib/record-ids-or-not-found";
import { CloseCaseForm } from "./close-case-form";
import { titled } from "@/components/page-title";

async function CloseCasePage({ params }: { params: Promise<{ personId: string }> }) {
  const actor = await requireActor();
  const { personId } = await recordIdsOrNotFound(params);
  const view = await loadOrNotFound(getCaseClosing(db, actor, personId, "close"));
  return (
    <>
      <Link href={view.backHref} className="mb-6 inline-block">
        Back
      </Link>
      <p className="mb-1 text-lg text-muted">{view.caseReference}</p>
      <h1 className="mb-6 text-4xl font-bold">Close the case</h1>
      {view.closedAt ? (
        <p className="mb-6" data-testid="case-state">
          This case was closed {formatLondonDateTime(view.closedAt)}
          {view.closeReason ? `: ${CASE_CLOSE_REASON_LABELS[view.closeReason]}` : ""}.{" "}
          <Link href={`/cases/${view.personId}/reopen`}>Reopen it</Link> if work must start again.
        </p>
      ) : (
        <>
          <p className="mb-6 max-w-2xl">
            {view.openStages === 0
              ? "No stage is open."
              : `${view.openStages} open ${view.openStages === 1 ? "stage is" : "stages are"} closed as “not needed — case closed”.`}{" "}
            Clocks and escalations stop. The history stays, and the case can be reopened later.
          </p>
          <CloseCaseForm personId={view.personId} caseVersion={view.caseVersion} />
        </>
      )}
    </>
  );
}

export default titled("Close the case", CloseCasePage);
