import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgencyKind, Role } from "../../src/domain/types";
import type { Actor } from "../../src/server/access/actor";
import { getPseudonymisedCase } from "../../src/server/cases/get-pseudonymised-case";
import { listPseudonymisedCases } from "../../src/server/cases/list-pseudonymised-cases";
import { openBreakGlass } from "../../src/server/break-glass/open-break-glass";
import { createPrismaClient } from "../../src/server/db/create-client";
import { ForbiddenError, NotFoundError } from "../../src/server/errors";
import { addNote } from "../../src/server/people/add-note";
import { changeStage } from "../../src/server/stages/change-stage";
import { logOnePerson } from "../support/log-person";
import { createWorld, HOUR, MINUTE, minute, type World } from "../support/world";

const db = createPrismaClient();

const NOW = minute("2026-03-10T15:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);

// Everything that identifies these people or says where they were found: none of it may reach a coordinator.
const SECRETS = {
  name: "Zora Pseudofield",
  description: "Woman, about 30, red coat (fictional)",
  otherDescription: "Man, about 60, grey beard (fictional)",
  contact: "07700 900123 (fictional)",
  place: "Fictional Quay, Saltburn",
  operation: "OP-COORD-SECRET",
  note: "Told us her sister is still at the farm (fictional)",
  reason: "Placed with her cousin in Redcar (fictional)",
};
const DATE_OF_BIRTH = new Date("1996-05-04T00:00:00Z");

let world: World;
let police: Actor;
let coordinator: Actor;
let named: Awaited<ReturnType<typeof logOnePerson>>;
let unnamed: Awaited<ReturnType<typeof logOnePerson>>;
let closedPersonId: string;

function expectNoIdentity(value: unknown) {
  const json = JSON.stringify(value);
  for (const secret of Object.values(SECRETS)) expect(json).not.toContain(secret);
  expect(json).not.toContain("1996-05-04");
}

beforeAll(async () => {
  world = await createWorld(db, "cases");
  police = await world.actor("POLICE");
  const council = await world.actor("COUNCIL_SAFEGUARDING");
  coordinator = await world.actor("PARTNERSHIP", "COORDINATOR");
  const log = (t0: Date, person: Record<string, unknown>) =>
    logOnePerson(db, police, { t0, now: t0, person: { interpreterNeeded: "no", ...person } });

  // Logged 30 minutes ago: immediate safety (1 h) is due in 30 min. Logged 2 h ago: it is overdue.
  unnamed = await log(ago(30 * MINUTE), { name: "", description: SECRETS.otherDescription, ageGroup: "CHILD", gender: "MALE" });
  named = await log(ago(2 * HOUR), { name: SECRETS.name, description: SECRETS.description });
  await db.rescue.updateMany({
    where: { id: { in: [named.rescueId, unnamed.rescueId] } },
    data: { place: SECRETS.place, operationReference: SECRETS.operation },
  });
  await db.personIdentity.update({ where: { personId: named.personId }, data: { dateOfBirth: DATE_OF_BIRTH, contact: SECRETS.contact } });
  expect((await addNote(db, police, { personId: named.personId, text: SECRETS.note }, ago(HOUR))).ok).toBe(true);
  const placed = await changeStage(db, council, { stageId: named.stage("accommodation").id, version: 0, action: "complete", text: SECRETS.reason }, ago(HOUR));
  expect(placed.ok).toBe(true);

  const closed = await log(ago(3 * HOUR), { name: "", description: "Closed case (fictional)" });
  await db.person.update({ where: { id: closed.personId }, data: { closedAt: ago(HOUR) } });
  closedPersonId = closed.personId;
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the coordinator's list of cases", () => {
  it("lists every live case of the partnership, most urgent first, with no name, place or note in it", async () => {
    const { rows } = await listPseudonymisedCases(db, coordinator, { sort: "due" }, NOW);

    expect(rows.map((row) => row.id)).toEqual([named.personId, unnamed.personId]);
    expect(rows.map((row) => [row.caseReference.startsWith("VCP-"), row.ageGroup, row.rescuedAt])).toEqual([
      [true, "ADULT", ago(2 * HOUR)],
      [true, "CHILD", ago(30 * MINUTE)],
    ]);
    expect(rows.map((row) => [row.nextStage?.title, row.nextStage?.ownerAgencyName])).toEqual([
      ["Immediate safety and basic needs", `Police (${world.slug})`],
      ["Immediate safety and basic needs", `Police (${world.slug})`],
    ]);
    expectNoIdentity(rows);
    expect(rows.some((row) => row.id === closedPersonId)).toBe(false);
    expect(await db.auditEvent.findMany({ where: { userId: coordinator.id, action: "case.list" } })).toEqual([
      expect.objectContaining({ role: "COORDINATOR", agencyId: world.agencies.PARTNERSHIP.id, entity: "Person", entityId: null, outcome: "allowed" }),
    ]);
  });

  it("shows a coordinator of another partnership none of these cases", async () => {
    const outsider = await (await createWorld(db, "cases-other")).actor("PARTNERSHIP", "COORDINATOR");
    expect(await listPseudonymisedCases(db, outsider, {}, NOW)).toMatchObject({ total: 0, rows: [] });
  });
});

describe("one case, pseudonymised", () => {
  it("shows the pathway with owners and clocks, and nothing that identifies the person", async () => {
    const view = await getPseudonymisedCase(db, coordinator, named.personId, NOW);

    expect(view).toMatchObject({ id: named.personId, ageGroup: "ADULT", gender: "FEMALE", interpreterNeeded: false, identity: null, canBreakGlass: true });
    expect(view.stages.map((stage) => stage.key)).toContain("accommodation");
    expect(view.stages.find((stage) => stage.key === "accommodation")).toMatchObject({
      state: "DONE",
      ownerAgencyName: `Council safeguarding (${world.slug})`,
      clock: { t0: ago(2 * HOUR), completedAt: ago(HOUR) },
    });
    expectNoIdentity(view);

    // A view of the pseudonymised case, not of the person's record.
    const audit = await db.auditEvent.findMany({ where: { userId: coordinator.id, entityId: named.personId } });
    expect(audit.map((row) => [row.action, row.outcome])).toEqual([["case.view", "allowed"]]);
  });

  it("answers another partnership's coordinator as if the case did not exist, and audits the attempt", async () => {
    const outsider = await (await createWorld(db, "cases-outsider")).actor("PARTNERSHIP", "COORDINATOR");

    await expect(getPseudonymisedCase(db, outsider, named.personId, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPseudonymisedCase(db, outsider, "not-a-uuid", NOW)).rejects.toBeInstanceOf(NotFoundError);

    expect((await db.auditEvent.findMany({ where: { userId: outsider.id }, orderBy: { id: "asc" } })).map((a) => [a.action, a.entityId, a.outcome])).toEqual([
      ["case.view", named.personId, "denied"],
      ["case.view", null, "denied"],
    ]);
  });
});

describe("roles other than the coordinator", () => {
  it.each<[string, AgencyKind, Role]>([
    ["a caseworker", "POLICE", "CASEWORKER"],
    ["an agency lead", "POLICE", "AGENCY_LEAD"],
    ["a PCC office user", "PCC_OFFICE", "PCC_OFFICE"],
    ["an administrator", "PARTNERSHIP", "ADMINISTRATOR"],
  ])("refuses %s the pseudonymised views and break-glass, and audits each refusal", async (_label, kind, role) => {
    const user = await world.actor(kind, role);
    const reason = "Need to confirm identity for the strategy meeting";

    await expect(listPseudonymisedCases(db, user, {}, NOW)).rejects.toThrow(`Forbidden by role ${role} lacks case.view_pseudonymised`);
    await expect(getPseudonymisedCase(db, user, named.personId, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(openBreakGlass(db, user, { personId: named.personId, reason }, NOW)).rejects.toThrow(
      `Forbidden by role ${role} lacks case.break_glass`,
    );

    expect(await db.breakGlassAccess.count({ where: { userId: user.id } })).toBe(0);
    const refusals = await db.auditEvent.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } });
    expect(refusals.map((a) => [a.action, a.entityId, a.outcome])).toEqual([
      ["permission.denied", null, "denied"],
      ["permission.denied", named.personId, "denied"],
      ["permission.denied", named.personId, "denied"],
    ]);
  });
});
