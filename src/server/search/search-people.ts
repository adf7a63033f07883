import "server-only";
import { roleHasPermission } from "@/domain/access/permissions";
import { personDisplayName } from "@/domain/person-name";
import { parsePageNumber, parseSearchTerm, SEARCH_PAGE_SIZE, type SearchKind, type SearchTerm } from "@/domain/search/search-terms";
import type { AgeGroup } from "@/domain/types";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { ForbiddenError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { pseudonymisedCaseSql, seesMinimalRecord, visiblePersonSql } from "../access/visibility";
import { containsLiterally } from "../db/contains-literally";
import type { Db } from "../db/create-client";
import { readRows } from "../db/read-rows";
import { inPageOrder } from "../lists/page-of-people";

export type SearchRow = {
  id: string;
  caseReference: string;
  /** Null in the coordinator's pseudonymised results. */
  displayName: string | null;
  ageGroup: AgeGroup;
  rescuedAt: Date;
  /** Null in the coordinator's pseudonymised results. */
  rescueReference: string | null;
  live: boolean;
  /** Where the row leads: the person's page, or the pseudonymised case. */
  href: string;
};

export type SearchResults =
  | { ok: false; error: string }
  | { ok: true; searched: false }
  | { ok: true; searched: true; kind: SearchKind; total: number; page: number; pageCount: number; rows: SearchRow[] };

/** What the term matches among the people a caseworker or lead may see (health: not the operation). */
function agencyMatch(actor: Actor, term: SearchTerm): Prisma.PersonWhereInput {
  switch (term.kind) {
    case "case-reference":
      return { caseReference: term.value };
    case "rescue-reference":
      return { rescue: { reference: term.value } };
    case "date-of-birth":
      return { identity: { dateOfBirth: term.value } };
    case "text": {
      const text = containsLiterally(term.value);
      return {
        OR: [
          { identity: { name: text } },
          { identity: { description: text } },
          { caseReference: text },
          { rescue: { reference: text } },
          ...(seesMinimalRecord(actor) ? [] : [{ rescue: { operationReference: text } }]),
        ],
      };
    }
  }
}

/**
 * `agencyMatch` in SQL, on the person `p`, their rescue `r` and their identity `i` (left-joined) in a
 * raw statement: the search box of the live people list, which reads in SQL so that it grows with live
 * work only (page-of-people.ts). Kept beside `agencyMatch` by tests/integration/visibility-sql.test.ts,
 * which compares the two on every kind of term.
 */
export function agencyMatchSql(actor: Actor, term: SearchTerm): Prisma.Sql {
  switch (term.kind) {
    case "case-reference":
      return Prisma.sql`p."caseReference" = ${term.value}`;
    case "rescue-reference":
      return Prisma.sql`r."reference" = ${term.value}`;
    case "date-of-birth":
      return Prisma.sql`i."dateOfBirth" = ${term.value.toISOString().slice(0, 10)}::date`;
    case "text": {
      // The pattern Prisma builds for `contains` (ILIKE, with %, _ and \ escaped by containsLiterally).
      const like = `%${containsLiterally(term.value).contains}%`;
      const operation = seesMinimalRecord(actor) ? Prisma.empty : Prisma.sql` OR r."operationReference" ILIKE ${like}`;
      return Prisma.sql`(i."name" ILIKE ${like} OR i."description" ILIKE ${like} OR p."caseReference" ILIKE ${like} OR r."reference" ILIKE ${like}${operation})`;
    }
  }
}

/**
 * `agencyMatchSql` for the search page, which spans the whole history: the people the term matches, as
 * a condition on the person `p` that Postgres answers from indexes. A pattern is asked of each table
 * on its own (the trigram indexes of migration 20261203080000: a pattern spread over three joined
 * tables could only be checked row by row), equalities by their own indexes. Held equal to
 * `agencyMatch` through `searchPeople` by tests/integration/visibility-sql.test.ts.
 */
function agencyMatchIndexedSql(actor: Actor, term: SearchTerm): Prisma.Sql {
  if (term.kind !== "text") return agencyMatchSql(actor, term);
  const like = `%${containsLiterally(term.value).contains}%`;
  const operation = seesMinimalRecord(actor) ? Prisma.empty : Prisma.sql` OR mr."operationReference" ILIKE ${like}`;
  return Prisma.sql`p."id" IN (
    SELECT mi."personId" FROM "PersonIdentity" mi WHERE mi."name" ILIKE ${like} OR mi."description" ILIKE ${like}
    UNION SELECT mp."id" FROM "Person" mp WHERE mp."caseReference" ILIKE ${like}
    UNION SELECT mp."id" FROM "Person" mp JOIN "Rescue" mr ON mr."id" = mp."rescueId" WHERE mr."reference" ILIKE ${like}${operation})`;
}

/**
 * The coordinator's cases are pseudonymised: they are found by case reference only. A name or a date
 * of birth would tie an identity to a case without break-glass, so those are refused with a reason.
 */
function caseMatch(term: SearchTerm): Prisma.PersonWhereInput | string {
  if (term.kind === "case-reference") return { caseReference: term.value };
  if (isCaseReferenceFragment(term)) return { caseReference: containsLiterally(term.value) };
  return CASES_BY_REFERENCE_ONLY;
}

const CASES_BY_REFERENCE_ONLY =
  "Cases are pseudonymised: search by case reference (for example VCP-AB12-CD34). To see who someone is, open their case and use break-glass.";

function isCaseReferenceFragment(term: SearchTerm): term is Extract<SearchTerm, { kind: "text" }> {
  return term.kind === "text" && /^[0-9A-Z-]+$/i.test(term.value);
}

/** `caseMatch` in SQL on the person `p`: the coordinator's live cases (list-pseudonymised-cases.ts). */
export function caseMatchSql(term: SearchTerm): Prisma.Sql | string {
  if (term.kind === "case-reference") return Prisma.sql`p."caseReference" = ${term.value}`;
  if (isCaseReferenceFragment(term)) return Prisma.sql`p."caseReference" ILIKE ${`%${containsLiterally(term.value).contains}%`}`;
  return CASES_BY_REFERENCE_ONLY;
}

/**
 * What a search term matches, for a caseworker or lead (`person.list`) or the coordinator's
 * pseudonymised cases; a string is a refusal to show beside the box. The caller adds the visibility
 * rule. The People and Cases lists' search box uses this too, so there is one search; where they and
 * the search page read in SQL (agencyMatchSql, agencyMatchIndexedSql, caseMatchSql), the SQL forms are
 * held equal to this one by tests/integration/visibility-sql.test.ts.
 */
export function searchMatch(actor: Actor, term: SearchTerm): Prisma.PersonWhereInput | string {
  return roleHasPermission(actor.role, "person.list") ? agencyMatch(actor, term) : caseMatch(term);
}

/** A search is audited with the kind of term and the number of results, never the term. */
export async function recordSearchAudit(db: Db, actor: Actor, kind: SearchKind, total: number): Promise<void> {
  await recordAudit(db, actor, {
    action: "person.search",
    entity: "Person",
    changes: { searched_by: { before: null, after: kind }, results: { before: null, after: total } },
  });
}

/**
 * Search across exactly what the user may see: the visibility rule for caseworkers and leads, the
 * pseudonymised cases for the coordinator. The search is audited as a search, with the kind of term
 * and the number of results, never the term (a name typed is personal data).
 */
export async function searchPeople(db: Db, actor: Actor, input: { q?: unknown; page?: unknown }, now = new Date()): Promise<SearchResults> {
  const asAgency = roleHasPermission(actor.role, "person.list");
  const asCoordinator = roleHasPermission(actor.role, "case.view_pseudonymised");
  if (!asAgency && !asCoordinator) {
    await recordAudit(db, actor, { action: "permission.denied", entity: "Person", outcome: "denied" });
    throw new ForbiddenError(`role ${actor.role} lacks person.list`);
  }
  const parsed = parseSearchTerm(input.q, now);
  if (!parsed.ok) return parsed;
  if (!parsed.term) return { ok: true, searched: false };
  const term = parsed.term;

  const match = asAgency ? agencyMatchIndexedSql(actor, term) : caseMatchSql(term);
  if (typeof match === "string") return { ok: false, error: match };
  const rule = asAgency ? visiblePersonSql(actor) : pseudonymisedCaseSql(actor);
  // The identity is joined for a date of birth only: a text term reads it through its own index.
  const withIdentity = asAgency && term.kind === "date-of-birth";

  let page = parsePageNumber(input.page);
  let found = await pageOfMatches(db, actor, rule, match, page, withIdentity);
  let total = found[0]?.total ?? 0;
  if (found.length === 0 && page > 1) {
    // Past the last page (an address typed or kept from a longer result): the last page instead.
    total = (await pageOfMatches(db, actor, rule, match, 1, withIdentity))[0]?.total ?? 0;
    page = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
    found = total > 0 ? await pageOfMatches(db, actor, rule, match, page, withIdentity) : [];
  }
  const pageCount = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
  const ids = found.map((row) => row.id);
  const people = inPageOrder(
    ids,
    ids.length === 0
      ? []
      : await db.person.findMany({
          where: { id: { in: ids } },
          select: {
            id: true,
            caseReference: true,
            ageGroup: true,
            closedAt: true,
            // Selected column by column: the coordinator's rows never load identity or the rescue's reference.
            identity: asAgency ? { select: { name: true, description: true } } : false,
            rescue: { select: { occurredAt: true, reference: asAgency } },
          },
        }),
  );
  await recordSearchAudit(db, actor, term.kind, total);

  return {
    ok: true,
    searched: true,
    kind: term.kind,
    total,
    page,
    pageCount,
    rows: people.map((person) => ({
      id: person.id,
      caseReference: person.caseReference,
      displayName: asAgency ? personDisplayName(person.identity) : null,
      ageGroup: person.ageGroup,
      rescuedAt: person.rescue.occurredAt,
      rescueReference: asAgency ? (person.rescue.reference ?? null) : null,
      live: person.closedAt === null,
      href: asAgency ? `/people/${person.id}` : `/cases/${person.id}`,
    })),
  };
}

/**
 * One page of the people a search matches among those the rule lets this user see, newest rescue first,
 * each with the total. The term is matched first, behind `OFFSET 0` so that the planner cannot ask the
 * rule first, and the rule is then asked of each match only, as a probe by index (`visiblePersonSql`,
 * `pseudonymisedCaseSql`). On the 50,000-person history, a first name, EXPLAIN ANALYZE on a quiet
 * machine: Prisma's form of the rule hashed every stage the agency ever owned, twice (the count and the
 * page), about 2.7 s of SQL a search under load; the rule asked of every person before the name was,
 * 566 ms; matched first, 138 ms, most of it five patterns over every row; matched through the trigram
 * indexes (agencyMatchIndexedSql), the figure in the README.
 */
function pageOfMatches(db: Db, actor: Actor, rule: Prisma.Sql, match: Prisma.Sql, page: number, withIdentity: boolean) {
  return readRows<{ id: string; total: number }>(db, Prisma.sql`
    SELECT p."id", (count(*) OVER ())::int AS "total"
    FROM (
      SELECT p."id", p."rescueId", p."caseReference", r."occurredAt"
      FROM "Person" p
      JOIN "Rescue" r ON r."id" = p."rescueId"
      ${withIdentity ? Prisma.sql`LEFT JOIN "PersonIdentity" i ON i."personId" = p."id"` : Prisma.empty}
      WHERE r."partnershipId" = ${actor.partnershipId}::uuid AND ${match}
      OFFSET 0
    ) p
    WHERE ${rule}
    ORDER BY p."occurredAt" DESC, p."caseReference" ASC
    LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(page - 1) * SEARCH_PAGE_SIZE}`);
}
