import Link from "@/components/link";
import { CASE_CLOSE_REASON_LABELS } from "@/domain/cases/case-closing";
import { formatLondonDateTime } from "@/domain/time/london";
import { requireActor } from "@/server/access/current-actor";
import { getCaseClosing } from "@/server/cases/get-case-closing";
import { db } from "@/server/db/client";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { recordIdsOrNotFound } from "@/app/_lib/record-ids-or-not-found";
import { ReopenCaseForm } from "./reopen-case-form";
import { titled } from "@/components/page-title";

async function ReopenCasePage({ params }: { params: Promise<{ personId: string }> }) {
  const actor = await requireActor();
  const { personId } = await recordIdsOrNotFound(params);
  const view = await loadOrNotFound(getCaseClosing(db, actor, personId, "reopen"));
  return (
    <>
      <Link href={view.backHref} className="mb-6 inline-block">
        Back
      </Link>
      <p className="mb-1 text-lg text-muted">{view.caseReference}</p>
      <h1 className="mb-6 text-4xl font-bold">Reopen the case</h1>
      {view.closedAt ? (
        <>
          <p className="mb-6 max-w-2xl" data-testid="case-state">
            Closed {formatLondonDateTime(view.closedAt)}
            {view.closeReason ? `: ${CASE_CLOSE_REASON_LABELS[view.closeReason]}` : ""}. Reopening restarts the{" "}
            {view.stagesToRestart === 1 ? "stage" : `${view.stagesToRestart} stages`} the closing ended, with new clocks from now and the
            targets of the person&rsquo;s pathway version. Everything recorded so far stays.
          </p>
          <ReopenCaseForm personId={view.personId} caseVersion={view.caseVersion} />
        </>
      ) : (
        <p className="mb-6" data-testid="case-state">
          This case is open: there is nothing to reopen.
        </p>
      )}
    </>
  );
}

export default titled("Reopen the case", ReopenCasePage);
