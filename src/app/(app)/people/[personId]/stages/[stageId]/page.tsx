import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { availableActions } from "@/domain/pathway/transitions";
import { STAGE_STATE_LABELS } from "@/domain/types";
import { LiveClock } from "@/components/pathway/live-clock";
import { serializeClock } from "@/components/pathway/serialized-clock";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { getPersonPathway } from "@/server/people/get-person-pathway";
import { loadOrNotFound } from "../../../../../_lib/load-or-not-found";
import { StageUpdateForm } from "./stage-update-form";

export const metadata: Metadata = { title: "Update a stage" };

export default async function StagePage({ params }: { params: Promise<{ personId: string; stageId: string }> }) {
  const actor = await requireActor();
  const { personId, stageId } = await params;
  const person = await loadOrNotFound(getPersonPathway(db, actor, personId));
  const stage = person.stages.find((candidate) => candidate.id === stageId);
  if (!stage) notFound();
  const now = new Date();
  const actions = availableActions(
    { state: stage.state, startedAt: stage.startedAt, completedAt: stage.clock.completedAt, pausedAt: stage.clock.pausedAt, pausedMs: stage.clock.pausedMs, closingReason: stage.closingReason },
    now,
  );

  return (
    <>
      <Link href={`/people/${person.id}`} className="mb-6 inline-block">
        Back to {person.displayName}
      </Link>
      <p className="mb-1 text-lg text-muted">{person.caseReference}</p>
      <h1 className="mb-2 text-4xl font-bold">{stage.title}</h1>
      <p className="mb-2 max-w-2xl">{stage.description}</p>
      <p className="mb-2 text-muted">
        {stage.ownerAgencyName} · {STAGE_STATE_LABELS[stage.state]}
      </p>
      <div className="mb-8">
        <LiveClock clock={serializeClock(stage.clock)} atRiskPercent={person.atRiskPercent} renderedAt={now.getTime()} showDue />
      </div>
      {!stage.canChange ? (
        <p className="font-bold">Only {stage.ownerAgencyName} can change this stage.</p>
      ) : actions.length === 0 ? (
        <p className="font-bold">This stage is finished and cannot be changed.</p>
      ) : (
        <StageUpdateForm stageId={stage.id} version={stage.version} actions={actions} />
      )}
    </>
  );
}
