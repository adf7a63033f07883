import type { Metadata } from "next";
import Link from "next/link";
import { SafetyBanner } from "@/components/person/safety-banner";
import { AGE_GROUP_LABELS } from "@/domain/types";
import { formatLondonDateTime } from "@/domain/time/london";
import { LiveRefresh } from "@/components/live/live-refresh";
import { NextStage } from "@/components/pathway/next-stage";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { listAgencyPeople } from "@/server/people/list-agency-people";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  const actor = await requireActor();
  const now = new Date();
  const rows = await loadOrNotFound(listAgencyPeople(db, actor, now));
  return (
    <>
      <h1 className="mb-2 text-4xl font-bold">People</h1>
      <p className="mb-6 max-w-2xl text-muted">
        Live cases {actor.agencyName} is working with, most urgent first: overdue, then at risk, then due soonest.
      </p>
      <LiveRefresh />
      {rows.length === 0 ? (
        <p>No live cases. When a rescue is logged, the people in it appear here.</p>
      ) : (
        <ul className="border-t border-line" data-testid="people-list">
          {rows.map((row) => (
            <li key={row.id} className="border-b border-line py-4" data-testid="person-row">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4">
                <h2 className="text-xl font-bold">
                  <Link href={`/people/${row.id}`}>{row.displayName}</Link>
                </h2>
                <span className="text-base text-muted">{row.caseReference}</span>
              </div>
              <p className="text-base text-muted">
                {AGE_GROUP_LABELS[row.ageGroup as keyof typeof AGE_GROUP_LABELS]} · rescued {formatLondonDateTime(row.rescuedAt)}
                {row.place && ` in ${row.place}`}
              </p>
              <SafetyBanner flags={row.safety} compact />
              <NextStage
                next={row.nextStage && { title: row.nextStage.title, ownerLabel: row.nextStage.ownedByMe ? "your agency" : row.nextStage.ownerAgencyName, clock: row.nextStage.clock }}
                openStages={row.openStages}
                atRiskPercent={row.atRiskPercent}
                renderedAt={now.getTime()}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
