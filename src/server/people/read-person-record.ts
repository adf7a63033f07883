import "server-only";
import type { AgeGroup, Gender, StageState, TargetUnit } from "@/domain/types";
import type { NrmDecision } from "@/domain/pathway/nrm-decision";
import {
  Prisma,
  type AgeAtExploitation,
  type CaseCloseReason,
  type CountyLines,
  type ExploitationLocation,
  type ExploitationType,
  type NoteSensitivity,
  type ReferrerType,
  type TimelineKind,
} from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { readableTimelineSql, seesMinimalRecord, visiblePersonSql } from "../access/visibility";
import type { Db } from "../db/create-client";
import { readRows } from "../db/read-rows";

type AgencyName = { name: string; retiredAt: Date | null };
export type PersonLinkRecord = { id: string; caseReference: string; identity: { name: string | null; description: string | null } | null };

/** A person's record as their page shows it, within what this user may read (see readPersonRecord). */
export type PersonRecord = {
  id: string;
  caseReference: string;
  ageGroup: AgeGroup;
  gender: Gender;
  /** Null for a minimal-record reader, as every national category and the rescue's place: never selected for them. */
  nationalityCode: string | null;
  nationalityUnmatched: string | null;
  languages: string[];
  interpreterNeeded: boolean;
  exploitationType: ExploitationType | null;
  exploitationLocation: ExploitationLocation | null;
  countyLines: CountyLines | null;
  ageAtExploitation: AgeAtExploitation | null;
  referrerType: ReferrerType | null;
  immediateNeeds: string[];
  closedAt: Date | null;
  closeReason: CaseCloseReason | null;
  reopenedAt: Date | null;
  version: number;
  parentPersonId: string | null;
  identity: { name: string | null; description: string | null; dateOfBirth: Date | null } | null;
  safety: { safeContact: string | null; neverContact: string | null; tippingOffRisk: boolean; reTraffickingRisk: boolean; doNotDiscloseWhereabouts: boolean } | null;
  ageAssessments: { outcome: AgeGroup; assessedOn: Date; assessedBy: string; mertonCompliant: boolean; recordedAt: Date; recordedByAgency: AgencyName }[];
  rescue: {
    id: string;
    reference: string;
    occurredAt: Date;
    place: string | null;
    operationReference: string | null;
    loggedByAgencyId: string;
    loggedByAgency: AgencyName;
    partnership: { contactGapHours: number };
    /** The other people of the rescue this user may see, when asked for (`withRescuePeople`). */
    people: PersonLinkRecord[];
  };
  /** The children this user may see, and how many there are in all. */
  dependants: PersonLinkRecord[];
  dependantCount: number;
  lastContactMadeAt: Date | null;
  accommodation: { providerAgencyId: string; recordedAt: Date; providerAgency: { name: string } } | null;
  template: { version: number; atRiskPercent: number };
  stages: {
    id: string;
    ownerAgencyId: string;
    state: StageState;
    dueAt: Date;
    startedAt: Date | null;
    completedAt: Date | null;
    pausedAt: Date | null;
    pausedMs: number;
    clockStartedAt: Date | null;
    /** Null for a minimal-record reader: they read these only for the stages they see in full, apart. */
    closingReason: string | null;
    nrmDecision: NrmDecision | null;
    version: number;
    templateStage: { key: string; title: string; description: string; targetValue: number; targetUnit: TargetUnit };
    ownerAgency: AgencyName;
  }[];
  /** Newest first, only the entries `readableTimeline` lets this user read. */
  timeline: {
    id: string;
    kind: TimelineKind;
    text: string | null;
    sensitivity: NoteSensitivity;
    occurredAt: Date;
    actor: { name: string; agency: AgencyName };
    stage: { templateStage: { title: string } } | null;
  }[];
};

/** Columns a minimal-record reader (health, Caldicott) never reads: for them the statement selects NULL. */
function unlessMinimal(minimal: boolean, column: string): Prisma.Sql {
  return minimal ? Prisma.sql`NULL` : Prisma.raw(column);
}

const LINK_JSON = (alias: string) =>
  Prisma.raw(`json_build_object('id', ${alias}."id", 'caseReference', ${alias}."caseReference", 'identity',
    (SELECT json_build_object('name', li."name", 'description', li."description") FROM "PersonIdentity" li WHERE li."personId" = ${alias}."id"))`);

/** Timestamps inside json come back as text; Dates as Prisma gives them (a date column at UTC midnight). */
const at = (value: string | null): Date | null => (value === null ? null : new Date(value));
const agencyOf = (agency: { name: string; retiredAt: string | null }): AgencyName => ({ name: agency.name, retiredAt: at(agency.retiredAt) });

type Row = Omit<PersonRecord, "identity" | "ageAssessments" | "rescue" | "accommodation" | "stages" | "timeline" | "safety" | "dependantCount"> & {
  identity: { name: string | null; description: string | null; dateOfBirth: string | null } | null;
  safety: PersonRecord["safety"];
  ageAssessments: { outcome: AgeGroup; assessedOn: string; assessedBy: string; mertonCompliant: boolean; recordedAt: string; recordedByAgency: { name: string; retiredAt: string | null } }[];
  rescueId: string;
  rescueReference: string;
  rescuedAt: Date;
  place: string | null;
  operationReference: string | null;
  loggedByAgencyId: string;
  loggedByAgency: { name: string; retiredAt: string | null };
  contactGapHours: number;
  rescuePeople: PersonLinkRecord[];
  dependantCount: number;
  accommodation: { providerAgencyId: string; recordedAt: string; providerAgency: { name: string } } | null;
  templateVersion: number;
  atRiskPercent: number;
  stages: (Omit<PersonRecord["stages"][number], "dueAt" | "startedAt" | "completedAt" | "pausedAt" | "clockStartedAt" | "ownerAgency"> & {
    dueAt: string;
    startedAt: string | null;
    completedAt: string | null;
    pausedAt: string | null;
    clockStartedAt: string | null;
    ownerAgency: { name: string; retiredAt: string | null };
  })[];
  timeline: (Omit<PersonRecord["timeline"][number], "occurredAt" | "actor"> & { occurredAt: string; actor: { name: string; agency: { name: string; retiredAt: string | null } } })[];
};

/**
 * A person's whole record for their page, in one statement, if this user may see them (the
 * visibility rule in its SQL form); null if not. Everything the page shows comes with it: identity,
 * safety flags, age assessments, the rescue, the children and the people of the same rescue this user
 * may see (never the others), the last contact made, who provides the accommodation (never the
 * address), the stages in pathway order and the timeline entries this user may read, newest first.
 *
 * It is SQL rather than a Prisma read because Prisma's shaping of this one read (its arguments, plan
 * and every nested row) cost about 2.5 ms of CPU a page, most of what the page spent beyond its SQL
 * (issue 15: app time at most 3× SQL time; decision record 0044). The rules it asks are the ones in
 * src/server/access/visibility.ts, in their SQL forms; tests/integration/person-record-sql.test.ts
 * compares this read with the same read through Prisma for every account on a shuffled history.
 */
export async function readPersonRecord(db: Db, actor: Actor, personId: string, { withRescuePeople }: { withRescuePeople: boolean }): Promise<PersonRecord | null> {
  const minimal = seesMinimalRecord(actor);
  const [row] = await readRows<Row>(db, Prisma.sql`
    SELECT p."id", p."caseReference", p."ageGroup", p."gender",
           ${unlessMinimal(minimal, `p."nationalityCode"`)} AS "nationalityCode",
           ${unlessMinimal(minimal, `p."nationalityUnmatched"`)} AS "nationalityUnmatched",
           to_json(p."languages") AS "languages", p."interpreterNeeded",
           ${unlessMinimal(minimal, `p."exploitationType"`)} AS "exploitationType",
           ${unlessMinimal(minimal, `p."exploitationLocation"`)} AS "exploitationLocation",
           ${unlessMinimal(minimal, `p."countyLines"`)} AS "countyLines",
           ${unlessMinimal(minimal, `p."ageAtExploitation"`)} AS "ageAtExploitation",
           ${unlessMinimal(minimal, `p."referrerType"`)} AS "referrerType",
           to_json(p."immediateNeeds") AS "immediateNeeds", p."closedAt", p."closeReason", p."reopenedAt", p."version", p."parentPersonId",
           (SELECT json_build_object('name', i."name", 'description', i."description", 'dateOfBirth', i."dateOfBirth")
              FROM "PersonIdentity" i WHERE i."personId" = p."id") AS "identity",
           (SELECT json_build_object('safeContact', sf."safeContact", 'neverContact', sf."neverContact", 'tippingOffRisk', sf."tippingOffRisk",
                                     'reTraffickingRisk', sf."reTraffickingRisk", 'doNotDiscloseWhereabouts', sf."doNotDiscloseWhereabouts")
              FROM "PersonSafety" sf WHERE sf."personId" = p."id") AS "safety",
           (SELECT coalesce(json_agg(json_build_object('outcome', aa."outcome", 'assessedOn', aa."assessedOn", 'assessedBy', aa."assessedBy",
                                     'mertonCompliant', aa."mertonCompliant", 'recordedAt', aa."recordedAt",
                                     'recordedByAgency', json_build_object('name', ag."name", 'retiredAt', ag."retiredAt")) ORDER BY aa."recordedAt" DESC), '[]')
              FROM "AgeAssessment" aa JOIN "Agency" ag ON ag."id" = aa."recordedByAgencyId" WHERE aa."personId" = p."id") AS "ageAssessments",
           r."id" AS "rescueId", r."reference" AS "rescueReference", r."occurredAt" AS "rescuedAt",
           ${unlessMinimal(minimal, `r."place"`)} AS "place", ${unlessMinimal(minimal, `r."operationReference"`)} AS "operationReference",
           r."loggedByAgencyId", json_build_object('name', la."name", 'retiredAt', la."retiredAt") AS "loggedByAgency", pa."contactGapHours",
           ${
             withRescuePeople
               ? Prisma.sql`(SELECT coalesce(json_agg(${LINK_JSON("other")} ORDER BY other."caseReference"), '[]') FROM "Person" other
                   WHERE other."rescueId" = p."rescueId" AND other."id" <> p."id" AND ${visiblePersonSql(actor, "other")})`
               : Prisma.sql`'[]'::json`
           } AS "rescuePeople",
           (SELECT coalesce(json_agg(${LINK_JSON("child")} ORDER BY child."caseReference"), '[]') FROM "Person" child
             WHERE child."parentPersonId" = p."id" AND ${visiblePersonSql(actor, "child")}) AS "dependants",
           (SELECT count(*)::int FROM "Person" c WHERE c."parentPersonId" = p."id") AS "dependantCount",
           (SELECT max(ct."occurredAt") FROM "Contact" ct WHERE ct."personId" = p."id" AND ct."outcome" = 'MADE') AS "lastContactMadeAt",
           (SELECT json_build_object('providerAgencyId', ap."providerAgencyId", 'recordedAt', ap."recordedAt", 'providerAgency', json_build_object('name', pa2."name"))
              FROM "AccommodationPlacement" ap JOIN "Agency" pa2 ON pa2."id" = ap."providerAgencyId" WHERE ap."personId" = p."id") AS "accommodation",
           t."version" AS "templateVersion", t."atRiskPercent",
           (SELECT coalesce(json_agg(json_build_object('id', s."id", 'ownerAgencyId', s."ownerAgencyId", 'state', s."state", 'dueAt', s."dueAt",
                                     'startedAt', s."startedAt", 'completedAt', s."completedAt", 'pausedAt', s."pausedAt", 'pausedMs', s."pausedMs",
                                     'clockStartedAt', s."clockStartedAt", 'closingReason', ${unlessMinimal(minimal, `s."closingReason"`)},
                                     'nrmDecision', ${unlessMinimal(minimal, `s."nrmDecision"`)}, 'version', s."version",
                                     'templateStage', json_build_object('key', ts."key", 'title', ts."title", 'description', ts."description",
                                                                        'targetValue', ts."targetValue", 'targetUnit', ts."targetUnit"),
                                     'ownerAgency', json_build_object('name', oa."name", 'retiredAt', oa."retiredAt")) ORDER BY ts."sortOrder", s."id"), '[]')
              FROM "Stage" s
              JOIN "PathwayStageTemplate" ts ON ts."id" = s."templateStageId"
              JOIN "Agency" oa ON oa."id" = s."ownerAgencyId"
             WHERE s."personId" = p."id") AS "stages",
           (SELECT coalesce(json_agg(json_build_object('id', e."id", 'kind', e."kind", 'text', e."text", 'sensitivity', e."sensitivity", 'occurredAt', e."occurredAt",
                                     'actor', json_build_object('name', u."name", 'agency', json_build_object('name', ua."name", 'retiredAt', ua."retiredAt")),
                                     'stage', CASE WHEN e."stageId" IS NULL THEN NULL ELSE json_build_object('templateStage', json_build_object('title', ets."title")) END)
                                     ORDER BY e."occurredAt" DESC, e."id" DESC), '[]')
              FROM "TimelineEvent" e
              JOIN "User" u ON u."id" = e."actorId"
              JOIN "Agency" ua ON ua."id" = u."agencyId"
              LEFT JOIN "Stage" est ON est."id" = e."stageId"
              LEFT JOIN "PathwayStageTemplate" ets ON ets."id" = est."templateStageId"
             WHERE e."personId" = p."id" AND ${readableTimelineSql(actor)}) AS "timeline"
      FROM "Person" p
      JOIN "Rescue" r ON r."id" = p."rescueId"
      JOIN "Agency" la ON la."id" = r."loggedByAgencyId"
      JOIN "Partnership" pa ON pa."id" = r."partnershipId"
      JOIN "PathwayTemplate" t ON t."id" = p."templateId"
     WHERE p."id" = ${personId}::uuid AND ${visiblePersonSql(actor)}`);
  if (!row) return null;
  return {
    id: row.id,
    caseReference: row.caseReference,
    ageGroup: row.ageGroup,
    gender: row.gender,
    nationalityCode: row.nationalityCode,
    nationalityUnmatched: row.nationalityUnmatched,
    languages: row.languages,
    interpreterNeeded: row.interpreterNeeded,
    exploitationType: row.exploitationType,
    exploitationLocation: row.exploitationLocation,
    countyLines: row.countyLines,
    ageAtExploitation: row.ageAtExploitation,
    referrerType: row.referrerType,
    immediateNeeds: row.immediateNeeds,
    closedAt: row.closedAt,
    closeReason: row.closeReason,
    reopenedAt: row.reopenedAt,
    version: row.version,
    parentPersonId: row.parentPersonId,
    identity: row.identity && { name: row.identity.name, description: row.identity.description, dateOfBirth: at(row.identity.dateOfBirth) },
    safety: row.safety,
    ageAssessments: row.ageAssessments.map((assessment) => ({
      ...assessment,
      assessedOn: at(assessment.assessedOn)!,
      recordedAt: at(assessment.recordedAt)!,
      recordedByAgency: agencyOf(assessment.recordedByAgency),
    })),
    rescue: {
      id: row.rescueId,
      reference: row.rescueReference,
      occurredAt: row.rescuedAt,
      place: row.place,
      operationReference: row.operationReference,
      loggedByAgencyId: row.loggedByAgencyId,
      loggedByAgency: agencyOf(row.loggedByAgency),
      partnership: { contactGapHours: row.contactGapHours },
      people: row.rescuePeople,
    },
    dependants: row.dependants,
    dependantCount: row.dependantCount,
    lastContactMadeAt: row.lastContactMadeAt,
    accommodation: row.accommodation && { ...row.accommodation, recordedAt: at(row.accommodation.recordedAt)! },
    template: { version: row.templateVersion, atRiskPercent: row.atRiskPercent },
    stages: row.stages.map((stage) => ({
      ...stage,
      dueAt: at(stage.dueAt)!,
      startedAt: at(stage.startedAt),
      completedAt: at(stage.completedAt),
      pausedAt: at(stage.pausedAt),
      clockStartedAt: at(stage.clockStartedAt),
      ownerAgency: agencyOf(stage.ownerAgency),
    })),
    timeline: row.timeline.map((event) => ({ ...event, occurredAt: at(event.occurredAt)!, actor: { name: event.actor.name, agency: agencyOf(event.actor.agency) } })),
  };
}
