import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/server/access/actor";
import { getPersonAccessLog } from "../../src/server/audit-search/get-person-access-log";
import { listAuditFilterChoices, searchAuditLog } from "../../src/server/audit-search/search-audit-log";
import { getPseudonymisedCase } from "../../src/server/cases/get-pseudonymised-case";
import { createPrismaClient } from "../../src/server/db/create-client";
import { ForbiddenError, NotFoundError } from "../../src/server/errors";
import { getPersonPathway } from "../../src/server/people/get-person-pathway";
import type { Result } from "../../src/domain/result";
import { changeStage } from "../../src/server/stages/change-stage";
import { logOnePerson } from "../support/log-person";
import { createWorld, MINUTE, type World } from "../support/world";

const db = createPrismaClient();

const NAME = "Petra Auditova";

let world: World;
let admin: Actor;
let police: Actor;
let policeLead: Actor;
let council: Actor;
let vcas: Actor;
let coordinator: Actor;
let outsider: Actor;
let outsiderAdmin: Actor;
let person: Awaited<ReturnType<typeof logOnePerson>>;
let otherPerson: Awaited<ReturnType<typeof logOnePerson>>;
let caseReference: string;
let otherCaseReference: string;
let other: World;

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Expected ok, got ${JSON.stringify(result)}`);
  return result.data;
}

beforeAll(async () => {
  world = await createWorld(db, "audit-log");
  admin = await world.actor("PARTNERSHIP", "ADMINISTRATOR");
  police = await world.actor("POLICE");
  policeLead = await world.actor("POLICE", "AGENCY_LEAD");
  council = await world.actor("COUNCIL_SAFEGUARDING");
  vcas = await world.actor("VCAS");
  coordinator = await world.actor("PARTNERSHIP", "COORDINATOR");
  other = await createWorld(db, "audit-log-other");
  outsider = await other.actor("POLICE");
  outsiderAdmin = await other.actor("PARTNERSHIP", "ADMINISTRATOR");

  const now = new Date();
  const t0 = new Date(now.getTime() - 30 * MINUTE);
  person = await logOnePerson(db, police, { t0, now, person: { name: NAME, description: "" } });
  otherPerson = await logOnePerson(db, police, { t0, now, person: { name: "Other Auditova", description: "" } });
  caseReference = (await db.person.findUniqueOrThrow({ where: { id: person.personId } })).caseReference;
  otherCaseReference = (await db.person.findUniqueOrThrow({ where: { id: otherPerson.personId } })).caseReference;

  // Who has touched the person, in this order: VCAS views, council changes a stage, the coordinator looks at
  // the pseudonymised case, a caseworker of another partnership is refused, VCAS views the other person.
  await getPersonPathway(db, vcas, person.personId);
  expect((await changeStage(db, council, { stageId: person.stage("accommodation").id, version: 0, action: "start" }, now)).ok).toBe(true);
  await getPseudonymisedCase(db, coordinator, person.personId, now);
  await expect(getPersonPathway(db, outsider, person.personId)).rejects.toBeInstanceOf(NotFoundError);
  await getPersonPathway(db, vcas, otherPerson.personId);
  // Something in the other partnership for its own administrator.
  await expect(getPersonPathway(db, outsiderAdmin, person.personId)).rejects.toBeInstanceOf(ForbiddenError);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the administrator's audit search", () => {
  it("shows only their own partnership's rows, newest first", async () => {
    const { rows } = data(await searchAuditLog(db, admin, {}));

    const agencyNames = new Set(Object.values(world.agencies).map((agency) => agency.name));
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((row) => row.agencyName !== null && agencyNames.has(row.agencyName))).toBe(true);
    expect(rows.some((row) => row.userName === outsider.name)).toBe(false);
    const times = rows.map((row) => row.occurredAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const theirs = data(await searchAuditLog(db, outsiderAdmin, {})).rows;
    const theirAgencies = new Set(Object.values(other.agencies).map((agency) => agency.name));
    expect(theirs.map((row) => row.userName)).toContain(outsider.name);
    expect(theirs.every((row) => row.agencyName !== null && theirAgencies.has(row.agencyName))).toBe(true);
  });

  it("filters by user", async () => {
    const { rows } = data(await searchAuditLog(db, admin, { user: vcas.id }));

    expect(rows.map((row) => [row.userName, row.role, row.agencyName, row.action, row.record, row.outcome])).toEqual([
      [vcas.name, "CASEWORKER", vcas.agencyName, "person.view", otherCaseReference, "allowed"],
      [vcas.name, "CASEWORKER", vcas.agencyName, "person.view", caseReference, "allowed"],
    ]);
  });

  it("filters by agency", async () => {
    const { rows } = data(await searchAuditLog(db, admin, { agency: world.agencies.COUNCIL_SAFEGUARDING.id }));

    expect(rows.map((row) => [row.userName, row.action, row.entity, row.record])).toEqual([
      [council.name, "stage.change", "Stage", `${caseReference}: Emergency accommodation`],
    ]);
  });

  it("filters by person: views, stage changes and refusals about them, by case reference and never by name", async () => {
    const result = data(await searchAuditLog(db, admin, { person: ` ${caseReference.toLowerCase()} ` }));

    // The refusal of the other partnership's caseworker is in that partnership's log, not this one.
    expect(result.rows.map((row) => [row.userName, row.action, row.record, row.outcome])).toEqual([
      [coordinator.name, "case.view", caseReference, "allowed"],
      [council.name, "stage.change", `${caseReference}: Emergency accommodation`, "allowed"],
      [vcas.name, "person.view", caseReference, "allowed"],
    ]);
    expect(JSON.stringify(result)).not.toContain(NAME);
    // Searching one person's trail is itself on that person's record.
    expect(await db.auditEvent.findMany({ where: { userId: admin.id, action: "audit.view", entityId: person.personId } })).toEqual([
      expect.objectContaining({ entity: "Person", role: "ADMINISTRATOR", outcome: "allowed" }),
    ]);
  });

  it("filters by London dates, whole days from the start date to the end date", async () => {
    const user = await world.actor("HEALTH");
    const rowAt = (iso: string) =>
      db.auditEvent.create({
        data: { occurredAt: new Date(iso), userId: user.id, role: user.role, agencyId: user.agencyId, action: "person.list", entity: "Person" },
      });
    // 1 July 23:59 BST, 2 July 00:00 BST, 2 July 23:59 BST, 3 July 00:00 BST.
    for (const iso of ["2026-07-01T22:59:00Z", "2026-07-01T23:00:00Z", "2026-07-02T22:59:59Z", "2026-07-02T23:00:00Z"]) await rowAt(iso);

    const day = data(await searchAuditLog(db, admin, { user: user.id, from: "02/07/2026", to: "2026-07-02" }));
    const from = data(await searchAuditLog(db, admin, { user: user.id, from: "3/7/2026" }));
    const to = data(await searchAuditLog(db, admin, { user: user.id, to: "01/07/2026" }));

    expect(day.rows.map((row) => row.occurredAt.toISOString())).toEqual(["2026-07-02T22:59:59.000Z", "2026-07-01T23:00:00.000Z"]);
    expect(from.rows.map((row) => row.occurredAt.toISOString())).toEqual(["2026-07-02T23:00:00.000Z"]);
    expect(to.rows.map((row) => row.occurredAt.toISOString())).toEqual(["2026-07-01T22:59:00.000Z"]);
  });

  it("pages 50 rows at a time", async () => {
    const user = await world.actor("SALVATION_ARMY");
    await db.auditEvent.createMany({
      data: Array.from({ length: 51 }, (_, i) => ({
        occurredAt: new Date(Date.UTC(2026, 0, 1, 12, i)),
        userId: user.id,
        role: user.role,
        agencyId: user.agencyId,
        action: "queue.view",
        entity: "Stage",
      })),
    });

    const first = data(await searchAuditLog(db, admin, { user: user.id }));
    const second = data(await searchAuditLog(db, admin, { user: user.id, page: "2" }));

    expect([first.rows.length, first.hasPrevious, first.hasNext]).toEqual([50, false, true]);
    expect([second.rows.length, second.hasPrevious, second.hasNext, second.page]).toEqual([1, true, false, 2]);
    expect(second.rows[0]!.occurredAt).toEqual(new Date(Date.UTC(2026, 0, 1, 12, 0)));
    expect(new Set([...first.rows, ...second.rows].map((row) => row.id)).size).toBe(51);
  });

  it.each([
    [{ from: "31/02/2026" }, { from: "Enter a real date, like 23/11/2026" }],
    [{ from: "02/07/2026", to: "01/07/2026" }, { to: "The end date must be the same as or after the start date" }],
    [{ user: "someone" }, { user: "Select a user from the list" }],
    [{ agency: randomUUID() }, { agency: "Select an agency from the list" }],
    [{ person: "VCP-NOPE-NOPE" }, { person: "No case in your partnership has this reference" }],
    [{ page: "0" }, { page: "Page not found" }],
  ])("refuses %j with a message next to the field", async (input, fieldErrors) => {
    expect(await searchAuditLog(db, admin, input)).toEqual({ ok: false, code: "invalid-input", fieldErrors, formError: expect.any(String) });
  });

  it("refuses another partnership's user, agency or case as a filter", async () => {
    const otherCase = await db.person.findUniqueOrThrow({ where: { id: person.personId } });
    expect(await searchAuditLog(db, outsiderAdmin, { user: vcas.id, agency: world.agencies.VCAS.id, person: otherCase.caseReference })).toMatchObject({
      ok: false,
      fieldErrors: {
        user: "Select a user from the list",
        agency: "Select an agency from the list",
        person: "No case in your partnership has this reference",
      },
    });
  });

  it("offers the partnership's own users and agencies as filters", async () => {
    const choices = await listAuditFilterChoices(db, admin);
    expect(choices.users.map((user) => user.id)).toEqual(expect.arrayContaining([vcas.id, council.id, coordinator.id]));
    expect(choices.users.map((user) => user.id)).not.toContain(outsider.id);
    expect(choices.agencies.map((agency) => agency.id).sort()).toEqual(Object.values(world.agencies).map((agency) => agency.id).sort());
  });

  it("refuses every role but the administrator", async () => {
    for (const user of [police, policeLead, coordinator]) {
      await expect(searchAuditLog(db, user, {})).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listAuditFilterChoices(db, user)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});

describe("who has seen this person, for the agency lead", () => {
  let seen: Awaited<ReturnType<typeof logOnePerson>>;

  // A person of their own, so the searches above leave nothing on this one's record.
  beforeAll(async () => {
    const now = new Date();
    seen = await logOnePerson(db, police, { t0: new Date(now.getTime() - 20 * MINUTE), now, person: { name: NAME, description: "" } });
    await getPersonPathway(db, vcas, seen.personId);
    expect((await changeStage(db, council, { stageId: seen.stage("accommodation").id, version: 0, action: "start" }, now)).ok).toBe(true);
    await getPseudonymisedCase(db, coordinator, seen.personId, now);
    await expect(getPersonPathway(db, outsider, seen.personId)).rejects.toBeInstanceOf(NotFoundError);
    await getPersonPathway(db, vcas, person.personId);
  });

  it("lists every view, change and refused attempt by any agency, newest first, starting with the lead's own look", async () => {
    const log = await getPersonAccessLog(db, policeLead, seen.personId);

    expect(log).toMatchObject({ id: seen.personId, displayName: NAME, truncated: false });
    expect(log.entries.map((entry) => [entry.userName, entry.role, entry.agencyName, entry.action, entry.outcome])).toEqual([
      [policeLead.name, "AGENCY_LEAD", policeLead.agencyName, "person.access_log", "allowed"],
      [outsider.name, "CASEWORKER", outsider.agencyName, "person.view", "denied"],
      [coordinator.name, "COORDINATOR", coordinator.agencyName, "case.view", "allowed"],
      [council.name, "CASEWORKER", council.agencyName, "stage.change", "allowed"],
      [vcas.name, "CASEWORKER", vcas.agencyName, "person.view", "allowed"],
    ]);
  });

  it("is not found for a person the lead's agency does not work with, or in another partnership", async () => {
    const salvationArmyLead = await world.actor("SALVATION_ARMY", "AGENCY_LEAD");
    const otherLead = await (await createWorld(db, "audit-log-lead")).actor("POLICE", "AGENCY_LEAD");

    await expect(getPersonAccessLog(db, salvationArmyLead, seen.personId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPersonAccessLog(db, otherLead, seen.personId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await db.auditEvent.findMany({ where: { userId: salvationArmyLead.id } })).map((a) => [a.action, a.entityId, a.outcome])).toEqual([
      ["person.access_log", seen.personId, "denied"],
    ]);
  });

  it("refuses caseworkers, the coordinator and administrators", async () => {
    for (const user of [police, coordinator, admin]) {
      await expect(getPersonAccessLog(db, user, seen.personId)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
