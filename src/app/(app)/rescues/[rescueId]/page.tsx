import Link from "@/components/link";
import { AGE_GROUP_LABELS } from "@/domain/types";
import { formatLondonDateTime } from "@/domain/time/london";
import { NotificationBanner } from "@/components/notification-banner";
import { SummaryList } from "@/components/summary-list";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { getRescue } from "@/server/rescues/get-rescue";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { recordIdsOrNotFound } from "@/app/_lib/record-ids-or-not-found";
import { titled } from "@/components/page-title";

async function RescuePage({
  params,
  searchParams,
}: {
  params: Promise<{ rescueId: string }>;
  searchParams: Promise<{ logged?: string }>;
}) {
  const actor = await requireActor();
  const { rescueId } = await recordIdsOrNotFound(params);
  const { logged } = await searchParams;
  const rescue = await loadOrNotFound(getRescue(db, actor, rescueId));
  return (
    <>
      {logged && (
        <NotificationBanner title="Rescue logged">
          {rescue.people.length === 1 ? "1 person is" : `${rescue.people.length} people are`} now on the pathway. Their clocks started at
          the time of rescue.
        </NotificationBanner>
      )}
      <p className="mb-1 text-lg text-muted">Rescue</p>
      <h1 className="mb-6 text-4xl font-bold">{rescue.reference}</h1>
      <SummaryList
        rows={[
          { key: "Time of rescue", value: formatLondonDateTime(rescue.occurredAt) },
          // Health's minimal view has no place or operation.
          ...(rescue.place === null
            ? []
            : [
                { key: "Place", value: rescue.place },
                { key: "Operation reference", value: rescue.operationReference ?? "None" },
              ]),
          { key: "Logged by", value: `${rescue.loggedByName}, ${rescue.loggedByAgencyName}` },
        ]}
      />
      <h2 className="mb-4 text-2xl font-bold">People</h2>
      <ul className="border-t border-line">
        {rescue.people.map((person) => (
          <li key={person.id} className="border-b border-line py-3">
            <Link href={`/people/${person.id}`} className="text-lg font-bold">
              {person.displayName}
            </Link>
            <span className="block text-base text-muted">
              {person.caseReference} · {AGE_GROUP_LABELS[person.ageGroup]} · {person.stageCount} stages
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

export default titled("Rescue", RescuePage);
