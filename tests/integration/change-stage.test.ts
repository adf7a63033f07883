import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readClock } from "../../src/domain/pathway/clock";
import type { Actor } from "../../src/server/access/actor";
import { createPrismaClient } from "../../src/server/db/create-client";
import { ForbiddenError, NotFoundError } from "../../src/server/errors";
import { getPersonPathway } from "../../src/server/people/get-person-pathway";
import { referStage } from "../../src/server/referrals/refer-stage";
import { assignStage, claimStage } from "../../src/server/stages/assign-stage";
import { changeStage } from "../../src/server/stages/change-stage";
import { logOnePerson } from "../support/log-person";
import { countCaseTables, createWorld, HOUR, MINUTE, minute, type World } from "../support/world";

const db = createPrismaClient();

const T0 = minute("2026-03-10T09:15:00Z");
const LOGGED = new Date(T0.getTime() + 20 * MINUTE);
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);
// The default pathway's accommodation target: 4 hours, owned by council safeguarding.
const ACCOMMODATION_DUE = at(4);

const STALE = "Someone else updated this stage while you were looking at it. Check the latest details and try again.";

let world: World;
let police: Actor;
let council: Actor;

beforeAll(async () => {
  world = await createWorld(db, "change-stage");
  police = await world.actor("POLICE");
  council = await world.actor("COUNCIL_SAFEGUARDING");
});

afterAll(async () => {
  await db.$disconnect();
});

const newPerson = () => logOnePerson(db, police, { t0: T0, now: LOGGED, person: { interpreterNeeded: "no" } });

async function snapshot(stageId: string) {
  const stage = await db.stage.findUniqueOrThrow({ where: { id: stageId } });
  const timeline = await db.timelineEvent.findMany({ where: { personId: stage.personId }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] });
  return { stage, timeline };
}

const stageAudit = (stageId: string) => db.auditEvent.findMany({ where: { entityId: stageId }, orderBy: { id: "asc" } });

async function readStageClock(actor: Actor, personId: string, stageId: string, now: Date) {
  const view = await getPersonPathway(db, actor, personId);
  const stage = view.stages.find((s) => s.id === stageId);
  if (!stage) throw new Error("stage not in view");
  return readClock(stage.clock, now, view.atRiskPercent);
}

describe("changing a stage", () => {
  it("lets the owning agency complete it with an outcome, on the timeline and in the audit log without the outcome text", async () => {
    const { personId, stage } = await newPerson();
    const accommodation = stage("accommodation");
    const outcome = "Placed in emergency housing, room 7 (fictional)";
    const when = at(3);

    // Forms post strings: the version arrives as "0".
    const result = await changeStage(db, council, { stageId: accommodation.id, version: "0", action: "complete", text: `  ${outcome}  ` }, when);

    expect(result).toEqual({ ok: true, data: { personId, stageTitle: "Emergency accommodation", state: "DONE" } });
    const after = await snapshot(accommodation.id);
    expect(after.stage).toMatchObject({
      state: "DONE",
      startedAt: when,
      completedAt: when,
      pausedAt: null,
      pausedMs: 0,
      closingReason: null,
      version: 1,
      dueAt: ACCOMMODATION_DUE,
      ownerAgencyId: world.agencies.COUNCIL_SAFEGUARDING.id,
    });
    expect(after.timeline.map((e) => e.kind)).toEqual(["RESCUE_LOGGED", "STAGE_COMPLETED"]);
    expect(after.timeline[1]).toMatchObject({
      personId,
      stageId: accommodation.id,
      kind: "STAGE_COMPLETED",
      text: outcome,
      actorId: council.id,
      actorAgencyId: world.agencies.COUNCIL_SAFEGUARDING.id,
      actorRole: "CASEWORKER",
      occurredAt: when,
    });

    expect(await stageAudit(accommodation.id)).toEqual([
      expect.objectContaining({
        userId: council.id,
        role: "CASEWORKER",
        agencyId: world.agencies.COUNCIL_SAFEGUARDING.id,
        action: "stage.change",
        entity: "Stage",
        entityId: accommodation.id,
        outcome: "allowed",
      }),
    ]);
    // Not in any column of any audit row.
    const leaks = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "AuditEvent" a WHERE row_to_json(a)::text ILIKE ${"%room 7%"}`;
    expect(leaks).toEqual([{ n: 0 }]);

    // What the person's page shows: done within target, taken 3 hours.
    expect(await readStageClock(council, personId, accommodation.id, at(5))).toEqual({ kind: "done", takenMs: 3 * HOUR, lateByMs: 0 });
  });

  it("refuses another agency, changes nothing, and audits the refusal", async () => {
    const { stage } = await newPerson();
    const accommodation = stage("accommodation");
    const before = await snapshot(accommodation.id);

    const result = await changeStage(db, police, { stageId: accommodation.id, version: 0, action: "complete", text: "Found a bed" }, at(1));

    expect(result).toMatchObject({ ok: false, code: "not-owner", formError: `Only Council safeguarding (${world.slug}) can do this: it owns this stage.` });
    expect(await snapshot(accommodation.id)).toEqual(before);
    expect(await stageAudit(accommodation.id)).toEqual([
      expect.objectContaining({
        userId: police.id,
        role: "CASEWORKER",
        agencyId: world.agencies.POLICE.id,
        action: "stage.change",
        entity: "Stage",
        outcome: "denied",
      }),
    ]);
  });

  it("answers a user of another partnership exactly as for a stage that does not exist", async () => {
    const { stage } = await newPerson();
    const accommodation = stage("accommodation");
    const outsider = await (await createWorld(db, "change-stage-other")).actor("COUNCIL_SAFEGUARDING");
    const before = await snapshot(accommodation.id);
    const counts = await countCaseTables(db);

    const attempt = changeStage(db, outsider, { stageId: accommodation.id, version: 0, action: "complete", text: "Taken over" }, at(1));
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    await expect(attempt).rejects.toThrow("Stage not found");
    const missing = changeStage(db, outsider, { stageId: randomUUID(), version: 0, action: "complete", text: "Taken over" }, at(1));
    await expect(missing).rejects.toBeInstanceOf(NotFoundError);
    await expect(missing).rejects.toThrow("Stage not found");

    expect(await snapshot(accommodation.id)).toEqual(before);
    // Nothing written but the two refusals in the audit log.
    expect(await countCaseTables(db)).toEqual({ ...counts, auditEvent: counts.auditEvent + 2 });
    const refusals = await db.auditEvent.findMany({ where: { userId: outsider.id }, orderBy: { id: "asc" } });
    expect(refusals.map((a) => [a.action, a.entityId, a.outcome])).toEqual([
      ["stage.change", accommodation.id, "denied"],
      ["stage.change", expect.any(String), "denied"],
    ]);
  });

  it("refuses a role without stage.update even in the right partnership", async () => {
    const { stage } = await newPerson();
    const coordinator = await world.actor("PARTNERSHIP", "COORDINATOR");
    const before = await snapshot(stage("accommodation").id);
    await expect(
      changeStage(db, coordinator, { stageId: stage("accommodation").id, version: 0, action: "start" }, at(1)),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot(stage("accommodation").id)).toEqual(before);
  });

  it("refuses a change made on a stale version and keeps the newer one", async () => {
    const { stage } = await newPerson();
    const accommodation = stage("accommodation");
    expect(await changeStage(db, council, { stageId: accommodation.id, version: 0, action: "start" }, at(1))).toMatchObject({ ok: true });
    const before = await snapshot(accommodation.id);
    expect(before.stage).toMatchObject({ state: "IN_PROGRESS", version: 1, startedAt: at(1) });

    // A second tab still showing version 0.
    const result = await changeStage(db, council, { stageId: accommodation.id, version: 0, action: "complete", text: "Placed" }, at(2));

    expect(result).toEqual({ ok: false, code: "stale-version", fieldErrors: {}, formError: STALE });
    expect(await snapshot(accommodation.id)).toEqual(before);
    expect((await stageAudit(accommodation.id)).map((a) => a.outcome)).toEqual(["allowed"]);
  });

  it("lets exactly one of two simultaneous changes on the same version through", async () => {
    const { stage } = await newPerson();
    const accommodation = stage("accommodation");
    const colleague = await world.actor("COUNCIL_SAFEGUARDING");

    const results = await Promise.all([
      changeStage(db, council, { stageId: accommodation.id, version: 0, action: "complete", text: "Placed with a host family" }, at(2)),
      changeStage(db, colleague, { stageId: accommodation.id, version: 0, action: "complete", text: "Placed in a hostel" }, at(2)),
    ]);

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: "stale-version", fieldErrors: {}, formError: STALE }]);
    const after = await snapshot(accommodation.id);
    expect(after.stage).toMatchObject({ state: "DONE", version: 1 });
    expect(after.timeline.filter((e) => e.kind === "STAGE_COMPLETED")).toHaveLength(1);
    expect((await stageAudit(accommodation.id)).map((a) => a.outcome)).toEqual(["allowed"]);
  });

  it("asks for the outcome when it is blank and changes nothing", async () => {
    const { stage } = await newPerson();
    const accommodation = stage("accommodation");
    const before = await snapshot(accommodation.id);

    const result = await changeStage(db, council, { stageId: accommodation.id, version: 0, action: "complete", text: "   " }, at(1));

    expect(result).toEqual({ ok: false, code: "invalid-input", fieldErrors: { text: "Enter the outcome" }, formError: "There is a problem: check the highlighted answers." });
    expect(await snapshot(accommodation.id)).toEqual(before);
  });

  it("does not count paused time against the target", async () => {
    const { personId, stage } = await newPerson();
    const accommodation = stage("accommodation");

    const paused = await changeStage(db, council, { stageId: accommodation.id, version: 0, action: "pause", text: "In A&E (fictional)" }, at(1));
    expect(paused).toEqual({ ok: true, data: { personId, stageTitle: "Emergency accommodation", state: "PAUSED" } });
    expect((await snapshot(accommodation.id)).stage).toMatchObject({ state: "PAUSED", pausedAt: at(1), pausedMs: 0, version: 1 });
    // While paused, the due time runs on with the clock: an hour into the pause it is an hour later.
    expect(await readStageClock(council, personId, accommodation.id, at(2))).toEqual({
      kind: "paused",
      leftMs: 3 * HOUR,
      dueAt: new Date(ACCOMMODATION_DUE.getTime() + HOUR),
    });

    const resumed = await changeStage(db, council, { stageId: accommodation.id, version: 1, action: "resume" }, at(2.5));
    expect(resumed).toEqual({ ok: true, data: { personId, stageTitle: "Emergency accommodation", state: "NOT_STARTED" } });
    const after = await snapshot(accommodation.id);
    expect(after.stage).toMatchObject({ state: "NOT_STARTED", pausedAt: null, pausedMs: 90 * MINUTE, version: 2, dueAt: ACCOMMODATION_DUE });
    expect(after.timeline.slice(1).map((e) => [e.kind, e.text, e.actorId, e.occurredAt])).toEqual([
      ["STAGE_PAUSED", "In A&E (fictional)", council.id, at(1)],
      ["STAGE_RESUMED", null, council.id, at(2.5)],
    ]);

    // Half an hour past the original 4-hour target: without the pause this would be overdue.
    expect(await readStageClock(council, personId, accommodation.id, at(4.5))).toEqual({
      kind: "at_risk",
      leftMs: HOUR,
      dueAt: new Date(ACCOMMODATION_DUE.getTime() + 90 * MINUTE),
    });

    // Done at 5 h: after the original due time, but within target once the pause is taken off.
    const done = await changeStage(db, council, { stageId: accommodation.id, version: 2, action: "complete", text: "Placed in a refuge" }, at(5));
    expect(done).toMatchObject({ ok: true, data: { state: "DONE" } });
    expect(await readStageClock(council, personId, accommodation.id, at(6))).toEqual({ kind: "done", takenMs: 5 * HOUR, lateByMs: 0 });
  });

  it("refuses to complete a stage that is already done", async () => {
    const { stage } = await newPerson();
    const accommodation = stage("accommodation");
    expect(await changeStage(db, council, { stageId: accommodation.id, version: 0, action: "complete", text: "Placed" }, at(2))).toMatchObject({
      ok: true,
    });
    const before = await snapshot(accommodation.id);

    const again = await changeStage(db, council, { stageId: accommodation.id, version: 1, action: "complete", text: "Placed again" }, at(3));

    expect(again).toEqual({ ok: false, code: "finished", fieldErrors: {}, formError: "This stage is already done." });
    expect(await snapshot(accommodation.id)).toEqual(before);
    expect(before.stage).toMatchObject({ state: "DONE", completedAt: at(2), version: 1 });
  });

  it("refuses every change, claim, assignment and referral on a closed case, changes nothing, and audits each refusal", async () => {
    const { personId, stage } = await newPerson();
    const accommodation = stage("accommodation");
    // Closing a case has no use case yet: the column is what every rule reads.
    await db.person.update({ where: { id: personId }, data: { closedAt: at(1) } });
    const lead = await world.actor("COUNCIL_SAFEGUARDING", "AGENCY_LEAD");
    const before = await snapshot(accommodation.id);
    const auditBefore = (await stageAudit(accommodation.id)).length;

    const attempts = [
      await changeStage(db, council, { stageId: accommodation.id, version: 0, action: "start" }, at(2)),
      await claimStage(db, council, { stageId: accommodation.id }, at(2)),
      await assignStage(db, lead, { stageId: accommodation.id, assigneeId: council.id }, at(2)),
      await referStage(db, council, { stageId: accommodation.id, toAgencyId: world.agencies.SALVATION_ARMY.id }, at(2)),
    ];

    expect(attempts.map((attempt) => (attempt.ok ? "changed" : attempt.code))).toEqual(["case-closed", "case-closed", "case-closed", "case-closed"]);
    expect(await snapshot(accommodation.id)).toEqual(before);
    expect(await db.referral.count({ where: { stageId: accommodation.id } })).toBe(0);
    const denied = (await stageAudit(accommodation.id)).slice(auditBefore);
    expect(denied.map((row) => [row.action, row.outcome])).toEqual([
      ["stage.change", "denied"],
      ["stage.claim", "denied"],
      ["stage.assign", "denied"],
      ["referral.create", "denied"],
    ]);
    // The page offers nothing to do on it either.
    const view = await getPersonPathway(db, council, personId);
    expect(view.stages.find((s) => s.id === accommodation.id)?.changeRefusal).toBe("case-closed");
  });
});
