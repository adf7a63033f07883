// A year of finished (and a few still open) cases, written straight to the tables in batches: going
// through logRescue and changeStage for thousands of rows would make the seed far too slow.
// The same planner makes the large synthetic history (scripts/generate-history.ts): any number of
// people over any number of months, handed out in batches so that it never sits in memory whole.
import { randomUUID } from "node:crypto";
import { buildPathway } from "../../src/domain/pathway/build-pathway";
import { MS } from "../../src/domain/time/duration";
import type { AgencyKind } from "../../src/domain/types";
import type { Prisma } from "../../src/generated/prisma/client";
import type { Db } from "../../src/server/db/create-client";
import { newCaseReference, newRescueReference } from "../../src/server/rescues/references";
import { MONTH_WEIGHTS, NATIONALITIES, OPERATION_NAMES, PLACES, SETTINGS, type Setting } from "./data";
import { staffMember, staffOfAgency, type DemoOrg, type StaffMember } from "./org";
import { nationalityFor, personProfile, type PersonProfile } from "./people";
import type { Random } from "./random";
import { isFinishedStageState } from "../../src/domain/pathway/stage-states";
import { simulateStage } from "./stages";

const YEAR_MS = 365 * MS.DAY;
const MONTH_MS = YEAR_MS / 12;
const ORDINARY_RESCUES = 165;
const LARGE_RAIDS = 5;
const LARGE_RAID_SHARE = LARGE_RAIDS / (ORDINARY_RESCUES + LARGE_RAIDS);
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
  escalations: Prisma.EscalationCreateManyInput[];
};

/** The partnership's escalation thresholds (schema defaults unless the partnership changed them). */
export type EscalationThresholds = { coordinatorAfterMinutes: number; pccAfterMinutes: number };
export const DEFAULT_THRESHOLDS: EscalationThresholds = { coordinatorAfterMinutes: 240, pccAfterMinutes: 1440 };

export type HistoryOptions = {
  /** How many months back the history reaches. */
  months: number;
  thresholds: EscalationThresholds;
};

const DEMO_OPTIONS: HistoryOptions = { months: 12, thresholds: DEFAULT_THRESHOLDS };

const emptyRows = (): HistoryRows => ({ rescues: [], people: [], identities: [], stages: [], timeline: [], escalations: [] });

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

function rescueTime(rng: Random, now: Date, planned: boolean, months: number): Date {
  // Oldest month first; the seasonal pattern repeats every year.
  const month = rng.weighted(Array.from({ length: months }, (_, index) => [index, MONTH_WEIGHTS[index % 12]!] as const));
  const latest = now.getTime() - HISTORY_ENDS_BEFORE_NOW_MS;
  const dayStart = Math.floor((now.getTime() - months * MONTH_MS + (month + rng.float()) * MONTH_MS) / MS.DAY) * MS.DAY;
  // Planned raids go in at dawn; chance encounters happen at any hour.
  const hour = planned ? rng.weighted([[5, 3], [6, 4], [7, 3], [8, 1], [10, 1], [14, 1], [19, 1]]) : rng.int(0, 23);
  const t0 = dayStart + hour * MS.HOUR + rng.int(0, 59) * MS.MINUTE;
  return startOfMinute(t0 > latest ? t0 - 2 * MS.DAY : t0);
}

function loggingAgency(rng: Random, setting: Setting): AgencyKind {
  if (setting.planned) return rng.weighted<AgencyKind>([["POLICE", 92], ["COUNCIL_SAFEGUARDING", 5], ["SALVATION_ARMY", 3]]);
  return rng.weighted<AgencyKind>([["POLICE", 50], ["COUNCIL_SAFEGUARDING", 30], ["SALVATION_ARMY", 20]]);
}

function planRescue(rng: Random, org: DemoOrg, now: Date, large: boolean, months: number): RescuePlan {
  const setting = large ? rng.pick(SETTINGS.filter((s) => s.largeRaid)) : rng.weighted(SETTINGS.map((s) => [s, s.weight] as const));
  const t0 = rescueTime(rng, now, setting.planned, months);
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

/** Late finishes are commoner early in the period: the dashboard shows the partnership improving. */
function lateFactor(now: Date, t0: Date, months: number): number {
  const monthsAgo = (now.getTime() - t0.getTime()) / MONTH_MS;
  return 0.65 + 0.7 * Math.min(1, monthsAgo / months);
}

/**
 * The escalations the sweep would have raised for one stage: to the owning agency's lead once it was
 * overdue, to the coordinator and then the PCC office after the partnership's thresholds, each only if
 * the stage was still open (and not paused) at that moment. Paused time moves the due time on.
 */
export function escalationsFor(
  stage: { dueAt: Date; pausedMs: number; completedAt: Date | null; pausedAt: Date | null },
  now: Date,
  thresholds: EscalationThresholds,
): { level: "AGENCY_LEAD" | "COORDINATOR" | "PCC_OFFICE"; raisedAt: Date }[] {
  const due = stage.dueAt.getTime() + stage.pausedMs;
  const openUntil = (stage.completedAt ?? stage.pausedAt ?? now).getTime();
  const levels = [
    ["AGENCY_LEAD", 0],
    ["COORDINATOR", thresholds.coordinatorAfterMinutes],
    ["PCC_OFFICE", thresholds.pccAfterMinutes],
  ] as const;
  return levels
    .map(([level, minutes]) => ({ level, raisedAt: new Date(due + minutes * MS.MINUTE) }))
    .filter(({ raisedAt }) => raisedAt.getTime() < openUntil && raisedAt <= now);
}

/** A case closes a few weeks after rescue, once every stage is finished. */
function closedAtFor(rng: Random, now: Date, t0: Date, lastEventAt: number, allFinished: boolean): Date | null {
  const ageDays = (now.getTime() - t0.getTime()) / MS.DAY;
  if (ageDays <= CLOSE_AFTER_DAYS || !allFinished) return null;
  const afterRescue = t0.getTime() + rng.between(CLOSE_AFTER_DAYS, CLOSE_AFTER_DAYS + Math.min(40, ageDays - CLOSE_AFTER_DAYS)) * MS.DAY;
  const afterLastEvent = lastEventAt + rng.between(1, 120) * MS.HOUR;
  return new Date(Math.min(now.getTime() - MS.HOUR, Math.max(afterRescue, afterLastEvent)));
}

function addPerson(
  rows: HistoryRows,
  rng: Random,
  org: DemoOrg,
  now: Date,
  options: HistoryOptions,
  rescue: RescuePlan & { id: string },
  profile: PersonProfile,
) {
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
      lateFactor: lateFactor(now, t0, options.months),
    });
    rows.stages.push({
      id: stageId,
      personId,
      templateStageId: template.id,
      ownerAgencyId: template.ownerAgencyId,
      dueAt,
      ...simulated.snapshot,
      nrmDecision: simulated.nrmDecision,
      version: simulated.version,
    });
    for (const escalation of escalationsFor({ dueAt, ...simulated.snapshot }, now, options.thresholds)) {
      rows.escalations.push({ stageId, ...escalation });
    }
    for (const event of simulated.events) {
      const actor = staffOfAgency(org, template.ownerAgencyId, event.doer);
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
    allFinished &&= isFinishedStageState(simulated.snapshot.state);
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

/** A rescue reference not used yet in this history (six random characters per year do repeat at scale). */
function uniqueRescueReference(used: Set<string>, t0: Date): string {
  for (;;) {
    const reference = newRescueReference(t0);
    if (!used.has(reference)) {
      used.add(reference);
      return reference;
    }
  }
}

/** Builds the demo's whole history in memory. Same `now`, same history (apart from ids and references). */
export function planHistory(rng: Random, org: DemoOrg, now: Date, options: HistoryOptions = DEMO_OPTIONS): HistoryRows {
  const plans = Array.from({ length: ORDINARY_RESCUES + LARGE_RAIDS }, (_, i) => planRescue(rng, org, now, i < LARGE_RAIDS, options.months));
  const rows = emptyRows();
  for (const batch of planPeople(rng, org, now, options, plans, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)) {
    for (const key of Object.keys(rows) as (keyof HistoryRows)[]) (rows[key] as unknown[]).push(...batch[key]);
  }
  return rows;
}

/**
 * Plans rescues until they hold `people` people (the last group is cut short to hit the number exactly)
 * and hands the rows out in batches of about `batchPeople` people. Same seed and `now`, same history.
 */
export function* planLargeHistory(
  rng: Random,
  org: DemoOrg,
  now: Date,
  options: HistoryOptions & { people: number; batchPeople: number },
): Generator<HistoryRows> {
  const plans: RescuePlan[] = [];
  for (let planned = 0; planned < options.people; ) {
    const plan = planRescue(rng, org, now, rng.chance(LARGE_RAID_SHARE), options.months);
    plans.push(plan);
    planned += plan.size;
  }
  yield* planPeople(rng, org, now, options, plans, options.people, options.batchPeople);
}

function* planPeople(
  rng: Random,
  org: DemoOrg,
  now: Date,
  options: HistoryOptions,
  plans: RescuePlan[],
  maxPeople: number,
  batchPeople: number,
): Generator<HistoryRows> {
  plans.sort((a, b) => a.t0.getTime() - b.t0.getTime());
  const references = new Set<string>();
  let rows = emptyRows();
  let total = 0;

  for (const plan of plans) {
    if (total >= maxPeople) break;
    const rescue = { ...plan, id: randomUUID() };
    rows.rescues.push({
      id: rescue.id,
      partnershipId: org.partnershipId,
      reference: uniqueRescueReference(references, plan.t0),
      operationReference: plan.operationReference,
      occurredAt: plan.t0,
      place: plan.place,
      loggedById: plan.logger.id,
      loggedByAgencyId: plan.logger.agencyId,
      idempotencyKey: randomUUID(),
      createdAt: plan.loggedAt,
    });
    const groupNationality = NATIONALITIES[rng.weighted(plan.setting.nationalities)];
    const size = Math.min(plan.size, maxPeople - total);
    for (let i = 0; i < size; i++) {
      const nationality = nationalityFor(rng, plan.setting, groupNationality);
      addPerson(rows, rng, org, now, options, rescue, personProfile(rng, plan.setting, nationality, plan.t0));
    }
    total += size;
    if (rows.people.length >= batchPeople) {
      yield rows;
      rows = emptyRows();
    }
  }
  if (rows.rescues.length > 0) yield rows;
}

async function inBatches<T>(rows: T[], batch: number, insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += batch) await insert(rows.slice(start, start + batch));
}

type Writer = Pick<Db, "rescue" | "person" | "personIdentity" | "stage" | "timelineEvent" | "escalation">;

/**
 * Sequential on purpose: the embedded database has a single connection. Pass a transaction client to
 * make one batch all-or-nothing. `batch` rows per statement stays under Postgres's 65,535 parameters.
 */
export async function insertHistory(db: Writer, rows: HistoryRows, batch = BATCH): Promise<void> {
  await inBatches(rows.rescues, batch, (data) => db.rescue.createMany({ data }));
  await inBatches(rows.people, batch, (data) => db.person.createMany({ data }));
  await inBatches(rows.identities, batch, (data) => db.personIdentity.createMany({ data }));
  await inBatches(rows.stages, batch, (data) => db.stage.createMany({ data }));
  await inBatches(rows.timeline, batch, (data) => db.timelineEvent.createMany({ data }));
  await inBatches(rows.escalations, batch, (data) => db.escalation.createMany({ data }));
}
