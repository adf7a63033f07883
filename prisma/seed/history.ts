// A year of finished (and a few still open) cases, written straight to the tables in batches: going
// through logRescue and changeStage for thousands of rows would make the seed far too slow.
import { randomUUID } from "node:crypto";
import { buildPathway } from "../../src/domain/pathway/build-pathway";
import { MS } from "../../src/domain/time/duration";
import type { AgencyKind } from "../../src/domain/types";
import type { Prisma } from "../../src/generated/prisma/client";
import type { Db } from "../../src/server/db/create-client";
import { newCaseReference, newRescueReference } from "../../src/server/rescues/references";
import { MONTH_WEIGHTS, NATIONALITIES, OPERATION_NAMES, PLACES, SETTINGS, type Setting } from "./data";
import { staffMember, type DemoOrg, type StaffMember } from "./org";
import { nationalityFor, personProfile, type PersonProfile } from "./people";
import type { Random } from "./random";
import { isFinished, simulateStage } from "./stages";

const YEAR_MS = 365 * MS.DAY;
const MONTH_MS = YEAR_MS / 12;
const ORDINARY_RESCUES = 165;
const LARGE_RAIDS = 5;
// Leaves the last day and a half to the live cases, which go through the real use cases.
const HISTORY_ENDS_BEFORE_NOW_MS = 36 * MS.HOUR;
const CLOSE_AFTER_DAYS = 21;
const BATCH = 1000;

export type HistoryRows = {
  rescues: Prisma.RescueCreateManyInput[];
  people: Prisma.PersonCreateManyInput[];
  identities: Prisma.PersonIdentityCreateManyInput[];
  stages: Prisma.StageCreateManyInput[];
  timeline: Prisma.TimelineEventCreateManyInput[];
};

type RescuePlan = {
  t0: Date;
  loggedAt: Date;
  setting: Setting;
  size: number;
  place: string;
  operationReference: string | null;
  logger: StaffMember;
};

const startOfMinute = (ms: number) => new Date(Math.floor(ms / MS.MINUTE) * MS.MINUTE);

function rescueTime(rng: Random, now: Date, planned: boolean): Date {
  const month = rng.weighted(MONTH_WEIGHTS.map((weight, index) => [index, weight] as const));
  const latest = now.getTime() - HISTORY_ENDS_BEFORE_NOW_MS;
  const dayStart = Math.floor((now.getTime() - YEAR_MS + (month + rng.float()) * MONTH_MS) / MS.DAY) * MS.DAY;
  // Planned raids go in at dawn; chance encounters happen at any hour.
  const hour = planned ? rng.weighted([[5, 3], [6, 4], [7, 3], [8, 1], [10, 1], [14, 1], [19, 1]]) : rng.int(0, 23);
  const t0 = dayStart + hour * MS.HOUR + rng.int(0, 59) * MS.MINUTE;
  return startOfMinute(t0 > latest ? t0 - 2 * MS.DAY : t0);
}

function loggingAgency(rng: Random, setting: Setting): AgencyKind {
  if (setting.planned) return rng.weighted<AgencyKind>([["POLICE", 92], ["COUNCIL_SAFEGUARDING", 5], ["SALVATION_ARMY", 3]]);
  return rng.weighted<AgencyKind>([["POLICE", 50], ["COUNCIL_SAFEGUARDING", 30], ["SALVATION_ARMY", 20]]);
}

function planRescue(rng: Random, org: DemoOrg, now: Date, large: boolean): RescuePlan {
  const setting = large ? rng.pick(SETTINGS.filter((s) => s.largeRaid)) : rng.weighted(SETTINGS.map((s) => [s, s.weight] as const));
  const t0 = rescueTime(rng, now, setting.planned);
  const hasOperation = setting.planned ? rng.chance(0.85) : rng.chance(0.2);
  return {
    t0,
    loggedAt: startOfMinute(t0.getTime() + rng.int(3, 25) * MS.MINUTE),
    setting,
    size: large ? rng.int(10, 15) : rng.weighted(setting.sizes),
    place: rng.weighted(PLACES),
    operationReference: hasOperation ? `OP-${rng.pick(OPERATION_NAMES)}-${rng.int(1, 40)}` : null,
    logger: staffMember(org, loggingAgency(rng, setting), rng.chance(0.1) ? "AGENCY_LEAD" : "CASEWORKER"),
  };
}

/** Late finishes are commoner early in the year: the dashboard shows the partnership improving. */
function lateFactor(now: Date, t0: Date): number {
  const monthsAgo = (now.getTime() - t0.getTime()) / MONTH_MS;
  return 0.65 + 0.7 * Math.min(1, monthsAgo / 12);
}

/** A case closes a few weeks after rescue, once every stage is finished. */
function closedAtFor(rng: Random, now: Date, t0: Date, lastEventAt: number, allFinished: boolean): Date | null {
  const ageDays = (now.getTime() - t0.getTime()) / MS.DAY;
  if (ageDays <= CLOSE_AFTER_DAYS || !allFinished) return null;
  const afterRescue = t0.getTime() + rng.between(CLOSE_AFTER_DAYS, CLOSE_AFTER_DAYS + Math.min(40, ageDays - CLOSE_AFTER_DAYS)) * MS.DAY;
  const afterLastEvent = lastEventAt + rng.between(1, 120) * MS.HOUR;
  return new Date(Math.min(now.getTime() - MS.HOUR, Math.max(afterRescue, afterLastEvent)));
}

function addPerson(rows: HistoryRows, rng: Random, org: DemoOrg, now: Date, rescue: RescuePlan & { id: string }, profile: PersonProfile) {
  const personId = randomUUID();
  const { t0, loggedAt } = rescue;
  rows.timeline.push({
    personId,
    kind: "RESCUE_LOGGED",
    actorId: rescue.logger.id,
    actorAgencyId: rescue.logger.agencyId,
    actorRole: rescue.logger.role,
    occurredAt: loggedAt,
  });

  let lastEventAt = loggedAt.getTime();
  let allFinished = true;
  for (const { template, dueAt } of buildPathway(org.template.stages, profile, t0)) {
    const stageId = randomUUID();
    const simulated = simulateStage(rng, {
      key: template.key,
      t0,
      dueAt,
      loggedAt,
      now,
      ageGroup: profile.ageGroup,
      engagement: profile.engagement,
      lateFactor: lateFactor(now, t0),
    });
    rows.stages.push({
      id: stageId,
      personId,
      templateStageId: template.id,
      ownerAgencyId: org.agencyIds[template.ownerAgencyKind],
      dueAt,
      ...simulated.snapshot,
      version: simulated.version,
    });
    for (const event of simulated.events) {
      const actor = staffMember(org, template.ownerAgencyKind, event.doer);
      rows.timeline.push({
        personId,
        stageId,
        kind: event.kind,
        text: event.text,
        actorId: actor.id,
        actorAgencyId: actor.agencyId,
        actorRole: actor.role,
        occurredAt: event.at,
      });
      lastEventAt = Math.max(lastEventAt, event.at.getTime());
    }
    allFinished &&= isFinished(simulated.snapshot);
  }

  const { identity, engagement: _engagement, ...personFields } = profile;
  rows.people.push({
    id: personId,
    rescueId: rescue.id,
    caseReference: newCaseReference(),
    templateId: org.template.id,
    ...personFields,
    createdAt: loggedAt,
    closedAt: closedAtFor(rng, now, t0, lastEventAt, allFinished),
  });
  rows.identities.push({ personId, ...identity });
}

/** Builds the whole history in memory. Same `now`, same history (apart from ids and references). */
export function planHistory(rng: Random, org: DemoOrg, now: Date): HistoryRows {
  const rows: HistoryRows = { rescues: [], people: [], identities: [], stages: [], timeline: [] };
  const plans = Array.from({ length: ORDINARY_RESCUES + LARGE_RAIDS }, (_, i) => planRescue(rng, org, now, i < LARGE_RAIDS));
  plans.sort((a, b) => a.t0.getTime() - b.t0.getTime());

  for (const plan of plans) {
    const rescue = { ...plan, id: randomUUID() };
    rows.rescues.push({
      id: rescue.id,
      partnershipId: org.partnershipId,
      reference: newRescueReference(plan.t0),
      operationReference: plan.operationReference,
      occurredAt: plan.t0,
      place: plan.place,
      loggedById: plan.logger.id,
      loggedByAgencyId: plan.logger.agencyId,
      idempotencyKey: randomUUID(),
      createdAt: plan.loggedAt,
    });
    const groupNationality = NATIONALITIES[rng.weighted(plan.setting.nationalities)];
    for (let i = 0; i < plan.size; i++) {
      const nationality = nationalityFor(rng, plan.setting, groupNationality);
      addPerson(rows, rng, org, now, rescue, personProfile(rng, plan.setting, nationality, plan.t0));
    }
  }
  return rows;
}

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) await insert(rows.slice(start, start + BATCH));
}

/** Sequential on purpose: the embedded database has a single connection. */
export async function insertHistory(db: Db, rows: HistoryRows): Promise<void> {
  await inBatches(rows.rescues, (data) => db.rescue.createMany({ data }));
  await inBatches(rows.people, (data) => db.person.createMany({ data }));
  await inBatches(rows.identities, (data) => db.personIdentity.createMany({ data }));
  await inBatches(rows.stages, (data) => db.stage.createMany({ data }));
  await inBatches(rows.timeline, (data) => db.timelineEvent.createMany({ data }));
}
