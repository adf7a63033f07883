import Link from "@/components/link";
import { AGE_GROUP_LABELS } from "@/domain/types";
import { toLondonInputValue } from "@/domain/time/london";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { getPersonPathway } from "@/server/people/get-person-pathway";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { recordIdsOrNotFound } from "@/app/_lib/record-ids-or-not-found";
import { AgeAssessmentForm } from "./age-assessment-form";
import { titled } from "@/components/page-title";

async function AgeAssessmentPage({ params }: { params: Promise<{ personId: string }> }) {
  const actor = await requireActor();
  const { personId } = await recordIdsOrNotFound(params);
  const person = await loadOrNotFound(getPersonPathway(db, actor, personId));
  return (
    <>
      <Link href={`/people/${person.id}`} className="mb-6 inline-block">
        Back to {person.displayName}
      </Link>
      <p className="mb-1 text-lg text-muted">{person.caseReference}</p>
      <h1 className="mb-4 text-4xl font-bold">Record an age assessment</h1>
      <p className="mb-8 max-w-2xl">
        Recorded now as: <span className="font-bold">{AGE_GROUP_LABELS[person.ageGroup]}</span>. The pathway follows the assessment.
        Stages already done stay done, and nothing is deleted from the history.
      </p>
      {person.canAssessAge ? (
        <AgeAssessmentForm personId={person.id} today={toLondonInputValue(new Date()).slice(0, 10)} />
      ) : (
        <p className="font-bold">
          {person.closedAt ? "This case is closed, so its pathway cannot change." : "Your agency cannot record an age assessment for this person."}
        </p>
      )}
    </>
  );
}

export default titled("Record an age assessment", AgeAssessmentPage);
