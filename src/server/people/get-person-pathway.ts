import "server-only";
import { describeTarget } from "@/domain/pathway/template";
import { agencyDisplayName } from "@/domain/agencies/agency-details";
import { stageWorkRefusal, type StageWorkRefusalCode } from "@/domain/pathway/stage-work";
import type { TimelineEntryView } from "@/domain/pathway/timeline-entry";
import { clockInputOf, type ClockInput } from "@/domain/pathway/clock";
import type { NrmDecision } from "@/domain/pathway/nrm-decision";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { seesMinimalRecord, stagesSeenInFull, visiblePeople } from "../access/visibility";
import { ACCOMMODATION_STAGE_KEY, mayRecordAccommodation, placementFor } from "../accommodation/placement";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { personDisplayName } from "@/domain/person-name";
import { roleHasPermission } from "@/domain/access/permissions";
import { contactGapNow } from "../contacts/contact-gaps-now";
import { safetyFlagsView } from "@/domain/person/safety-flags";
import { isTreatedAsChild, type AgeGroup } from "@/domain/types";
import { readPersonRecord, type PersonLinkRecord } from "./read-person-record";

type PersonLink = { id: string; caseReference: string; displayName: string };

const LINK_SELECT = { id: true, caseReference: true, identity: { select: { name: true, description: true } } } as const;

const linkOf = (row: PersonLinkRecord): PersonLink => ({ id: row.id, caseReference: row.caseReference, displayName: personDisplayName(row.identity) });

/** Whether the page offers linking this person to a parent: a child, and a role that may link. */
function offersParentLink(actor: Actor, ageGroup: AgeGroup): boolean {
  return isTreatedAsChild(ageGroup) && roleHasPermission(actor.role, "person.link_dependant");
}

/**
 * The person's parent and children, within need-to-know: only people this user may see are named. A
 * linked child this user cannot see is counted, never named (docs/decisions/0022: the parent's readers
 * learn that a child came with them, which the rescue told them already, and whom to ask). The people
 * of the same rescue this user may link as the parent, for a person treated as a child. The children,
 * their count and the candidates are read with the person (its one statement); only a parent is
 * read apart, through the same rule.
 */
async function dependantsOf(
  db: Db,
  actor: Actor,
  person: { parentPersonId: string | null; dependants: PersonLinkRecord[]; dependantCount: number; rescue: { people?: PersonLinkRecord[] } },
) {
  const parent = person.parentPersonId ? await db.person.findFirst({ where: { AND: [{ id: person.parentPersonId }, visiblePeople(actor)] }, select: LINK_SELECT }) : null;
  return {
    dependants: person.dependants.map(linkOf),
    hiddenDependants: person.dependantCount - person.dependants.length,
    parent: parent ? linkOf(parent) : null,
    hasHiddenParent: person.parentPersonId !== null && parent === null,
    parentCandidates: (person.rescue.people ?? []).filter((candidate) => candidate.id !== person.parentPersonId).map(linkOf),
    // Whoever may link may unlink, a parent they cannot see included (the child's record is theirs).
    canUnlinkParent: person.parentPersonId !== null && roleHasPermission(actor.role, "person.link_dependant"),
  };
}

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
 * The accommodation address is read only `withAccommodation` (the person's page): reading it is audited
 * as a view, so pages that do not show it do not read it (who provides the accommodation is read always).
 */
export async function getPersonPathway(db: Db, actor: Actor, personId: string, options: { withAccommodation?: boolean } = {}) {
  await requirePermission(db, actor, "person.view", { entity: "Person", entityId: personId });
  const minimal = seesMinimalRecord(actor);
  // Whether a child can be linked to a parent depends on the person's age group, not known yet: the
  // candidates are read when the role may link at all, and dropped below for an adult.
  const mayLink = roleHasPermission(actor.role, "person.link_dependant");
  // One statement: the person, their stages, timeline, children, last contact made, the partnership's
  // contact limit and who provides the accommodation (read-person-record.ts).
  const person = await readPersonRecord(db, actor, personId, { withRescuePeople: mayLink });
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
  const family = await dependantsOf(db, actor, {
    ...person,
    rescue: { people: offersParentLink(actor, person.ageGroup) ? person.rescue.people : [] },
  });
  const accommodationStage = person.stages.find((stage) => stage.templateStage.key === ACCOMMODATION_STAGE_KEY) ?? null;

  const t0 = person.rescue.occurredAt;
  // The closableCases rule, for the flags: a lead's agency logged the rescue or owns a stage.
  const agencyWorksWithPerson = person.rescue.loggedByAgencyId === actor.agencyId || person.stages.some((stage) => stage.ownerAgencyId === actor.agencyId);
  const stages: PathwayStageView[] = person.stages.map((stage) => ({
    id: stage.id,
    seenInFull: fullStages === null || fullStages.has(stage.id),
    key: stage.templateStage.key,
    title: stage.templateStage.title,
    description: stage.templateStage.description,
    ownerAgencyName: agencyDisplayName(stage.ownerAgency),
    target: describeTarget(stage.templateStage),
    state: stage.state,
    clock: clockInputOf(stage, t0),
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
    dateOfBirth: person.identity?.dateOfBirth ? person.identity.dateOfBirth.toISOString().slice(0, 10) : null,
    version: person.version,
    safety: safetyFlagsView(person.safety),
    ageAssessments: person.ageAssessments.map((assessment) => ({
      outcome: assessment.outcome,
      assessedOn: assessment.assessedOn.toISOString().slice(0, 10),
      assessedBy: assessment.assessedBy,
      mertonCompliant: assessment.mertonCompliant,
      recordedAt: assessment.recordedAt,
      recordedByAgencyName: agencyDisplayName(assessment.recordedByAgency),
    })),
    ...family,
    canCorrect: roleHasPermission(actor.role, "person.correct"),
    canSetSafetyFlags: roleHasPermission(actor.role, "person.safety_flags"),
    canAssessAge: roleHasPermission(actor.role, "person.assess_age") && !minimal && person.closedAt === null,
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
    closeReason: person.closeReason,
    /** "No contact for 2 d 3 h" once a live case's gap in contact has reached the partnership's limit. */
    noContact: person.closedAt ? null : contactGapNow(person, person.lastContactMadeAt, person.rescue.partnership.contactGapHours, new Date()),
    canRecordContact: roleHasPermission(actor.role, "contact.record") && person.closedAt === null,
    canClose: roleHasPermission(actor.role, "case.close") && agencyWorksWithPerson && person.closedAt === null,
    canReopen: roleHasPermission(actor.role, "case.reopen") && agencyWorksWithPerson && person.closedAt !== null,
    canProduceChronology: roleHasPermission(actor.role, "chronology.produce"),
    stages,
    timeline,
    accommodation: options.withAccommodation ? await placementFor(db, actor, person.id, person.accommodation ?? null) : null,
    accommodationArrangedBy: accommodationStage ? agencyDisplayName(accommodationStage.ownerAgency) : null,
    canRecordAccommodation: mayRecordAccommodation(actor, accommodationStage),
  };
}
