import Link from "@/components/link";
import { NATIONALITIES, nationalityName } from "@/domain/nationality/countries";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { getConsentAndNrm } from "@/server/nrm/get-consent-and-nrm";
import { getPersonPathway } from "@/server/people/get-person-pathway";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { recordIdsOrNotFound } from "@/app/_lib/record-ids-or-not-found";
import { DutyToNotifyForm } from "./duty-to-notify-form";
import { titled } from "@/components/page-title";

async function DutyToNotifyPage({ params }: { params: Promise<{ personId: string }> }) {
  const actor = await requireActor();
  const { personId } = await recordIdsOrNotFound(params);
  const person = await loadOrNotFound(getPersonPathway(db, actor, personId));
  const view = await loadOrNotFound(getConsentAndNrm(db, actor, person.id));

  return (
    <>
      <Link href={`/people/${person.id}`} className="mb-6 inline-block">
        Back to {person.displayName}
      </Link>
      <p className="mb-1 text-lg text-muted">{person.caseReference}</p>
      <h1 className="mb-4 text-4xl font-bold">Duty to Notify</h1>
      <div className="mb-8 max-w-2xl border-l-8 border-brand bg-panel p-4">
        <p className="mb-2 font-bold">No identifying details</p>
        <p>
          The person declined the NRM. The Home Office is told only their gender, age when exploited, nationality, the type of exploitation, where
          and when. The record keeps no name, date of birth, contact or description, and is not linked to this person&apos;s record.
        </p>
      </div>
      {view.canRecordDutyToNotify ? (
        <DutyToNotifyForm
          personId={person.id}
          nationalities={NATIONALITIES}
          defaults={{
            gender: person.gender,
            exploitationType: person.exploitationType ?? "",
            nationality: person.nationalityCode ? nationalityName(person.nationalityCode) : "",
            exploitationLocation: person.exploitationLocation ?? "",
            ageAtExploitation: person.ageAtExploitation ?? "",
          }}
        />
      ) : (
        <p className="font-bold">
          {view.dutyToNotifySentAt
            ? "A Duty to Notify was recorded for this person already."
            : "Police and councils record a Duty to Notify for an adult who declined the NRM."}
        </p>
      )}
    </>
  );
}

export default titled("Duty to Notify", DutyToNotifyPage);
