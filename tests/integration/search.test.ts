import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personFormInput, rescueFormInput } from "../../prisma/factories";
import { SEARCH_PAGE_SIZE } from "../../src/domain/search/search-terms";
import type { Actor } from "../../src/server/access/actor";
import { createPrismaClient } from "../../src/server/db/create-client";
import { ForbiddenError } from "../../src/server/errors";
import { logRescue } from "../../src/server/rescues/log-rescue";
import { searchPeople, type SearchResults } from "../../src/server/search/search-people";
import { createWorld, MINUTE, minute, type World } from "../support/world";

const db = createPrismaClient();
const T0 = minute("2026-06-02T08:00:00Z");
const NOW = new Date(T0.getTime() + 20 * MINUTE);

let world: World;
let police: Actor;
let mira: { personId: string; caseReference: string; rescueReference: string };

async function log(people: Record<string, unknown>[], operationReference: string) {
  const result = await logRescue(db, police, rescueFormInput({ occurredAt: T0, operationReference, people: people.map((p) => personFormInput(p)) }), NOW);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return db.person.findMany({ where: { rescueId: result.data.rescueId }, include: { rescue: true, identity: true } });
}

const found = (results: SearchResults) => {
  if (!results.ok || !results.searched) throw new Error(`Not a search result: ${JSON.stringify(results)}`);
  return results;
};

beforeAll(async () => {
  world = await createWorld(db, "search");
  police = await world.actor("POLICE");
  const [person] = await log([{ name: "Mira Searchfictional", description: "", interpreterNeeded: "no" }], "OP-HEATHER-FICTIONAL");
  await db.personIdentity.update({ where: { personId: person!.id }, data: { dateOfBirth: new Date("1991-04-17T00:00:00Z") } });
  mira = { personId: person!.id, caseReference: person!.caseReference, rescueReference: person!.rescue.reference };
});

afterAll(async () => {
  await db.$disconnect();
});

describe("searching for a person", () => {
  it("finds them by part of a name, case reference, rescue reference, operation and date of birth", async () => {
    const vcas = await world.actor("VCAS");
    for (const q of ["searchfict", "MIRA SEARCHFICTIONAL", mira.caseReference.toLowerCase(), mira.rescueReference, "heather-fict", "17/04/1991", "1991-04-17"]) {
      const results = found(await searchPeople(db, vcas, { q }, NOW));
      expect(results.rows.map((row) => row.id), q).toEqual([mira.personId]);
    }
    const row = found(await searchPeople(db, vcas, { q: "Searchfictional" }, NOW)).rows[0];
    expect(row).toMatchObject({ displayName: "Mira Searchfictional", caseReference: mira.caseReference, live: true, href: `/people/${mira.personId}` });
  });

  it("finds nobody an agency may not see: the Salvation Army has no stage for her", async () => {
    const salvationArmy = await world.actor("SALVATION_ARMY");
    for (const q of ["Searchfictional", mira.caseReference, "17/04/1991"]) {
      expect(found(await searchPeople(db, salvationArmy, { q }, NOW))).toMatchObject({ total: 0, rows: [] });
    }
  });

  it("does not search health's minimal record by operation, which health is not shown", async () => {
    const health = await world.actor("HEALTH");
    expect(found(await searchPeople(db, health, { q: "heather-fict" }, NOW)).total).toBe(0);
    expect(found(await searchPeople(db, health, { q: "Searchfictional" }, NOW)).total).toBe(1);
  });

  it("searches for % and _ literally, not as wildcards", async () => {
    const vcas = await world.actor("VCAS");
    expect(found(await searchPeople(db, vcas, { q: "%%" }, NOW)).total).toBe(0);
    expect(found(await searchPeople(db, vcas, { q: "M_ra" }, NOW)).total).toBe(0);
  });

  it("pages the results, with the total, and keeps a page number past the end on the last page", async () => {
    const many = await log(
      Array.from({ length: SEARCH_PAGE_SIZE + 3 }, (_, i) => ({ name: `Pagefictional Person ${i}`, description: "", interpreterNeeded: "no" })),
      "OP-PAGING",
    );
    const vcas = await world.actor("VCAS");
    const first = found(await searchPeople(db, vcas, { q: "Pagefictional" }, NOW));
    expect(first).toMatchObject({ total: many.length, page: 1, pageCount: 2 });
    expect(first.rows).toHaveLength(SEARCH_PAGE_SIZE);
    const second = found(await searchPeople(db, vcas, { q: "Pagefictional", page: "2" }, NOW));
    expect(second.rows).toHaveLength(3);
    expect(new Set([...first.rows, ...second.rows].map((row) => row.id)).size).toBe(many.length);
    expect(found(await searchPeople(db, vcas, { q: "Pagefictional", page: "99" }, NOW)).page).toBe(2);
  });

  it("audits the search with the kind of term and the number of results, never what was typed", async () => {
    const council = await world.actor("COUNCIL_SAFEGUARDING");
    await searchPeople(db, council, { q: "Mira Searchfictional" }, NOW);
    const [row] = await db.auditEvent.findMany({ where: { userId: council.id, action: "person.search" } });
    expect(row).toMatchObject({ entity: "Person", outcome: "allowed", changes: { searched_by: { before: null, after: "text" }, results: { before: null, after: 1 } } });
    expect(JSON.stringify(row, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value))).not.toMatch(/Searchfictional|Mira/i);
  });

  it("refuses a term it cannot use next to the box, and does not search", async () => {
    const vcas = await world.actor("VCAS");
    expect(await searchPeople(db, vcas, { q: "31/02/1991" }, NOW)).toEqual({ ok: false, error: "Enter a real date of birth, for example 27/03/1990" });
    expect(await searchPeople(db, vcas, { q: "Mira\u0000" }, NOW)).toMatchObject({ ok: false });
    expect(await searchPeople(db, vcas, { q: ["Mira", "x"] }, NOW)).toMatchObject({ ok: false });
    expect(await db.auditEvent.count({ where: { userId: vcas.id, action: "person.search", changes: { path: ["searched_by", "after"], equals: "date-of-birth" } } })).toBe(0);
  });
});

describe("the coordinator's search", () => {
  it("finds a pseudonymised case by reference, and nothing about who the person is", async () => {
    const coordinator = await world.actor("PARTNERSHIP", "COORDINATOR");
    const results = found(await searchPeople(db, coordinator, { q: mira.caseReference }, NOW));
    expect(results.rows).toEqual([
      expect.objectContaining({ id: mira.personId, caseReference: mira.caseReference, displayName: null, rescueReference: null, href: `/cases/${mira.personId}` }),
    ]);
  });

  it("refuses a name or a date of birth: that would tie an identity to a case without break-glass", async () => {
    const coordinator = await world.actor("PARTNERSHIP", "COORDINATOR");
    for (const q of ["Mira Searchfictional", "17/04/1991"]) {
      expect(await searchPeople(db, coordinator, { q }, NOW)).toMatchObject({ ok: false, error: expect.stringContaining("search by case reference") });
    }
  });

  it("is refused to the PCC office and administrators", async () => {
    for (const [kind, role] of [["PCC_OFFICE", "PCC_OFFICE"], ["PARTNERSHIP", "ADMINISTRATOR"]] as const) {
      const user = await world.actor(kind, role);
      await expect(searchPeople(db, user, { q: mira.caseReference }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
      expect(await db.auditEvent.count({ where: { userId: user.id, action: "permission.denied" } })).toBe(1);
    }
  });
});
