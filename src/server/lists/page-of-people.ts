import "server-only";
import { LIST_PAGE_SIZE, type ListQuery } from "@/domain/lists/list-query";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "../db/create-client";
import { readRows } from "../db/read-rows";
import { NOT_FINISHED_SQL } from "./open-stages-sql";

export type PeoplePage = { ids: string[]; total: number; page: number; pageCount: number };

const ORDER_BY: Record<ListQuery["sort"], Prisma.PersonOrderByWithRelationInput[]> = {
  rescued: [{ rescue: { occurredAt: "desc" } }, { caseReference: "asc" }],
  name: [{ identity: { name: { sort: "asc", nulls: "last" } } }, { caseReference: "asc" }],
  reference: [{ caseReference: "asc" }],
  // Only reached for closed cases, which have nothing due (parseListQuery turns it into rescued).
  due: [{ rescue: { occurredAt: "desc" } }, { caseReference: "asc" }],
};

// The same orders in SQL, for the next-due path below. Fixed fragments: nothing typed reaches the SQL text.
const ORDER_SQL: Record<ListQuery["sort"], Prisma.Sql> = {
  rescued: Prisma.sql`r."occurredAt" DESC, p."caseReference" ASC`,
  name: Prisma.sql`i."name" ASC NULLS LAST, p."caseReference" ASC`,
  reference: Prisma.sql`p."caseReference" ASC`,
  due: Prisma.sql`u."rank" ASC NULLS LAST, u."key" ASC, p."caseReference" ASC`,
};

/**
 * The most urgent open stage of the person aliased `p` (rescue `r`, template `t`), as readClock and
 * compareUrgency in src/domain/pathway/clock.ts rank it: overdue (0), at risk (1), on track (2), paused
 * (3); then the running due time (the stored one plus time spent paused), or for a paused clock the time
 * it had left. The at-risk point is the template's share of the stage's target from its clock's start.
 * Kept beside the domain rule by the integration test that compares the two orders.
 */
function mostUrgentStageSql(now: Date): Prisma.Sql {
  const due = Prisma.sql`(s."dueAt" + s."pausedMs" * interval '1 millisecond')`;
  return Prisma.sql`
    SELECT
      CASE
        WHEN s."state" = 'PAUSED' THEN 3
        WHEN ${due} <= ${now}::timestamptz THEN 0
        WHEN ${due} - ${now}::timestamptz <= (s."dueAt" - COALESCE(s."clockStartedAt", r."occurredAt")) * ((100 - t."atRiskPercent") / 100.0) THEN 1
        ELSE 2
      END AS "rank",
      CASE WHEN s."state" = 'PAUSED' THEN extract(epoch FROM ${due} - s."pausedAt") ELSE extract(epoch FROM ${due}) END AS "key"
    FROM "Stage" s
    WHERE s."personId" = p."id" AND ${NOT_FINISHED_SQL}
    ORDER BY 1, 2
    LIMIT 1`;
}

function pageCountOf(total: number): number {
  return Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
}

/**
 * One page of the people matching `where` (the caller's visibility rule and filters), in the list's
 * order, with the total. Closed cases (the history) are paged in SQL: a COUNT and a LIMIT/OFFSET; live
 * cases, bounded by live work, in one read of their ids. Agency staff's live view reads through
 * `pageOfLivePeople` below instead (their rule's Prisma form grows with the agency's history); the
 * coordinator's rule is the partnership, which Prisma's form answers without the stages.
 *
 * "Next due" (most urgent first, as the queue orders) and "a stage overdue" read each person's most
 * urgent open stage, which Prisma cannot order or compare by. Those views are of live cases only, so the visibility rule first picks the matching
 * live people's ids (they grow with live work, not with the history) and one statement orders them by
 * their stages. A page past the last is the last page.
 */
export async function pageOfPeople(db: Db, where: Prisma.PersonWhereInput, query: ListQuery, now: Date): Promise<PeoplePage> {
  if (query.status === "live" && (query.sort === "due" || query.overdue)) {
    const candidates = await db.person.findMany({ where, select: { id: true } });
    if (candidates.length === 0) return { ids: [], total: 0, page: 1, pageCount: 1 };
    const ordered = await readRows<{ id: string }>(db, Prisma.sql`
      SELECT p."id"
      FROM "Person" p
      JOIN "Rescue" r ON r."id" = p."rescueId"
      JOIN "PathwayTemplate" t ON t."id" = p."templateId"
      ${query.sort === "name" ? Prisma.sql`LEFT JOIN "PersonIdentity" i ON i."personId" = p."id"` : Prisma.empty}
      LEFT JOIN LATERAL (${mostUrgentStageSql(now)}) u ON true
      WHERE p."id" = ANY(${candidates.map((c) => c.id)}::uuid[])
      ${query.overdue ? Prisma.sql`AND u."rank" = 0` : Prisma.empty}
      ORDER BY ${ORDER_SQL[query.sort]}`);
    const total = ordered.length;
    const pageCount = pageCountOf(total);
    const page = Math.min(query.page, pageCount);
    const ids = ordered.slice((page - 1) * LIST_PAGE_SIZE, page * LIST_PAGE_SIZE).map((row) => row.id);
    return { ids, total, page, pageCount };
  }

  if (query.status === "live") {
    // Live cases grow with live work only: one statement reads every match's id in order and the page is
    // cut here, where a COUNT and a LIMIT/OFFSET would ask the visibility rule twice (about 46 ms each for
    // the busiest agency on the 50,000-person history, most of it hashing the agency's stages).
    const all = await db.person.findMany({ where, orderBy: ORDER_BY[query.sort], select: { id: true } });
    const total = all.length;
    const pageCount = pageCountOf(total);
    const page = Math.min(query.page, pageCount);
    return { ids: all.slice((page - 1) * LIST_PAGE_SIZE, page * LIST_PAGE_SIZE).map((row) => row.id), total, page, pageCount };
  }

  const total = await db.person.count({ where });
  const pageCount = pageCountOf(total);
  const page = Math.min(query.page, pageCount);
  const rows =
    total === 0
      ? []
      : await db.person.findMany({
          where,
          orderBy: ORDER_BY[query.sort],
          skip: (page - 1) * LIST_PAGE_SIZE,
          take: LIST_PAGE_SIZE,
          select: { id: true },
        });
  return { ids: rows.map((row) => row.id), total, page, pageCount };
}

/**
 * One page of live people in the list's order, with the total, in one statement that starts from the
 * live people (`Person.closedAt IS NULL`, indexed) and asks `conditions` of each: the visibility rule's
 * SQL form (`visiblePersonSql`) and the view's filters and search, as SQL on the person `p`, their
 * rescue `r` and their identity `i`. Its rescue, identity and most urgent stage are each read by index
 * for that person (`OFFSET 0` keeps a subquery from being planned as a hash of its whole table), so the
 * statement costs what the live people do, however long the history: on the 50,000-person history the
 * Prisma form hashed every stage the busiest agency ever owned and every rescue, three times.
 */
export async function pageOfLivePeople(db: Db, conditions: Prisma.Sql, query: ListQuery, now: Date): Promise<PeoplePage> {
  const urgency = query.sort === "due" || query.overdue;
  // The identity is read for the name order and the search box only (agencyMatchSql reads `i`).
  const identity = query.sort === "name" || query.q !== "";
  const ordered = await readRows<{ id: string }>(db, Prisma.sql`
    SELECT p."id"
    FROM "Person" p
    CROSS JOIN LATERAL (
      SELECT r."occurredAt", r."reference", r."operationReference", r."loggedByAgencyId" FROM "Rescue" r WHERE r."id" = p."rescueId" OFFSET 0
    ) r
    ${
      identity
        ? Prisma.sql`LEFT JOIN LATERAL (
            SELECT i."name", i."description", i."dateOfBirth" FROM "PersonIdentity" i WHERE i."personId" = p."id" OFFSET 0
          ) i ON TRUE`
        : Prisma.empty
    }
    ${urgency ? Prisma.sql`JOIN "PathwayTemplate" t ON t."id" = p."templateId" LEFT JOIN LATERAL (${mostUrgentStageSql(now)}) u ON TRUE` : Prisma.empty}
    WHERE p."closedAt" IS NULL AND ${conditions}
    ${query.overdue ? Prisma.sql`AND u."rank" = 0` : Prisma.empty}
    ORDER BY ${ORDER_SQL[query.sort]}`);
  const total = ordered.length;
  const pageCount = pageCountOf(total);
  const page = Math.min(query.page, pageCount);
  return { ids: ordered.slice((page - 1) * LIST_PAGE_SIZE, page * LIST_PAGE_SIZE).map((row) => row.id), total, page, pageCount };
}

/** Puts loaded rows back in the page's order (a `WHERE id = ANY(...)` returns them in any order). */
export function inPageOrder<R extends { id: string }>(ids: string[], rows: R[]): R[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
