import type { Metadata } from "next";
import Link from "next/link";
import { AGE_GROUP_LABELS, GENDER_LABELS, STAGE_STATE_LABELS, isTreatedAsChild } from "@/domain/types";
import { formatLondonDateTime } from "@/domain/time/london";
import { NotificationBanner } from "@/components/notification-banner";
import { LiveClock } from "@/components/pathway/live-clock";
import { serializeClock } from "@/components/pathway/serialized-clock";
import { Timeline } from "@/components/pathway/timeline";
import { SummaryList } from "@/components/summary-list";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { getPersonPathway } from "@/server/people/get-person-pathway";
import { loadOrNotFound } from "../../../_lib/load-or-not-found";
import { AddNoteForm } from "./add-note-form";

export const metadata: Metadata = { title: "Person's pathway" };

const FINISHED_STATES = new Set(["DONE", "NOT_NEEDED", "DECLINED"]);

const CHANGE_WORDS: Record<string, string> = {
  IN_PROGRESS: "started",
  DONE: "marked done",
  NOT_NEEDED: "marked not needed",
  DECLINED: "marked declined by the person",
  PAUSED: "paused",
  NOT_STARTED: "resumed",
};

export default async function PersonPage({
  params,
  searchParams,
}: {
  params: Promise<{ personId: string }>;
  searchParams: Promise<{ changed?: string; note?: string }>;
}) {
  const actor = await requireActor();
  const { personId } = await params;
  const { changed, note } = await searchParams;
  const person = await loadOrNotFound(getPersonPathway(db, actor, personId));
  const now = new Date();
  const changedStage = person.stages.find((stage) => stage.id === changed);

  return (
    <>
      {changedStage && (
        <NotificationBanner>
          {changedStage.title} {CHANGE_WORDS[changedStage.state] ?? "updated"}.
        </NotificationBanner>
      )}
      {note === "added" && <NotificationBanner>Note added to the timeline.</NotificationBanner>}

      <p className="mb-1 text-lg text-muted">{person.caseReference}</p>
      <h1 className="mb-2 text-4xl font-bold break-words">{person.displayName}</h1>
      <p className="mb-6">
        Rescued {formatLondonDateTime(person.rescue.occurredAt)} in {person.rescue.place} ·{" "}
        <Link href={`/rescues/${person.rescue.id}`}>Rescue {person.rescue.reference}</Link>
      </p>
      {isTreatedAsChild(person.ageGroup) && (
        <div className="mb-6 border-l-8 border-brand bg-panel p-4 font-bold">
          Treated as a child: children never need consent for an NRM referral.
        </div>
      )}

      <div className="lg:grid lg:grid-cols-3 lg:gap-10">
        <div className="lg:col-span-2">
          <h2 className="mb-4 text-2xl font-bold">Pathway</h2>
          <ol className="mb-10 border-t border-line" data-testid="stage-list">
            {person.stages.map((stage) => (
              <li key={stage.id} className="border-b border-line py-4" data-testid={`stage-${stage.key}`}>
                <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                  <h3 className="text-xl font-bold">{stage.title}</h3>
                  {stage.canChange && !FINISHED_STATES.has(stage.state) ? (
                    <Link href={`/people/${person.id}/stages/${stage.id}`} className="font-bold">
                      Update<span className="sr-only"> {stage.title}</span>
                    </Link>
                  ) : null}
                </div>
                <p className="text-base text-muted">
                  {stage.ownerAgencyName} · {STAGE_STATE_LABELS[stage.state]}
                </p>
                <div className="mt-1">
                  <LiveClock clock={serializeClock(stage.clock)} atRiskPercent={person.atRiskPercent} renderedAt={now.getTime()} showDue />
                </div>
                {stage.closingReason && <p className="mt-1 text-base">Reason: {stage.closingReason}</p>}
              </li>
            ))}
          </ol>
        </div>

        <div>
          <h2 className="mb-4 text-2xl font-bold">Summary</h2>
          <SummaryList
            rows={[
              { key: "Age group", value: AGE_GROUP_LABELS[person.ageGroup] },
              { key: "Gender", value: GENDER_LABELS[person.gender] },
              { key: "Nationality", value: person.nationality ?? "Not known" },
              { key: "Languages", value: person.languages.join(", ") || "Not known" },
              { key: "Interpreter", value: person.interpreterNeeded ? "Needed (independent only)" : "Not needed" },
              { key: "Immediate needs", value: person.immediateNeeds.join(", ") || "None recorded" },
              { key: "Logged by", value: person.rescue.loggedByAgencyName },
              { key: "Pathway", value: `Version ${person.pathwayVersion}` },
            ]}
          />
        </div>
      </div>

      <h2 className="mb-4 text-2xl font-bold">Timeline</h2>
      <AddNoteForm personId={person.id} />
      <Timeline entries={person.timeline} />
    </>
  );
}
