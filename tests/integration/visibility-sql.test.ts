// The visibility rule and the search box each have a Prisma form (visiblePeople, agencyMatch) and an SQL
// form for the lists of live people (visiblePersonSql, agencyMatchSql; issue 15), and so have the
// coordinator's pseudonymised cases (pseudonymisedCases, pseudonymisedCaseSql, caseMatchSql). This test
// keeps them one rule: on generated histories shuffled so that every clause of the rule decides
// somebody, both forms find the same people for every account, and the live lists read through SQL
// are, view by view and page by page, the lists the Prisma forms give.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Random } from "../../prisma/seed/random";
import { generateHistory } from "../../scripts/lib/generate-history";
import { CLOSED_WITH_CASE_REASON } from "../../src/domain/cases/case-closing";
import { parseListQuery, type RawQuery } from "../../src/domain/lists/list-query";
import { parseSearchTerm, SEARCH_PAGE_SIZE } from "../../src/domain/search/search-terms";
import type { Prisma } from "../../src/generated/prisma/client";
import type { Actor } from "../../src/server/access/actor";
import { loadActor } from "../../src/server/access/load-actor";
import { pseudonymisedCases, pseudonymisedCaseSql, visiblePeople, visiblePersonSql } from "../../src/server/access/visibility";
import { listPseudonymisedCases } from "../../src/server/cases/list-pseudonymised-cases";
import { createPrismaClient } from "../../src/server/db/create-client";
import { pageOfPeople } from "../../src/server/lists/page-of-people";
import { listAgencyPeople } from "../../src/server/people/list-agency-people";
import { searchMatch, searchPeople } from "../../src/server/search/search-people";
import { shuffleHistory } from "../support/shuffled-history";

const db = createPrismaClient();
const NOW = new Date("2026-06-01T00:00:00Z");
const SLUGS = ["scale-vsql-a", "scale-vsql-b"];

let actors: Actor[] = [];

beforeAll(async () => {
  const rng = new Random(20261202);
  for (const [i, slug] of SLUGS.entries()) {
    const { partnershipId } = await generateHistory(db, { people: i === 0 ? 240 : 60, seed: 11 + i, months: 3, now: NOW, slug, batchPeople: 120, force: true });
    await shuffleHistory(db, partnershipId, rng, NOW);
  }
  const users = await db.user.findMany({ where: { agency: { partnership: { slug: { in: SLUGS } } } }, select: { id: true }, orderBy: { email: "asc" } });
  actors = (await Promise.all(users.map((user) => loadActor(db, user.id)))).filter((actor): actor is Actor => actor !== null);
}, 240_000);

afterAll(async () => {
  await db.$disconnect();
});

const sorted = (ids: string[]) => [...ids].sort();

describe("the visibility rule in SQL", () => {
  it("finds exactly the people the Prisma rule finds, live and closed, for every account of both partnerships", async () => {
    expect(actors.length).toBeGreaterThanOrEqual(14);
    let seen = 0;
    for (const actor of actors) {
      const prisma = await db.person.findMany({ where: visiblePeople(actor), select: { id: true } });
      const sql = await db.$queryRaw<{ id: string }[]>`SELECT p."id" FROM "Person" p WHERE ${visiblePersonSql(actor)}`;
      expect(sorted(sql.map((row) => row.id)), `${actor.role} of ${actor.agencyName}`).toEqual(sorted(prisma.map((row) => row.id)));
      seen += prisma.length;
    }
    expect(seen).toBeGreaterThan(0);
  });

  it("finds exactly the coordinator's pseudonymised cases the Prisma rule finds, and none for anyone else", async () => {
    let coordinators = 0;
    for (const actor of actors) {
      const prisma = await db.person.findMany({ where: pseudonymisedCases(actor), select: { id: true } });
      const sql = await db.$queryRaw<{ id: string }[]>`SELECT p."id" FROM "Person" p WHERE ${pseudonymisedCaseSql(actor)}`;
      expect(sorted(sql.map((row) => row.id)), `${actor.role} of ${actor.agencyName}`).toEqual(sorted(prisma.map((row) => row.id)));
      if (actor.role === "COORDINATOR") {
        coordinators += 1;
        expect(prisma.length).toBeGreaterThan(0);
      } else expect(prisma).toEqual([]);
    }
    expect(coordinators).toBe(SLUGS.length);
  });

  it("is decided, for somebody, by every clause: a logged rescue, work done, a stage ended by closing, a waiting referral, a refusal and a lawful basis", async () => {
    const [counts] = await db.$queryRaw<Record<string, bigint>[]>`
      SELECT
        count(*) FILTER (WHERE s."state" = 'DONE') AS "done",
        count(*) FILTER (WHERE s."state" = 'NOT_NEEDED' AND s."closingReason" = ${CLOSED_WITH_CASE_REASON}) AS "endedByClosing",
        count(*) FILTER (WHERE s."state" IN ('NOT_NEEDED', 'DECLINED') AND s."closingReason" IS DISTINCT FROM ${CLOSED_WITH_CASE_REASON}) AS "noWork",
        (SELECT count(*) FROM "Referral" WHERE "state" = 'PENDING') AS "pendingReferrals",
        (SELECT count(*) FROM "Referral" WHERE "state" <> 'PENDING') AS "answeredReferrals",
        (SELECT count(*) FROM "Consent" WHERE "supersededAt" IS NULL AND (NOT "given" OR "withdrawnOn" IS NOT NULL)) AS "stopped",
        (SELECT count(*) FROM "SharingBasis") AS "bases",
        (SELECT count(*) FROM "Person" WHERE "closedAt" IS NULL) AS "live"
      FROM "Stage" s`;
    for (const [clause, count] of Object.entries(counts!)) expect(Number(count), clause).toBeGreaterThan(5);
  });
});

// Every view of the live list: the sorts, the filters and each kind of search term.
async function liveViews(): Promise<RawQuery[]> {
  const someone = await db.person.findFirstOrThrow({
    where: { closedAt: null, rescue: { partnership: { slug: SLUGS[0] } }, identity: { dateOfBirth: { not: null } } },
    select: { caseReference: true, rescue: { select: { reference: true, operationReference: true } }, identity: { select: { name: true, dateOfBirth: true } } },
  });
  const dob = someone.identity!.dateOfBirth!.toISOString().slice(0, 10);
  const terms = [someone.caseReference, someone.rescue.reference, dob, someone.identity!.name!.slice(1, 4), "an", "VCP-", "%a", "n_", "RES"];
  if (someone.rescue.operationReference) terms.push(someone.rescue.operationReference.slice(0, 5));
  return [
    {},
    { sort: "name" },
    { sort: "reference" },
    { sort: "due" },
    { overdue: "yes" },
    { overdue: "yes", sort: "name" },
    { age: "CHILD" },
    { age: "ADULT", sort: "due" },
    { agency: "logged" },
    { agency: "shared", sort: "reference" },
    ...terms.map((q) => ({ q })),
    { q: "an", sort: "due", agency: "shared" },
  ];
}

/** The live list as the Prisma forms give it: the reference for the SQL read. */
async function prismaPage(actor: Actor, input: RawQuery) {
  const query = parseListQuery(input, "people");
  const parsed = parseSearchTerm(query.q, NOW);
  if (!parsed.ok) throw new Error(parsed.error);
  const match = parsed.term ? searchMatch(actor, parsed.term) : {};
  if (typeof match === "string") throw new Error(match);
  const where: Prisma.PersonWhereInput = {
    AND: [
      visiblePeople(actor),
      { closedAt: null },
      query.age ? { ageGroup: query.age } : {},
      query.agency === "logged" ? { rescue: { loggedByAgencyId: actor.agencyId } } : {},
      query.agency === "shared" ? { rescue: { loggedByAgencyId: { not: actor.agencyId } } } : {},
      match,
    ],
  };
  return pageOfPeople(db, where, query, NOW);
}

describe("the live people list in SQL", () => {
  it("lists, counts and pages every view as the Prisma forms of the rule, the filters and the search do", async () => {
    const views = await liveViews();
    const agencyStaff = actors.filter((actor) => actor.role === "CASEWORKER" || actor.role === "AGENCY_LEAD");
    expect(agencyStaff.length).toBeGreaterThanOrEqual(8);
    let listed = 0;
    for (const actor of agencyStaff) {
      for (const view of views) {
        for (let page = 1; ; page++) {
          const input = { ...view, page: String(page) };
          const expected = await prismaPage(actor, input);
          const list = await listAgencyPeople(db, actor, input, NOW);
          const label = `${actor.role} of ${actor.agencyName}, ${JSON.stringify(input)}`;
          expect(list.searchError, label).toBeNull();
          expect({ ids: list.rows.map((row) => row.id), total: list.total, page: list.page, pageCount: list.pageCount }, label).toEqual(expected);
          listed += list.rows.length;
          if (page >= expected.pageCount) break;
        }
      }
    }
    expect(listed).toBeGreaterThan(1000);
  }, 240_000);
});

/** The coordinator's live cases as the Prisma forms give them: the reference for the SQL read. */
async function prismaCasesPage(actor: Actor, input: RawQuery) {
  const query = parseListQuery(input, "cases");
  const parsed = parseSearchTerm(query.q, NOW);
  if (!parsed.ok) throw new Error(parsed.error);
  const match = parsed.term ? searchMatch(actor, parsed.term) : {};
  if (typeof match === "string") throw new Error(match);
  const where: Prisma.PersonWhereInput = {
    AND: [
      pseudonymisedCases(actor),
      { closedAt: null },
      query.age ? { ageGroup: query.age } : {},
      query.agency ? { stages: { some: { ownerAgencyId: query.agency } } } : {},
      match,
    ],
  };
  return pageOfPeople(db, where, query, NOW);
}

describe("the coordinator's live cases in SQL", () => {
  it("lists, counts and pages every view as the Prisma forms of the rule, the filters and the search do", async () => {
    const coordinators = actors.filter((actor) => actor.role === "COORDINATOR");
    expect(coordinators).toHaveLength(SLUGS.length);
    let listed = 0;
    for (const actor of coordinators) {
      const someone = await db.person.findFirstOrThrow({
        where: { closedAt: null, rescue: { partnershipId: actor.partnershipId } },
        select: { caseReference: true },
        orderBy: { caseReference: "asc" },
      });
      const agencies = await db.agency.findMany({ where: { partnershipId: actor.partnershipId, ownedStages: { some: {} } }, select: { id: true } });
      expect(agencies.length).toBeGreaterThanOrEqual(3);
      const views: RawQuery[] = [
        {},
        { sort: "reference" },
        { sort: "due" },
        { overdue: "yes" },
        { age: "CHILD" },
        { age: "ADULT", sort: "due" },
        ...agencies.map((agency) => ({ agency: agency.id })),
        { agency: agencies[0]!.id, overdue: "yes", sort: "reference" },
        { q: someone.caseReference },
        { q: someone.caseReference.slice(4, 8) },
        { q: "VCP-" },
        { q: "a1", age: "ADULT" },
        { q: "B2", sort: "due" },
      ];
      for (const view of views) {
        for (let page = 1; ; page++) {
          const input = { ...view, page: String(page) };
          const expected = await prismaCasesPage(actor, input);
          const list = await listPseudonymisedCases(db, actor, input, NOW);
          const label = `the coordinator of ${actor.partnershipId}, ${JSON.stringify(input)}`;
          expect(list.searchError, label).toBeNull();
          expect({ ids: list.rows.map((row) => row.id), total: list.total, page: list.page, pageCount: list.pageCount }, label).toEqual(expected);
          listed += list.rows.length;
          if (page >= expected.pageCount) break;
        }
      }
    }
    expect(listed).toBeGreaterThan(300);
  }, 240_000);
});

describe("the search page in SQL", () => {
  it("finds, counts and pages, live and closed, what the Prisma forms of the rule and the match find, for every account", async () => {
    const views = await liveViews();
    const closed = await db.person.findFirstOrThrow({
      where: { closedAt: { not: null }, rescue: { partnership: { slug: SLUGS[0] } }, identity: { name: { not: null } } },
      select: { caseReference: true, identity: { select: { name: true } } },
    });
    const terms = [...views.flatMap((view) => (view.q ? [String(view.q)] : [])), closed.caseReference, closed.identity!.name!.slice(0, 5), "VCP-", "a1"];
    let found = 0;
    let closedFound = 0;
    for (const actor of actors.filter((candidate) => ["CASEWORKER", "AGENCY_LEAD", "COORDINATOR"].includes(candidate.role))) {
      const rule = actor.role === "COORDINATOR" ? pseudonymisedCases(actor) : visiblePeople(actor);
      for (const q of terms) {
        const parsed = parseSearchTerm(q, NOW);
        if (!parsed.ok || !parsed.term) throw new Error(`unusable term ${q}`);
        const match = searchMatch(actor, parsed.term);
        const label = `${actor.role} of ${actor.agencyName}, "${q}"`;
        if (typeof match === "string") {
          expect(await searchPeople(db, actor, { q }, NOW), label).toEqual({ ok: false, error: match });
          continue;
        }
        const expected = await db.person.findMany({
          where: { AND: [rule, match] },
          orderBy: [{ rescue: { occurredAt: "desc" } }, { caseReference: "asc" }],
          select: { id: true, closedAt: true },
        });
        const pages: string[][] = [];
        for (let page = 1; page <= 2; page++) {
          const results = await searchPeople(db, actor, { q, page: String(page) }, NOW);
          if (!results.ok || !results.searched) throw new Error(`${label}: ${JSON.stringify(results)}`);
          expect(results.total, label).toBe(expected.length);
          expect(results.pageCount, label).toBe(Math.max(1, Math.ceil(expected.length / SEARCH_PAGE_SIZE)));
          pages.push(results.rows.map((row) => row.id));
          if (page >= results.pageCount) break;
        }
        expect(pages.flat(), label).toEqual(expected.slice(0, pages.length * SEARCH_PAGE_SIZE).map((row) => row.id));
        found += expected.length;
        closedFound += expected.filter((row) => row.closedAt !== null).length;
      }
    }
    expect(found).toBeGreaterThan(300);
    expect(closedFound).toBeGreaterThan(20);
  }, 240_000);
});
