import Link from "@/components/link";
import { NATIONALITIES } from "@/domain/nationality/countries";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { getPersonDetails } from "@/server/people/get-person-details";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { recordIdsOrNotFound } from "@/app/_lib/record-ids-or-not-found";
import { CorrectDetailsForm } from "./correct-details-form";
import { titled } from "@/components/page-title";

async function CorrectDetailsPage({ params }: { params: Promise<{ personId: string }> }) {
  const actor = await requireActor();
  const { personId } = await recordIdsOrNotFound(params);
  const person = await loadOrNotFound(getPersonDetails(db, actor, personId));
  return (
    <>
      <Link href={`/people/${person.personId}`} className="mb-6 inline-block">
        Back to {person.displayName}
      </Link>
      <p className="mb-1 text-lg text-muted">{person.caseReference}</p>
      <h1 className="mb-4 text-4xl font-bold">Correct or add details</h1>
      <p className="mb-8 max-w-2xl">
        Every change goes on the timeline and into the audit log. If someone else saves a change while you are editing, nothing
        is overwritten: you will see what they changed, and your answers are kept.
      </p>
      <CorrectDetailsForm personId={person.personId} version={person.version} fields={person.fields} nationalities={NATIONALITIES} />
    </>
  );
}

export default titled("Correct details", CorrectDetailsPage);
