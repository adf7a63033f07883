import Link from "@/components/link";
import { formatLondonDateTime } from "@/domain/time/london";
import { requireActor } from "@/server/access/current-actor";
import { getAccommodation } from "@/server/accommodation/get-accommodation";
import { db } from "@/server/db/client";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { recordIdsOrNotFound } from "@/app/_lib/record-ids-or-not-found";
import { AccommodationForm } from "./accommodation-form";
import { titled } from "@/components/page-title";

async function AccommodationPage({ params }: { params: Promise<{ personId: string }> }) {
  const actor = await requireActor();
  const { personId } = await recordIdsOrNotFound(params);
  const person = await loadOrNotFound(getAccommodation(db, actor, personId));
  const { placement } = person;
  const provider = person.arrangedByAgencyName ?? "the agency arranging the accommodation";

  return (
    <>
      <Link href={`/people/${person.id}`} className="mb-6 inline-block">
        Back to {person.displayName}
      </Link>
      <p className="mb-1 text-lg text-muted">{person.caseReference}</p>
      <h1 className="mb-4 text-4xl font-bold">Accommodation address</h1>
      <div className="mb-8 max-w-2xl border-l-8 border-brand bg-panel p-4">
        <p className="mb-2 font-bold">Who will be able to see it</p>
        <p>
          Only {provider} (who arrange this person&apos;s accommodation) and police. Other agencies see that accommodation is
          arranged, and by whom, but never the address. It is not copied into the timeline, notices or the audit log.
        </p>
      </div>

      {placement?.address ? (
        <div className="mb-8 max-w-2xl">
          <h2 className="mb-2 text-2xl font-bold">Current address</h2>
          <p className="mb-1 whitespace-pre-line" data-testid="accommodation-address">
            {placement.address}
          </p>
          <p className="text-muted">
            Recorded by {placement.providerAgencyName}, {formatLondonDateTime(placement.recordedAt)}.
          </p>
        </div>
      ) : placement ? (
        <p className="mb-8 max-w-2xl">
          Accommodation arranged by {placement.providerAgencyName}; the address is only shown to that agency and police.
        </p>
      ) : (
        <p className="mb-8">No accommodation address recorded yet.</p>
      )}

      {person.canRecord ? (
        <AccommodationForm personId={person.id} providerName={provider} replacing={Boolean(placement)} />
      ) : (
        <p className="font-bold">Only {provider} can record the accommodation address.</p>
      )}
    </>
  );
}

export default titled("Accommodation address", AccommodationPage);
