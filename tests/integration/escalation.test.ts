import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../prisma/factories";
import type { Actor } from "../../src/server/access/actor";
import { createPrismaClient } from "../../src/server/db/create-client";
import { runEscalationSweep } from "../../src/server/escalation/run-escalation-sweep";
import { changeStage } from "../../src/server/stages/change-stage";
import { logOnePerson } from "../support/log-person";
import { sweepUntilNothingRaised } from "../support/sweep-backlog";
import { createWorld, MINUTE, minute, type World } from "../support/world";

const db = createPrismaClient();

// An adult who needs no interpreter: immediate safety (police) is due 1 h after T0, the health check
// (health) and emergency accommodation (council) 4 h after.
const T0 = minute("2026-06-02T08:00:00Z");
const LOGGED = new Date(T0.getTime() + 10 * MINUTE);
const at = (minutesAfterT0: number) => new Date(T0.getTime() + minutesAfterT0 * MINUTE);
const HEALTH_DUE = 4 * 60;

const COORDINATOR_AFTER = 90;
const PCC_AFTER = 300;

let world: World;
let otherWorld: World;
let police: Actor;
let health: Actor;
let policeLead: Actor;
let healthLead: Actor;
let councilLead: Actor;
let coordinator: Actor;
let pcc: Actor;
let otherHealthLead: Actor;
let switchedOffHealthLeadId: string;

beforeAll(async () => {
  world = await createWorld(db, "escalation");
  otherWorld = await createWorld(db, "escalation-other");
  await db.partnership.update({
    where: { id: world.partnership.id },
    data: { escalateToCoordinatorAfterMinutes: COORDINATOR_AFTER, escalateToPccAfterMinutes: PCC_AFTER },
  });
  police = await world.actor("POLICE");
  health = await world.actor("HEALTH");
  policeLead = await world.actor("POLICE", "AGENCY_LEAD");
  healthLead = await world.actor("HEALTH", "AGENCY_LEAD");
  councilLead = await world.actor("COUNCIL_SAFEGUARDING", "AGENCY_LEAD");
  coordinator = await world.actor("PARTNERSHIP", "COORDINATOR");
  pcc = await world.actor("PCC_OFFICE", "PCC_OFFICE");
  otherHealthLead = await otherWorld.actor("HEALTH", "AGENCY_LEAD");
  const switchedOff = await createUser(db, { agencyId: world.agencies.HEALTH.id, role: "AGENCY_LEAD", active: false });
  switchedOffHealthLeadId = switchedOff.id;
  // Earlier files' overdue stages in this worker's database, escalated up to the latest moment these
  // tests sweep at: each sweep takes at most 500, most overdue first, so otherwise a backlog from
  // another file could hold this file's stages back a sweep or two.
  await sweepUntilNothingRaised(db, at(HEALTH_DUE + PCC_AFTER + 5));
});

afterAll(async () => {
  await db.$disconnect();
});

const newPerson = (person: Record<string, unknown> = {}) =>
  logOnePerson(db, police, { t0: T0, now: LOGGED, person: { interpreterNeeded: "no", ...person } });

/** The notices sent about one stage, at any level, to anyone. */
async function noticesAbout(stageId: string) {
  const escalations = await db.escalation.findMany({ where: { stageId }, select: { id: true } });
  if (escalations.length === 0) return [];
  return db.notification.findMany({
    where: { OR: escalations.map((e) => ({ dedupeKey: { startsWith: `escalation:${e.id}:` } })) },
    orderBy: { id: "asc" },
  });
}

const noticesTo = (userId: string) => db.notification.findMany({ where: { recipientId: userId }, orderBy: { createdAt: "asc" } });

describe("a stage that goes overdue", () => {
  it("tells the owning agency's lead once, however often the sweep runs", async () => {
    const person = await newPerson();
    const healthCheck = person.stage("health-check");

    await runEscalationSweep(db, at(HEALTH_DUE + 1));
    await runEscalationSweep(db, at(HEALTH_DUE + 1));
    await runEscalationSweep(db, at(HEALTH_DUE + 20));

    const notices = await noticesAbout(healthCheck.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      recipientId: healthLead.id,
      kind: "STAGE_OVERDUE",
      title: "Health check (triage) is overdue",
      href: `/people/${person.personId}/stages/${healthCheck.id}`,
      readAt: null,
    });
    const { caseReference } = await db.person.findUniqueOrThrow({ where: { id: person.personId } });
    expect(notices[0]!.body).toContain(caseReference);
    expect(notices[0]!.body).toContain("overdue by 1 min");
    expect(await db.escalation.findMany({ where: { stageId: healthCheck.id } })).toEqual([
      expect.objectContaining({ level: "AGENCY_LEAD", raisedAt: at(HEALTH_DUE + 1) }),
    ]);
  });

  it("sends one notice when two sweeps run at the same moment", async () => {
    const person = await newPerson();
    const accommodation = person.stage("accommodation");

    const results = await Promise.all([runEscalationSweep(db, at(HEALTH_DUE + 2)), runEscalationSweep(db, at(HEALTH_DUE + 2))]);

    const notices = await noticesAbout(accommodation.id);
    expect(notices.map((n) => n.recipientId)).toEqual([councilLead.id]);
    expect(await db.escalation.count({ where: { stageId: accommodation.id } })).toBe(1);
    // The second sweep waited for the first one's lock, then found nothing left to send.
    expect(Math.min(results[0].notices, results[1].notices)).toBe(0);
  });

  it("does not tell the lead of another agency, a switched-off lead, or another partnership", async () => {
    const person = await newPerson();
    const healthCheck = person.stage("health-check");
    await changeStage(db, police, { stageId: person.stage("immediate-safety").id, version: 0, action: "complete", text: "Safe" }, at(30));

    await runEscalationSweep(db, at(HEALTH_DUE + 5));

    const recipients = (await noticesAbout(healthCheck.id)).map((n) => n.recipientId);
    expect(recipients).toEqual([healthLead.id]);
    expect(recipients).not.toContain(switchedOffHealthLeadId);
    expect(recipients).not.toContain(otherHealthLead.id);
    expect(await noticesTo(switchedOffHealthLeadId)).toEqual([]);
    expect(await noticesTo(otherHealthLead.id)).toEqual([]);
    // Police completed their stage in time: nothing about this person reached the police lead.
    const policeNotices = await noticesTo(policeLead.id);
    expect(policeNotices.filter((n) => n.href?.startsWith(`/people/${person.personId}/`))).toEqual([]);
  });
});

describe("a stage that is not overdue", () => {
  it("sends nothing before the due time, nor at the due time itself", async () => {
    const person = await newPerson();
    await runEscalationSweep(db, at(HEALTH_DUE - 1));
    await runEscalationSweep(db, at(HEALTH_DUE));
    expect(await noticesAbout(person.stage("health-check").id)).toEqual([]);
    expect(await noticesAbout(person.stage("accommodation").id)).toEqual([]);
  });

  it("sends nothing for a paused stage, and counts paused time before escalating a resumed one", async () => {
    const person = await newPerson();
    const healthCheck = person.stage("health-check");
    const paused = await changeStage(db, health, { stageId: healthCheck.id, version: 0, action: "pause", text: "In A&E" }, at(60));
    expect(paused.ok).toBe(true);

    await runEscalationSweep(db, at(HEALTH_DUE + 60));
    expect(await noticesAbout(healthCheck.id)).toEqual([]);

    // Paused for two hours: now due at 6 h.
    const resumed = await changeStage(db, health, { stageId: healthCheck.id, version: 1, action: "resume" }, at(180));
    expect(resumed.ok).toBe(true);
    await runEscalationSweep(db, at(HEALTH_DUE + 119));
    expect(await noticesAbout(healthCheck.id)).toEqual([]);
    await runEscalationSweep(db, at(HEALTH_DUE + 121));
    expect((await noticesAbout(healthCheck.id)).map((n) => n.recipientId)).toEqual([healthLead.id]);
  });

  it("sends nothing for a finished stage or for a closed case", async () => {
    const done = await newPerson();
    const completed = await changeStage(
      db,
      health,
      { stageId: done.stage("health-check").id, version: 0, action: "complete", text: "Triage done" },
      at(HEALTH_DUE + 30),
    );
    expect(completed.ok).toBe(true);

    const closed = await newPerson();
    await db.person.update({ where: { id: closed.personId }, data: { closedAt: at(HEALTH_DUE - 30) } });

    await runEscalationSweep(db, at(HEALTH_DUE + 60));
    expect(await noticesAbout(done.stage("health-check").id)).toEqual([]);
    expect(await db.escalation.count({ where: { stage: { personId: closed.personId } } })).toBe(0);
  });
});

describe("escalation beyond the agency", () => {
  it("tells the coordinator only after the partnership's extra time, with the case reference and no identity", async () => {
    const person = await newPerson({ name: "Testa Fictionova" });
    const healthCheck = person.stage("health-check");
    const { caseReference } = await db.person.findUniqueOrThrow({ where: { id: person.personId } });

    await runEscalationSweep(db, at(HEALTH_DUE + COORDINATOR_AFTER - 1));
    expect((await noticesAbout(healthCheck.id)).map((n) => n.recipientId)).toEqual([healthLead.id]);

    await runEscalationSweep(db, at(HEALTH_DUE + COORDINATOR_AFTER));
    await runEscalationSweep(db, at(HEALTH_DUE + COORDINATOR_AFTER + 10));
    const toCoordinator = (await noticesAbout(healthCheck.id)).filter((n) => n.recipientId === coordinator.id);
    expect(toCoordinator).toHaveLength(1);
    expect(toCoordinator[0]).toMatchObject({ kind: "STAGE_OVERDUE_ESCALATED", href: `/cases/${person.personId}` });
    expect(toCoordinator[0]!.body).toContain(caseReference);
    expect(`${toCoordinator[0]!.title} ${toCoordinator[0]!.body}`).not.toContain("Fictionova");
  });

  it("tells the PCC office once, as counts by stage and agency, with no case reference, person or name", async () => {
    const named = await newPerson({ name: "Testa Fictionova" });
    const described = await newPerson({ description: "Woman, about 40, speaks Polish (fictional)" });
    const people = [named, described];
    // Police made them safe in time, so only their 4-hour stages reach the PCC office's threshold together.
    for (const person of people) {
      const safe = await changeStage(db, police, { stageId: person.stage("immediate-safety").id, version: 0, action: "complete", text: "Safe" }, at(30));
      expect(safe.ok).toBe(true);
    }
    const references = (await db.person.findMany({ where: { id: { in: people.map((p) => p.personId) } } })).map((p) => p.caseReference);

    // A minute short of the PCC office's threshold (earlier people's 1-hour stages may cross theirs here).
    await runEscalationSweep(db, at(HEALTH_DUE + PCC_AFTER - 1));
    const pccEscalationsOf = (person: (typeof people)[number]) =>
      db.escalation.count({ where: { stageId: { in: [person.stage("health-check").id, person.stage("accommodation").id] }, level: "PCC_OFFICE" } });
    for (const person of people) expect(await pccEscalationsOf(person)).toBe(0);
    const before = await noticesTo(pcc.id);

    await runEscalationSweep(db, at(HEALTH_DUE + PCC_AFTER));
    await runEscalationSweep(db, at(HEALTH_DUE + PCC_AFTER + 5));
    const added = (await noticesTo(pcc.id)).filter((n) => !before.some((b) => b.id === n.id));
    expect(added).toHaveLength(1);
    const summary = added[0]!;
    expect(summary).toMatchObject({ kind: "OVERDUE_SUMMARY", href: null });
    // Every person logged in this file so far has an overdue health check and accommodation.
    expect(summary.body).toMatch(new RegExp(`Health check \\(triage\\), ${escapeRegExp(world.agencies.HEALTH.name)}: \\d+`));
    expect(summary.body).toMatch(new RegExp(`Emergency accommodation, ${escapeRegExp(world.agencies.COUNCIL_SAFEGUARDING.name)}: \\d+`));

    const stored = JSON.stringify(summary);
    const forbidden = [
      ...references,
      ...people.map((p) => p.personId),
      ...people.flatMap((p) => [p.stage("health-check").id, p.stage("accommodation").id]),
      "Fictionova",
      "Polish",
      "/people/",
      "/cases/",
    ];
    for (const value of forbidden) expect(stored).not.toContain(value);
    for (const person of people) expect(await pccEscalationsOf(person)).toBe(2);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
