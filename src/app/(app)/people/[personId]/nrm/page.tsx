import Link from "@/components/link";
import type { NrmDecisionKind } from "@/domain/nrm/nrm-referral";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { getConsentAndNrm } from "@/server/nrm/get-consent-and-nrm";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { recordIdsOrNotFound } from "@/app/_lib/record-ids-or-not-found";
import { NrmSection } from "../consent-and-nrm-sections";
import { NrmDecisionForm, NrmReferralForm, ReconsiderationForm } from "./nrm-forms";
import { titled } from "@/components/page-title";

async function NrmPage({ params }: { params: Promise<{ personId: string }> }) {
  const actor = await requireActor();
  const { personId } = await recordIdsOrNotFound(params);
  const view = await loadOrNotFound(getConsentAndNrm(db, actor, personId, new Date(), { audit: true }));
  const referral = view.referral;
  const open: NrmDecisionKind[] = [];
  if (referral && !referral.reasonableGrounds) open.push("REASONABLE_GROUNDS");
  if (referral && referral.reasonableGrounds === "POSITIVE" && !referral.conclusiveGrounds) open.push("CONCLUSIVE_GROUNDS");
  const negative: NrmDecisionKind[] = [];
  if (referral && !referral.reconsiderationOf) {
    if (referral.reasonableGrounds === "NEGATIVE") negative.push("REASONABLE_GROUNDS");
    if (referral.conclusiveGrounds === "NEGATIVE") negative.push("CONCLUSIVE_GROUNDS");
  }

  return (
    <>
      <Link href={`/people/${view.personId}`} className="mb-6 inline-block">
        Back to {view.displayName}
      </Link>
      <p className="mb-1 text-lg text-muted">{view.caseReference}</p>
      <h1 className="mb-6 text-4xl font-bold">National Referral Mechanism</h1>
      <NrmSection view={view} />
      {view.canSubmitReferral && (
        <>
          <h2 className="mb-4 text-2xl font-bold">Record the NRM referral</h2>
          <NrmReferralForm personId={view.personId} child={view.child} agencyName={actor.agencyName} />
        </>
      )}
      {view.canRecordDecisions && open.length > 0 && (
        <>
          <h2 className="mb-4 text-2xl font-bold">Record a decision the Home Office sent</h2>
          <NrmDecisionForm personId={view.personId} decisions={open} />
        </>
      )}
      {view.canRecordDecisions && negative.length > 0 && (
        <>
          <h2 className="mt-10 mb-4 text-2xl font-bold">Ask for a negative decision to be reconsidered</h2>
          <ReconsiderationForm personId={view.personId} decisions={negative} />
        </>
      )}
      {!view.canSubmitReferral && !view.canRecordDecisions && (
        <p className="font-bold">
          {referral
            ? `Only ${referral.submittedByAgencyName}, who submitted the referral, record its decisions.`
            : "Police, councils and the Salvation Army record NRM referrals; an adult must consent first."}
        </p>
      )}
    </>
  );
}

export default titled("National Referral Mechanism", NrmPage);
