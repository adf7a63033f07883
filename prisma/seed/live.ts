// Cases still in their first day, logged and moved on through the app's own use cases, so the
// queues show work due soon, at risk and overdue exactly as the app computes them.
import { MS } from "../../src/domain/time/duration";
import type { Actor } from "../../src/server/access/actor";
import { loadActor } from "../../src/server/access/load-actor";
import type { Db } from "../../src/server/db/create-client";
import type { Result } from "../../src/domain/result";
import { logRescue } from "../../src/server/rescues/log-rescue";
import { changeStage } from "../../src/server/stages/change-stage";
import { personFormInput, rescueFormInput } from "../factories";
import { staffMember, staffOfAgency, type DemoOrg, type StaffMember } from "./org";

type LiveChange = {
  /** Index into the rescue's people. */
  person: number;
  stage: string;
  action: "start" | "complete" | "pause";
  text?: string;
  minutesAfterT0: number;
};

type LiveRescue = {
  minutesAgo: number;
  place: string;
  operationReference: string;
  people: Record<string, unknown>[];
  changes: LiveChange[];
};

// Minutes between the rescue and an officer logging it on the form.
const LOGGED_AFTER_MINUTES = 6;

const person = (label: string, overrides: Record<string, unknown>) => ({ ...personFormInput(overrides), label });

const LIVE_RESCUES: LiveRescue[] = [
  {
    // Immediate safety for two of them is due in ten minutes: at risk.
    minutesAgo: 50,
    place: "Hartlepool",
    operationReference: "OP-LANTERN-7",
    people: [
      person("Ardi Testescu", { name: "Ardi Testescu", description: "", gender: "MALE", nationality: "Albanian", languages: "Albanian", immediateNeeds: ["Food and water", "Rest", "Safety from the exploiters"] }),
      person("Boy, about 16, speaks Albanian", { description: "Boy, about 16, speaks Albanian", ageGroup: "CHILD", gender: "MALE", nationality: "Albanian", languages: "Albanian", immediateNeeds: ["Food and water", "Clothes", "No ID documents"] }),
      person("Man, about 45, speaks Kurdish Sorani", { description: "Man, about 45, speaks Kurdish Sorani", gender: "MALE", nationality: "Iraqi", languages: "Kurdish Sorani, Arabic", immediateNeeds: ["Medical care", "Rest"] }),
    ],
    changes: [
      { person: 1, stage: "childrens-services-notified", action: "complete", text: "Children's services emergency duty team notified by phone", minutesAfterT0: 25 },
      { person: 0, stage: "immediate-safety", action: "complete", text: "Food, water and dry clothes given at the scene", minutesAfterT0: 40 },
    ],
  },
  {
    // Two interpreters are overdue; one health check is paused while the person is in A&E.
    minutesAgo: 160,
    place: "Middlesbrough",
    operationReference: "OP-HEATHER-2",
    people: [
      person("Hoa Sampleova", { name: "Hoa Sampleova", description: "", gender: "FEMALE", nationality: "Vietnamese", languages: "Vietnamese", immediateNeeds: ["Food and water", "A wash", "Rest"] }),
      person("Girl, says she is 17, may be older; speaks Vietnamese", { description: "Girl, says she is 17, may be older; speaks Vietnamese", ageGroup: "AGE_DISPUTED", gender: "FEMALE", nationality: "Vietnamese", languages: "Vietnamese", immediateNeeds: ["Medical care", "Safety from the exploiters", "No ID documents"] }),
      person("Woman, about 35, speaks Vietnamese", { description: "Woman, about 35, speaks Vietnamese", gender: "FEMALE", nationality: "Vietnamese", languages: "Vietnamese", immediateNeeds: ["Food and water", "Rest"] }),
    ],
    changes: [
      { person: 0, stage: "immediate-safety", action: "complete", text: "Taken to a safe place away from the site", minutesAfterT0: 35 },
      { person: 1, stage: "immediate-safety", action: "complete", text: "Taken to a safe place away from the site", minutesAfterT0: 38 },
      { person: 1, stage: "childrens-services-notified", action: "complete", text: "Duty social worker informed; strategy discussion requested", minutesAfterT0: 50 },
      { person: 2, stage: "immediate-safety", action: "complete", text: "Basic needs met; kept apart from the suspected exploiters", minutesAfterT0: 80 },
      { person: 1, stage: "health-check", action: "start", minutesAfterT0: 90 },
      { person: 0, stage: "interpreter", action: "complete", text: "Telephone interpreter booked through the agency", minutesAfterT0: 110 },
      { person: 1, stage: "health-check", action: "pause", text: "In A&E", minutesAfterT0: 130 },
    ],
  },
  {
    // Mostly done overnight; social care contact is now at risk and later stages are due in days.
    minutesAgo: 20 * 60,
    place: "Stockton-on-Tees",
    operationReference: "OP-BRACKEN-12",
    people: [
      person("Ion Fictionelli", { name: "Ion Fictionelli", description: "", gender: "MALE", nationality: "Romanian", languages: "Romanian", immediateNeeds: ["Food and water", "Clothes", "A wash", "No ID documents"] }),
      person("Man, about 50, speaks English", { description: "Man, about 50, speaks English", gender: "MALE", nationality: "British", languages: "English", interpreterNeeded: "no", immediateNeeds: ["Food and water", "Medical care"] }),
    ],
    changes: [
      { person: 0, stage: "immediate-safety", action: "complete", text: "Food, water and dry clothes given at the scene", minutesAfterT0: 30 },
      { person: 1, stage: "immediate-safety", action: "complete", text: "Taken to a safe place away from the site", minutesAfterT0: 45 },
      { person: 0, stage: "interpreter", action: "complete", text: "Face-to-face interpreter attended", minutesAfterT0: 90 },
      { person: 0, stage: "health-check", action: "complete", text: "Triage done, no urgent needs", minutesAfterT0: 150 },
      { person: 1, stage: "health-check", action: "complete", text: "Triage done; minor injuries dressed", minutesAfterT0: 190 },
      { person: 0, stage: "accommodation", action: "complete", text: "Placed in emergency accommodation", minutesAfterT0: 220 },
      { person: 1, stage: "accommodation", action: "complete", text: "Placed in emergency accommodation; no ID documents slowed the booking", minutesAfterT0: 315 },
      { person: 0, stage: "victim-support", action: "start", minutesAfterT0: 17 * 60 },
    ],
  },
];

function unwrap<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`Demo seed could not ${what}: ${result.formError ?? ""} ${JSON.stringify(result.fieldErrors)}`);
  return result.data;
}

async function actorOf(db: Db, member: StaffMember, cache: Map<string, Actor>): Promise<Actor> {
  const cached = cache.get(member.id);
  if (cached) return cached;
  const actor = await loadActor(db, member.id);
  if (!actor) throw new Error(`Demo caseworker ${member.id} is missing or inactive`);
  cache.set(member.id, actor);
  return actor;
}

async function applyChange(db: Db, org: DemoOrg, stageIds: string[][], change: LiveChange, t0: Date, actors: Map<string, Actor>) {
  const stage = await db.stage.findFirstOrThrow({
    where: { id: { in: stageIds[change.person] ?? [] }, templateStage: { key: change.stage } },
    include: { templateStage: true },
  });
  const actor = await actorOf(db, staffOfAgency(org, stage.templateStage.ownerAgencyId, "CASEWORKER"), actors);
  const at = new Date(t0.getTime() + change.minutesAfterT0 * MS.MINUTE);
  const input = { stageId: stage.id, version: stage.version, action: change.action, text: change.text ?? "" };
  unwrap(await changeStage(db, actor, input, at), `${change.action} ${change.stage}`);
}

/** The rescue's people, in the order it listed them (matched on name or description). */
async function peopleByLabel(db: Db, rescueId: string, labels: string[]) {
  const people = await db.person.findMany({ where: { rescueId }, include: { identity: true, stages: { select: { id: true } } } });
  return labels.map((label) => {
    const match = people.find((p) => p.identity?.name === label || p.identity?.description === label);
    if (!match) throw new Error(`Live person "${label}" not found after logging`);
    return { label, personId: match.id, stageIds: match.stages.map((s) => s.id) };
  });
}

/**
 * The live people by the name or description they were logged with. Found through their own
 * rescues, never by searching: the history may hold someone with the same invented name.
 */
export type LivePeople = { count: number; personIdByLabel: ReadonlyMap<string, string> };

/** Logs the live rescues and moves some of their stages on. */
export async function seedLiveCases(db: Db, org: DemoOrg, now: Date): Promise<LivePeople> {
  const actors = new Map<string, Actor>();
  const police = await actorOf(db, staffMember(org, "POLICE", "CASEWORKER"), actors);
  let logged = 0;
  const personIdByLabel = new Map<string, string>();
  for (const live of LIVE_RESCUES) {
    const t0 = new Date(Math.floor((now.getTime() - live.minutesAgo * MS.MINUTE) / MS.MINUTE) * MS.MINUTE);
    const loggedAt = new Date(t0.getTime() + LOGGED_AFTER_MINUTES * MS.MINUTE);
    const input = rescueFormInput({
      occurredAt: t0,
      place: live.place,
      operationReference: live.operationReference,
      people: live.people.map(({ label: _label, ...fields }) => fields),
    });
    const rescue = unwrap(await logRescue(db, police, input, loggedAt), `log the rescue in ${live.place}`);
    const people = await peopleByLabel(db, rescue.rescueId, live.people.map((p) => String(p.label)));
    for (const { label, personId } of people) personIdByLabel.set(label, personId);
    const stageIds = people.map((p) => p.stageIds);
    for (const change of live.changes) await applyChange(db, org, stageIds, change, t0, actors);
    logged += rescue.peopleCount;
  }
  return { count: logged, personIdByLabel };
}
