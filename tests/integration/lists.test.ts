import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personFormInput, rescueFormInput } from "../../prisma/factories";
import { runWithRequestStats, type RequestStats } from "../../src/lib/request-stats";
import type { Actor } from "../../src/server/access/actor";
import { closeCase } from "../../src/server/cases/close-case";
import { listPseudonymisedCases } from "../../src/server/cases/list-pseudonymised-cases";
import { createPrismaClient } from "../../src/server/db/create-client";
import { listAgencyPeople } from "../../src/server/people/list-agency-people";
import { logRescue } from "../../src/server/rescues/log-rescue";
import { createWorld, HOUR, MINUTE, minute, type World } from "../support/world";

const db = createPrismaClient();

const NOW = minute("2026-04-14T12:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);

// Invented names only. "Ivo Listwright" exists in both partnerships: search must find only one's own.
const OVERDUE = "Ivo Listwright";
const CHILD = "Mila Childcase";
const COUNCIL_LOGGED = "Oona Councillogged";
const CLOSED = "Cato Closedlist";
const BULK = 52;
const bulkName = (i: number) => `Sample Bulkperson ${String(i).padStart(2, "0")}`;

let world: World;
let police: Actor;
let council: Actor;
let coordinator: Actor;
let otherPolice: Actor;
const ids: Record<string, string> = {};
let otherIvoId: string;

async function log(actor: Actor, t0: Date, people: Record<string, unknown>[]): Promise<string[]> {
  const result = await logRescue(db, actor, rescueFormInput({ occurredAt: t0, people: people.map((p) => personFormInput({ interpreterNeeded: "no", ...p })) }), t0);
  if (!result.ok) throw new Error(`Rescue not logged: ${JSON.stringify(result)}`);
  const people_ = await db.person.findMany({ where: { rescueId: result.data.rescueId }, include: { identity: true } });
  return people.map((p) => people_.find((row) => row.identity?.name === p.name)!.id);
}

async function logOne(actor: Actor, t0: Date, person: Record<string, unknown>): Promise<string> {
  const [id] = await log(actor, t0, [person]);
  if (!id) throw new Error("No person logged");
  return id;
}

function idOf(name: string): string {
  const id = ids[name];
  if (!id) throw new Error(`No person named ${name}`);
  return id;
}

beforeAll(async () => {
  world = await createWorld(db, "lists");
  police = await world.actor("POLICE");
  council = await world.actor("COUNCIL_SAFEGUARDING");
  coordinator = await world.actor("PARTNERSHIP", "COORDINATOR");

  // Small rescues: one of 52 people is one long transaction, over Prisma's 5 s on a loaded machine.
  for (let i = 0; i < BULK; i += 4) {
    const batch = Array.from({ length: Math.min(4, BULK - i) }, (_, j) => ({ name: bulkName(i + j + 1) }));
    (await log(police, ago(40 * MINUTE), batch)).forEach((id, j) => (ids[bulkName(i + j + 1)] = id));
  }
  // Logged 3 hours ago: immediate safety (1 hour) is overdue. Everyone else is within their targets.
  ids[OVERDUE] = await logOne(police, ago(3 * HOUR), { name: OVERDUE });
  ids[CHILD] = await logOne(police, ago(20 * MINUTE), { name: CHILD, ageGroup: "CHILD", gender: "MALE" });
  ids[COUNCIL_LOGGED] = await logOne(council, ago(10 * MINUTE), { name: COUNCIL_LOGGED });
  ids[CLOSED] = await logOne(police, ago(5 * HOUR), { name: CLOSED });
  const closed = await closeCase(db, coordinator, { personId: idOf(CLOSED), caseVersion: "0", reason: "MOVED_AREA", note: "Moved to Leeds (fictional)" }, ago(HOUR));
  expect(closed.ok).toBe(true);

  const other = await createWorld(db, "lists-other");
  otherPolice = await other.actor("POLICE");
  otherIvoId = await logOne(otherPolice, ago(30 * MINUTE), { name: OVERDUE });
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
});

const LIVE = BULK + 3;
const names = (rows: { displayName: string }[]) => rows.map((row) => row.displayName);

describe("the people list", () => {
  it("pages 50 at a time with the total, newest rescue first, and a page past the end is the last page", async () => {
    const first = await listAgencyPeople(db, police, {}, NOW);
    expect(first).toMatchObject({ total: LIVE, page: 1, pageCount: 2 });
    expect(first.rows).toHaveLength(50);
    expect(names(first.rows).slice(0, 3)).toEqual([COUNCIL_LOGGED, CHILD, expect.stringMatching(/^Sample Bulkperson/)]);

    const second = await listAgencyPeople(db, police, { page: "2" }, NOW);
    expect(second).toMatchObject({ total: LIVE, page: 2, pageCount: 2 });
    expect(second.rows).toHaveLength(LIVE - 50);
    expect(second.rows.at(-1)?.displayName).toBe(OVERDUE);
    const seen = [...first.rows, ...second.rows].map((row) => row.id);
    expect(new Set(seen).size).toBe(LIVE);
    expect(seen).not.toContain(idOf(CLOSED));

    expect(await listAgencyPeople(db, police, { page: "99" }, NOW)).toMatchObject({ page: 2, rows: second.rows });
  });

  it("reads hostile or unknown parameters as the default view, never an error", async () => {
    const plain = await listAgencyPeople(db, police, {}, NOW);
    for (const input of [
      { status: "everything", sort: "1; DROP TABLE \"Person\"", age: "ELDERLY", agency: "theirs", page: "-3", overdue: "1" },
      { page: "0x10", sort: "__proto__", status: "" },
      { page: "99999999999" },
    ]) {
      const list = await listAgencyPeople(db, police, input, NOW);
      expect(list.query).toMatchObject({ status: "live", overdue: false, age: null, agency: null, sort: "rescued" });
      expect(list.rows.map((row) => row.id)).toEqual(list.page === 1 ? plain.rows.map((row) => row.id) : expect.any(Array));
    }
  });

  it("filters closed cases, with why each closed", async () => {
    const list = await listAgencyPeople(db, police, { status: "closed" }, NOW);
    expect(list.total).toBe(1);
    expect(list.rows[0]).toMatchObject({ id: idOf(CLOSED), closed: { reason: "MOVED_AREA" }, nextStage: null });
  });

  it("filters people with a stage overdue, by age group, and by who logged them", async () => {
    expect(names((await listAgencyPeople(db, police, { overdue: "yes" }, NOW)).rows)).toEqual([OVERDUE]);
    expect(names((await listAgencyPeople(db, police, { age: "CHILD" }, NOW)).rows)).toEqual([CHILD]);
    expect(names((await listAgencyPeople(db, council, { agency: "logged" }, NOW)).rows)).toEqual([COUNCIL_LOGGED]);
    const shared = await listAgencyPeople(db, council, { agency: "shared" }, NOW);
    expect(shared.total).toBe(LIVE - 1);
    expect(shared.rows.every((row) => !row.loggedByUs)).toBe(true);
    // Filters combine: an overdue child is nobody here.
    expect(await listAgencyPeople(db, police, { overdue: "yes", age: "CHILD" }, NOW)).toMatchObject({ total: 0, rows: [] });
    // Overdue is about live cases only: closing a case ends its stages.
    expect((await listAgencyPeople(db, police, { status: "closed", overdue: "yes" }, NOW)).query.overdue).toBe(false);
  });

  it("sorts by name, by case reference and by next due (most urgent first), across pages", async () => {
    const byName = [
      ...(await listAgencyPeople(db, police, { sort: "name" }, NOW)).rows,
      ...(await listAgencyPeople(db, police, { sort: "name", page: "2" }, NOW)).rows,
    ];
    expect(names(byName)).toEqual([...names(byName)].sort((a, b) => a.localeCompare(b, "en")));
    expect(names(byName).slice(0, 3)).toEqual([OVERDUE, CHILD, COUNCIL_LOGGED]);

    const byReference = [
      ...(await listAgencyPeople(db, police, { sort: "reference" }, NOW)).rows,
      ...(await listAgencyPeople(db, police, { sort: "reference", page: "2" }, NOW)).rows,
    ].map((row) => row.caseReference);
    expect(byReference).toEqual([...byReference].sort());
    expect(byReference).toHaveLength(LIVE);

    const byDue = await listAgencyPeople(db, police, { sort: "due" }, NOW);
    expect(byDue).toMatchObject({ total: LIVE, pageCount: 2 });
    expect(byDue.rows[0]?.displayName).toBe(OVERDUE);
    const secondDue = await listAgencyPeople(db, police, { sort: "due", page: "2" }, NOW);
    expect(new Set([...byDue.rows, ...secondDue.rows].map((row) => row.id)).size).toBe(LIVE);
  });

  it("searches through the visibility rule: another partnership's person of the same name is never found or counted", async () => {
    const found = await listAgencyPeople(db, police, { q: "listwright" }, NOW);
    expect(found).toMatchObject({ total: 1, searchKind: "text", searchError: null });
    expect(found.rows.map((row) => row.id)).toEqual([idOf(OVERDUE)]);

    const theirs = await listAgencyPeople(db, otherPolice, { q: "Listwright" }, NOW);
    expect(theirs.rows.map((row) => row.id)).toEqual([otherIvoId]);
    expect(theirs.total).toBe(1);
    const theirList = await listAgencyPeople(db, otherPolice, {}, NOW);
    expect(theirList.total).toBe(1);

    // Search and filters together; a case reference finds exactly one.
    expect((await listAgencyPeople(db, police, { q: "Listwright", age: "CHILD" }, NOW)).total).toBe(0);
    const reference = found.rows[0]?.caseReference ?? "";
    expect((await listAgencyPeople(db, police, { q: reference.toLowerCase() }, NOW)).rows.map((row) => row.id)).toEqual([idOf(OVERDUE)]);

    // Audited as a search, by kind and count, never the words typed.
    const audit = await db.auditEvent.findFirstOrThrow({ where: { userId: otherPolice.id, action: "person.search" }, orderBy: { occurredAt: "desc" } });
    expect(audit.changes).toEqual({ searched_by: { before: null, after: "text" }, results: { before: null, after: 1 } });
    const rows = await db.auditEvent.findMany({ where: { userId: { in: [police.id, otherPolice.id] } }, select: { action: true, entity: true, entityId: true, changes: true } });
    expect(JSON.stringify(rows)).not.toMatch(/listwright/i);
  });

  it("refuses a search the search rules refuse, beside the box, and lists nobody", async () => {
    const list = await listAgencyPeople(db, police, { q: "x" }, NOW);
    expect(list).toMatchObject({ searchError: "Enter at least 2 characters", total: 0, rows: [] });
  });

  it("draws a page in at most 5 SQL statements, on the plain and the next-due paths", async () => {
    for (const input of [{}, { sort: "due" }, { overdue: "yes", sort: "name" }, { q: "Bulkperson", page: "2" }]) {
      const stats: RequestStats = { statements: 0, sqlMs: 0 };
      const list = await runWithRequestStats(stats, () => listAgencyPeople(db, police, input, NOW));
      expect(list.rows.length).toBeGreaterThan(0);
      expect(stats.statements, JSON.stringify(input)).toBeLessThanOrEqual(5);
    }
  });
});

describe("the coordinator's list of cases", () => {
  it("pages every case of the partnership with a count, and never carries a name", async () => {
    const first = await listPseudonymisedCases(db, coordinator, {}, NOW);
    expect(first).toMatchObject({ total: LIVE, page: 1, pageCount: 2 });
    const second = await listPseudonymisedCases(db, coordinator, { page: "2" }, NOW);
    expect(second.rows).toHaveLength(LIVE - 50);
    const json = JSON.stringify([first, second, await listPseudonymisedCases(db, coordinator, { status: "closed" }, NOW)]);
    for (const name of [OVERDUE, CHILD, COUNCIL_LOGGED, CLOSED, "Bulkperson", "Middlesbrough", "OP-FICTIONAL-1", "Romanian"]) expect(json).not.toContain(name);
    expect(json).not.toContain(otherIvoId);
  });

  it("filters by an agency with stages on the case, by overdue, by age and closed; sorts by next due and reference", async () => {
    const list = await listPseudonymisedCases(db, coordinator, {}, NOW);
    const council_ = list.agencies.find((agency) => agency.id === world.agencies.COUNCIL_SAFEGUARDING.id);
    expect(council_).toBeTruthy();
    expect(list.agencies.map((agency) => agency.id)).not.toContain(world.agencies.PCC_OFFICE.id);

    const byCouncil = await listPseudonymisedCases(db, coordinator, { agency: council_!.id }, NOW);
    expect(byCouncil).toMatchObject({ total: LIVE, agencyName: council_!.name });
    // An agency of another partnership, or nonsense, is no filter at all.
    const otherAgency = otherPolice.agencyId;
    expect(await listPseudonymisedCases(db, coordinator, { agency: otherAgency }, NOW)).toMatchObject({ total: LIVE, agencyName: null, query: { agency: null } });

    expect((await listPseudonymisedCases(db, coordinator, { overdue: "yes" }, NOW)).rows.map((row) => row.id)).toEqual([idOf(OVERDUE)]);
    expect((await listPseudonymisedCases(db, coordinator, { age: "CHILD" }, NOW)).rows.map((row) => row.id)).toEqual([idOf(CHILD)]);
    const closed = await listPseudonymisedCases(db, coordinator, { status: "closed" }, NOW);
    expect(closed.rows).toEqual([expect.objectContaining({ id: idOf(CLOSED), closed: { at: ago(HOUR), reason: "MOVED_AREA" } })]);

    expect((await listPseudonymisedCases(db, coordinator, { sort: "due" }, NOW)).rows[0]?.id).toBe(idOf(OVERDUE));
    const refs = (await listPseudonymisedCases(db, coordinator, { sort: "reference" }, NOW)).rows.map((row) => row.caseReference);
    expect(refs).toEqual([...refs].sort());
    // The coordinator has no name to sort by.
    expect((await listPseudonymisedCases(db, coordinator, { sort: "name" }, NOW)).query.sort).toBe("rescued");
  });

  it("finds a case by its reference, and refuses a name with the reason", async () => {
    const reference = (await db.person.findUniqueOrThrow({ where: { id: idOf(CHILD) } })).caseReference;
    const found = await listPseudonymisedCases(db, coordinator, { q: reference }, NOW);
    expect(found.rows.map((row) => row.id)).toEqual([idOf(CHILD)]);
    const refused = await listPseudonymisedCases(db, coordinator, { q: OVERDUE }, NOW);
    expect(refused).toMatchObject({ total: 0, rows: [], searchError: expect.stringContaining("search by case reference") });
  });

  it("draws a page in at most 6 SQL statements", async () => {
    for (const input of [{}, { sort: "due", overdue: "yes" }]) {
      const stats: RequestStats = { statements: 0, sqlMs: 0 };
      await runWithRequestStats(stats, () => listPseudonymisedCases(db, coordinator, input, NOW));
      expect(stats.statements, JSON.stringify(input)).toBeLessThanOrEqual(6);
    }
  });
});
