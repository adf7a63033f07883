import "server-only";
import { describeTarget } from "@/domain/pathway/template";
import { agencyDisplayName } from "@/domain/agencies/agency-details";
import { stageWorkRefusal, type StageWorkRefusalCode } from "@/domain/pathway/stage-work";
import type { TimelineEntryView } from "@/domain/pathway/timeline-entry";
import type { ClockInput } from "@/domain/pathway/clock";
import type { NrmDecision } from "@/domain/pathway/nrm-decision";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { readableTimeline, seesMinimalRecord, stagesSeenInFull, visiblePeople } from "../access/visibility";
import { ACCOMMODATION_STAGE_KEY, mayRecordAccommodation, placementFor } from "../accommodation/placement";
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
  /** The target of the version the person started under, as people say it: "4 working hours". */
  target: string;
  state: ClockInput["state"];
  clock: ClockInput;
  startedAt: Date | null;
  /** False for a stage a minimal-record reader (health) sees as title, owner and state only. */
  seenInFull: boolean;
  closingReason: string | null;
  /** What the adult decided about the NRM, once the NRM consent decision stage is done (seen in full only). */
  nrmDecision: NrmDecision | null;
  version: number;
  /** Why this user may not change the stage (another agency's, finished, case closed), or null if they may. */
  changeRefusal: StageWorkRefusalCode | null;
};

export type PersonPathwayView = Awaited<ReturnType<typeof getPersonPathway>>;

/**
 * A person's record as this user may see it: summary, stages with their clocks, and the timeline
 * (newest first). A person this user may not see is "not found". Every view is audited.
 *
 * Health reads a minimal record (Caldicott): identity, a short summary, the stages health owns or has
 * been referred in full, the other stages as title, owner and state only, and the timeline entries
 * `readableTimeline` allows. What health may not read is never selected, so it cannot reach the page.
 *
 * The accommodation placement is read only `withAccommodation` (the person's page): reading its address
 * is audited as a view, so pages that do not show it do not read it.
 */
export async function getPersonPathway(db: Db, actor: Actor, personId: string, options: { withAccommodation?: boolean } = {}) {
  await requirePermission(db, actor, "person.view", { entity: "Person", entityId: personId });
  const minimal = seesMinimalRecord(actor);
  const person = await db.person.findFirst({
    where: { AND: [{ id: personId }, visiblePeople(actor)] },
    select: {
      id: true,
      caseReference: true,
      ageGroup: true,
      gender: true,
      nationalityCode: !minimal,
      nationalityUnmatched: !minimal,
      languages: true,
      interpreterNeeded: true,
      exploitationType: !minimal,
      // The national categories are about the exploitation and the referral, not care: health's
      // minimal record (Caldicott) does not need them, so they are not selected for it.
      exploitationLocation: !minimal,
      countyLines: !minimal,
      ageAtExploitation: !minimal,
      referrerType: !minimal,
      immediateNeeds: true,
      closedAt: true,
      identity: { select: { name: true, description: true } },
      rescue: {
        select: {
          id: true,
          reference: true,
          occurredAt: true,
          place: !minimal,
          operationReference: !minimal,
          loggedByAgency: { select: { name: true, retiredAt: true } },
        },
      },
      template: { select: { version: true, atRiskPercent: true } },
      stages: {
        select: {
          id: true,
          ownerAgencyId: true,
          state: true,
          dueAt: true,
          startedAt: true,
          completedAt: true,
          pausedAt: true,
          pausedMs: true,
          closingReason: !minimal,
          nrmDecision: !minimal,
          version: true,
          templateStage: { select: { key: true, title: true, description: true, targetValue: true, targetUnit: true } },
          ownerAgency: { select: { name: true, retiredAt: true } },
        },
        orderBy: { templateStage: { sortOrder: "asc" } },
      },
      timeline: {
        where: readableTimeline(actor),
        select: {
          id: true,
          kind: true,
          text: true,
          sensitivity: true,
          occurredAt: true,
          actor: { select: { name: true, agency: { select: { name: true, retiredAt: true } } } },
          stage: { select: { templateStage: { select: { title: true } } } },
        },
        orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      },
    },
  });
  if (!person) {
    await recordAudit(db, actor, { action: "person.view", entity: "Person", entityId: personId, outcome: "denied" });
    throw new NotFoundError("Person");
  }
  await recordAudit(db, actor, { action: "person.view", entity: "Person", entityId: person.id });

  // Closing reasons and decisions of the stages a minimal-record reader sees in full, read apart from the others.
  const fullStages = minimal
    ? new Map(
        (
          await db.stage.findMany({
            where: { AND: [{ personId: person.id }, stagesSeenInFull(actor)] },
            select: { id: true, closingReason: true, nrmDecision: true },
          })
        ).map((stage) => [stage.id, stage]),
      )
    : null;
  const accommodationStage = person.stages.find((stage) => stage.templateStage.key === ACCOMMODATION_STAGE_KEY) ?? null;

  const t0 = person.rescue.occurredAt;
  const stages: PathwayStageView[] = person.stages.map((stage) => ({
    id: stage.id,
    seenInFull: fullStages === null || fullStages.has(stage.id),
    key: stage.templateStage.key,
    title: stage.templateStage.title,
    description: stage.templateStage.description,
    ownerAgencyName: agencyDisplayName(stage.ownerAgency),
    target: describeTarget(stage.templateStage),
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
    closingReason: (fullStages ? fullStages.get(stage.id)?.closingReason : stage.closingReason) ?? null,
    nrmDecision: (fullStages ? fullStages.get(stage.id)?.nrmDecision : stage.nrmDecision) ?? null,
    version: stage.version,
    changeRefusal: stageWorkRefusal(actor, { state: stage.state, ownerAgencyId: stage.ownerAgencyId, caseClosed: person.closedAt !== null }, "change"),
  }));

  const timeline: TimelineEntryView[] = person.timeline.map((event) => ({
    id: event.id,
    kind: event.kind,
    stageTitle: event.stage?.templateStage.title ?? null,
    text: event.text,
    sensitivity: event.sensitivity,
    actorName: event.actor.name,
    actorAgencyName: agencyDisplayName(event.actor.agency),
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
    nationalityCode: minimal ? null : (person.nationalityCode ?? null),
    nationalityUnmatched: minimal ? null : (person.nationalityUnmatched ?? null),
    languages: person.languages,
    interpreterNeeded: person.interpreterNeeded,
    exploitationType: minimal ? null : (person.exploitationType ?? null),
    exploitationLocation: minimal ? null : (person.exploitationLocation ?? null),
    countyLines: minimal ? null : (person.countyLines ?? null),
    ageAtExploitation: minimal ? null : (person.ageAtExploitation ?? null),
    referrerType: minimal ? null : (person.referrerType ?? null),
    immediateNeeds: person.immediateNeeds,
    rescue: {
      id: person.rescue.id,
      reference: person.rescue.reference,
      operationReference: minimal ? null : (person.rescue.operationReference ?? null),
      occurredAt: t0,
      place: minimal ? null : (person.rescue.place ?? null),
      loggedByAgencyName: agencyDisplayName(person.rescue.loggedByAgency),
    },
    minimalRecord: minimal,
    pathwayVersion: person.template.version,
    atRiskPercent: person.template.atRiskPercent,
    closedAt: person.closedAt,
    stages,
    timeline,
    accommodation: options.withAccommodation ? await placementFor(db, actor, person.id) : null,
    accommodationArrangedBy: accommodationStage ? agencyDisplayName(accommodationStage.ownerAgency) : null,
    canRecordAccommodation: mayRecordAccommodation(actor, accommodationStage),
  };
}
