import { mayChangeStage } from "@/domain/access/permissions";
import type { ClockInput } from "@/domain/pathway/clock";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { visiblePeople } from "../access/visibility";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { personDisplayName } from "@/domain/person-name";

export type PathwayStageView = {
  id: string;
  key: string;
  title: string;
  description: string;
  ownerAgencyName: string;
  state: ClockInput["state"];
  clock: ClockInput;
  startedAt: Date | null;
  closingReason: string | null;
  version: number;
  canChange: boolean;
};

export type TimelineEntryView = {
  id: string;
  kind: string;
  stageTitle: string | null;
  text: string | null;
  actorName: string;
  actorAgencyName: string;
  occurredAt: Date;
};

export type PersonPathwayView = Awaited<ReturnType<typeof getPersonPathway>>;

/**
 * A person's record as this user may see it: summary, stages with their clocks, and the timeline
 * (newest first). A person this user may not see is "not found". Every view is audited.
 */
export async function getPersonPathway(db: Db, actor: Actor, personId: string) {
  await requirePermission(db, actor, "person.view", { entity: "Person", entityId: personId });
  const person = await db.person.findFirst({
    where: { AND: [{ id: personId }, visiblePeople(actor)] },
    include: {
      identity: true,
      rescue: { include: { loggedByAgency: true } },
      template: true,
      stages: { include: { templateStage: true, ownerAgency: true }, orderBy: { templateStage: { sortOrder: "asc" } } },
      timeline: {
        include: { actor: { include: { agency: true } }, stage: { include: { templateStage: true } } },
        orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      },
    },
  });
  if (!person) {
    await recordAudit(db, actor, { action: "person.view", entity: "Person", entityId: personId, outcome: "denied" });
    throw new NotFoundError("Person");
  }
  await recordAudit(db, actor, { action: "person.view", entity: "Person", entityId: person.id });

  const t0 = person.rescue.occurredAt;
  const stages: PathwayStageView[] = person.stages.map((stage) => ({
    id: stage.id,
    key: stage.templateStage.key,
    title: stage.templateStage.title,
    description: stage.templateStage.description,
    ownerAgencyName: stage.ownerAgency.name,
    state: stage.state,
    clock: {
      state: stage.state,
      t0,
      dueAt: stage.dueAt,
      completedAt: stage.completedAt,
      pausedAt: stage.pausedAt,
      pausedMs: stage.pausedMs,
    },
    startedAt: stage.startedAt,
    closingReason: stage.closingReason,
    version: stage.version,
    canChange: mayChangeStage(actor, stage),
  }));

  const timeline: TimelineEntryView[] = person.timeline.map((event) => ({
    id: event.id,
    kind: event.kind,
    stageTitle: event.stage?.templateStage.title ?? null,
    text: event.text,
    actorName: event.actor.name,
    actorAgencyName: event.actor.agency.name,
    occurredAt: event.occurredAt,
  }));

  return {
    id: person.id,
    caseReference: person.caseReference,
    displayName: personDisplayName(person.identity),
    name: person.identity?.name ?? null,
    description: person.identity?.description ?? null,
    ageGroup: person.ageGroup,
    gender: person.gender,
    nationality: person.nationality,
    languages: person.languages,
    interpreterNeeded: person.interpreterNeeded,
    immediateNeeds: person.immediateNeeds,
    rescue: {
      id: person.rescue.id,
      reference: person.rescue.reference,
      operationReference: person.rescue.operationReference,
      occurredAt: t0,
      place: person.rescue.place,
      loggedByAgencyName: person.rescue.loggedByAgency.name,
    },
    pathwayVersion: person.template.version,
    atRiskPercent: person.template.atRiskPercent,
    closedAt: person.closedAt,
    stages,
    timeline,
  };
}
