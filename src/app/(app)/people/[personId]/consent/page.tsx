import Link from "@/components/link";
import { CONSENT_PURPOSE_LABELS } from "@/domain/nrm/consent";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { getConsentAndNrm, listNameableAgencies } from "@/server/nrm/get-consent-and-nrm";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { recordIdsOrNotFound } from "@/app/_lib/record-ids-or-not-found";
import { ConsentDetails, ConsentSummary } from "../consent-and-nrm-sections";
import { RecordConsentForm, SharingBasisForm, WithdrawConsentForm } from "./consent-forms";
import { titled } from "@/components/page-title";

async function ConsentPage({ params }: { params: Promise<{ personId: string }> }) {
  const actor = await requireActor();
  const { personId } = await recordIdsOrNotFound(params);
  const view = await loadOrNotFound(getConsentAndNrm(db, actor, personId, new Date(), { audit: true }));
  const agencies = view.canRecordConsent ? await listNameableAgencies(db, actor) : [];

  return (
    <>
      <Link href={`/people/${view.personId}`} className="mb-6 inline-block">
        Back to {view.displayName}
      </Link>
      <p className="mb-1 text-lg text-muted">{view.caseReference}</p>
      <h1 className="mb-6 text-4xl font-bold">Consent and information sharing</h1>
      <ConsentSummary view={view} showLinks={false} />

      <h2 className="mb-4 text-2xl font-bold">Every decision</h2>
      <ConsentDetails
        rows={view.consents}
        renderWithdraw={(row) => (row.canWithdraw ? <WithdrawConsentForm consentId={row.id} label={CONSENT_PURPOSE_LABELS[row.purpose]} /> : null)}
      />

      {view.canRecordConsent ? (
        <>
          <h2 className="mb-4 text-2xl font-bold">Record a consent decision</h2>
          <RecordConsentForm personId={view.personId} purposes={view.purposes} agencies={agencies} child={view.child} />
          <h2 className="mt-10 mb-2 text-2xl font-bold">Share without consent</h2>
          <p className="mb-4 max-w-2xl">
            Only where the law allows it: record the lawful basis, who decided and why. An agency the person refused or withdrew sharing with sees them
            again once a basis for it is recorded.
          </p>
          <SharingBasisForm personId={view.personId} purposes={view.purposes} agencies={agencies} />
        </>
      ) : (
        <p className="font-bold">Only police and councils (First Responders) record consent.</p>
      )}
    </>
  );
}

export default titled("Consent and information sharing", ConsentPage);
