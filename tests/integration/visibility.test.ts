import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/domain/types";
import type { Actor } from "../../src/server/access/actor";
import { createPrismaClient } from "../../src/server/db/create-client";
import { ForbiddenError, NotFoundError } from "../../src/server/errors";
import { getPersonPathway } from "../../src/server/people/get-person-pathway";
import { listAgencyPeople } from "../../src/server/people/list-agency-people";
import { getRescue } from "../../src/server/rescues/get-rescue";
import { changeStage } from "../../src/server/stages/change-stage";
import { logOnePerson } from "../support/log-person";
import { createWorld, HOUR, MINUTE, minute, type World } from "../support/world";

const db = createPrismaClient();

const T0 = minute("2026-03-10T09:15:00Z");
const LOGGED = new Date(T0.getTime() + 10 * MINUTE);

let world: World;
let police: Actor;
let personId: string;
let rescueId: string;

beforeAll(async () => {
  world = await createWorld(db, "visibility");
  police = await world.actor("POLICE");
  ({ personId, rescueId } = await logOnePerson(db, police, {
    t0: T0,
    now: LOGGED,
    person: { name: "Mira Fictional", description: "", interpreterNeeded: "no" },
  }));
});

afterAll(async () => {
  await db.$disconnect();
});

const viewAudit = (userId: string) => db.auditEvent.findMany({ where: { userId, action: "person.view" }, orderBy: { id: "asc" } });

describe("who may see a person", () => {
  it("shows the person to a VCAS caseworker, whose agency owns victim support, and audits the view", async () => {
    const vcas = await world.actor("VCAS");

    const view = await getPersonPathway(db, vcas, personId);

    expect(view).toMatchObject({ id: personId, name: "Mira Fictional", ageGroup: "ADULT", rescue: { id: rescueId, occurredAt: T0 } });
    // VCAS sees every stage, but may change only its own.
    expect(view.stages.filter((s) => s.changeRefusal === null).map((s) => s.key)).toEqual(["victim-support"]);
    expect(view.stages.find((s) => s.key === "victim-support")).toMatchObject({ ownerAgencyName: `VCAS (${world.slug})` });
    expect(await viewAudit(vcas.id)).toEqual([
      expect.objectContaining({ role: "CASEWORKER", agencyId: world.agencies.VCAS.id, entity: "Person", entityId: personId, outcome: "allowed" }),
    ]);
    expect((await listAgencyPeople(db, vcas, {}, LOGGED)).rows.map((row) => row.id)).toEqual([personId]);
  });

  it("hides the person from a caseworker whose agency neither logged the rescue nor owns a stage", async () => {
    // The default pathway gives the Salvation Army no stage.
    const salvationArmy = await world.actor("SALVATION_ARMY");

    await expect(getPersonPathway(db, salvationArmy, personId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listAgencyPeople(db, salvationArmy, {}, LOGGED)).toMatchObject({ total: 0, rows: [] });
    await expect(getRescue(db, salvationArmy, rescueId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await viewAudit(salvationArmy.id)).toEqual([expect.objectContaining({ entityId: personId, outcome: "denied" })]);
  });

  it.each<[string, "PCC_OFFICE" | "PARTNERSHIP", Role]>([
    ["a PCC office user", "PCC_OFFICE", "PCC_OFFICE"],
    ["an administrator", "PARTNERSHIP", "ADMINISTRATOR"],
    ["a partnership coordinator", "PARTNERSHIP", "COORDINATOR"],
  ])("refuses %s any person record or list", async (_label, kind, role) => {
    const user = await world.actor(kind, role);

    await expect(getPersonPathway(db, user, personId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getPersonPathway(db, user, personId)).rejects.toThrow(`Forbidden by role ${role} lacks person.view`);
    await expect(listAgencyPeople(db, user, {}, LOGGED)).rejects.toThrow(`Forbidden by role ${role} lacks person.list`);
    await expect(getRescue(db, user, rescueId)).rejects.toBeInstanceOf(ForbiddenError);

    // Each refusal is on the record: who tried, in which role, and which record.
    const refusals = await db.auditEvent.findMany({ where: { userId: user.id, action: "permission.denied" }, orderBy: { id: "asc" } });
    expect(refusals.map((a) => [a.entity, a.entityId, a.role, a.outcome])).toEqual([
      ["Person", personId, role, "denied"],
      ["Person", personId, role, "denied"],
      ["Person", null, role, "denied"],
      ["Rescue", rescueId, role, "denied"],
    ]);
  });

  it("answers a caseworker of another partnership as if the person did not exist, and audits the attempt", async () => {
    const outsider = await (await createWorld(db, "visibility-other")).actor("POLICE");

    const seen = getPersonPathway(db, outsider, personId);
    await expect(seen).rejects.toBeInstanceOf(NotFoundError);
    await expect(seen).rejects.toThrow("Person not found");
    const nobody = "00000000-0000-4000-8000-000000000000";
    await expect(getPersonPathway(db, outsider, nobody)).rejects.toThrow("Person not found");
    expect(await listAgencyPeople(db, outsider, {}, LOGGED)).toMatchObject({ total: 0, rows: [] });
    await expect(getRescue(db, outsider, rescueId)).rejects.toThrow("Rescue not found");

    expect((await viewAudit(outsider.id)).map((a) => [a.entityId, a.outcome, a.role])).toEqual([
      [personId, "denied", "CASEWORKER"],
      [nobody, "denied", "CASEWORKER"],
    ]);
  });

  it("audits every view of the record, one row per view", async () => {
    const health = await world.actor("HEALTH");
    await getPersonPathway(db, health, personId);
    await getPersonPathway(db, health, personId);
    expect((await viewAudit(health.id)).map((a) => [a.action, a.entity, a.entityId, a.outcome, a.agencyId])).toEqual([
      ["person.view", "Person", personId, "allowed", world.agencies.HEALTH.id],
      ["person.view", "Person", personId, "allowed", world.agencies.HEALTH.id],
    ]);
  });
});

describe("need-to-know follows the agency's work (docs/decisions/0003)", () => {
  async function personWithVictimSupport(name: string) {
    const logged = await logOnePerson(db, police, { t0: T0, now: LOGGED, person: { name, description: "", interpreterNeeded: "no" } });
    const stage = await db.stage.findFirstOrThrow({ where: { personId: logged.personId, templateStage: { key: "victim-support" } } });
    return { ...logged, stageId: stage.id };
  }

  it.each([
    ["marked not needed", "not_needed"],
    ["declined by the person", "decline"],
  ] as const)("an agency whose only stage was %s no longer sees the person; the logging agency still does", async (_label, action) => {
    const vcas = await world.actor("VCAS");
    const { personId: id, rescueId: rescue, stageId } = await personWithVictimSupport(`Nella Fictional ${action}`);
    await getPersonPathway(db, vcas, id);

    expect(await changeStage(db, vcas, { stageId, version: 0, action, text: "Has support from family" }, new Date(LOGGED.getTime() + HOUR))).toMatchObject({ ok: true });

    await expect(getPersonPathway(db, vcas, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRescue(db, vcas, rescue)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listAgencyPeople(db, vcas, {}, LOGGED)).rows.map((row) => row.id)).not.toContain(id);
    expect((await getPersonPathway(db, police, id)).id).toBe(id);
  });

  it("an agency that did its stage keeps seeing the person", async () => {
    const vcas = await world.actor("VCAS");
    const { personId: id, stageId } = await personWithVictimSupport("Orla Fictional");

    expect(await changeStage(db, vcas, { stageId, version: 0, action: "complete", text: "Support plan agreed" }, new Date(LOGGED.getTime() + HOUR))).toMatchObject({
      ok: true,
    });

    expect((await getPersonPathway(db, vcas, id)).id).toBe(id);
    expect((await listAgencyPeople(db, vcas, {}, LOGGED)).rows.map((row) => row.id)).toContain(id);
  });
});

describe("the agency's list of people", () => {
  it("puts overdue first, then at risk, then due soonest, by each person's most urgent open stage", async () => {
    // A partnership of its own, so the list holds only these people.
    const queue = await createWorld(db, "visibility-queue");
    const officer = await queue.actor("POLICE");
    const council = await queue.actor("COUNCIL_SAFEGUARDING");
    const now = minute("2026-03-10T15:00:00Z");
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const log = (t0: Date, description: string) =>
      logOnePerson(db, officer, { t0, now: t0, person: { name: "", description, interpreterNeeded: "no" } });

    // Logged in an order that is neither the answer nor its reverse.
    const dueLater = await log(ago(10 * MINUTE), "due: immediate safety, 50 min left");
    // Oldest rescue, but its overdue stage and the accommodation (due with the health check) are done:
    // next is the 4-hour health check, 1 h left (75% used).
    const olderAtRisk = await log(ago(3 * HOUR), "at risk: health check, 1 h left");
    const overdue = await log(ago(2 * HOUR), "overdue: immediate safety, by 1 h");
    const atRiskSoon = await log(ago(50 * MINUTE), "at risk: immediate safety, 10 min left");
    const done = [
      await changeStage(
        db,
        officer,
        { stageId: olderAtRisk.stage("immediate-safety").id, version: 0, action: "complete", text: "Safe at the station" },
        ago(150 * MINUTE),
      ),
      await changeStage(
        db,
        council,
        { stageId: olderAtRisk.stage("accommodation").id, version: 0, action: "complete", text: "Placed in a refuge" },
        ago(90 * MINUTE),
      ),
    ];
    expect(done.map((r) => r.ok)).toEqual([true, true]);

    const { rows } = await listAgencyPeople(db, officer, { sort: "due" }, now);

    expect(rows.map((r) => r.displayName)).toEqual([
      "overdue: immediate safety, by 1 h",
      "at risk: immediate safety, 10 min left",
      "at risk: health check, 1 h left",
      "due: immediate safety, 50 min left",
    ]);
    expect(rows.map((r) => r.id)).toEqual([overdue.personId, atRiskSoon.personId, olderAtRisk.personId, dueLater.personId]);
    expect(rows.map((r) => [r.nextStage?.title, r.nextStage?.ownedByMe])).toEqual([
      ["Immediate safety and basic needs", true],
      ["Immediate safety and basic needs", true],
      ["Health check (triage)", false],
      ["Immediate safety and basic needs", true],
    ]);
    // A non-interpreter adult has 7 stages, all open bar those completed.
    expect(rows.map((r) => r.openStages)).toEqual([7, 7, 5, 7]);
  });
});
