import "server-only";
import { safetyFlagsView, type SafetyFlagsView } from "@/domain/person/safety-flags";
import { openStagesByUrgency, type ClockInput } from "@/domain/pathway/clock";
import type { CaseCloseReason } from "@/domain/cases/case-closing";
import { parseListQuery, type ListQuery, type RawQuery } from "@/domain/lists/list-query";
import { personDisplayName } from "@/domain/person-name";
import { parseSearchTerm, type SearchKind, type SearchTerm } from "@/domain/search/search-terms";
import type { AgeGroup } from "@/domain/types";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { seesMinimalRecord, visiblePeople, visiblePersonSql } from "../access/visibility";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { readRows } from "../db/read-rows";
import { inPageOrder, pageOfLivePeople, pageOfPeople } from "../lists/page-of-people";
import { listStagesOf, OPEN_STAGES_JSON_SQL } from "../lists/open-stages-sql";
import { agencyMatchSql, recordSearchAudit, searchMatch } from "../search/search-people";

export type PersonRow = {
  id: string;
  caseReference: string;
  displayName: string;
  ageGroup: AgeGroup;
  rescuedAt: Date;
  /** Null for health's minimal view. */
  place: string | null;
  loggedByUs: boolean;
  /** Set on a closed case, with why it closed. */
  closed: { at: Date; reason: CaseCloseReason | null } | null;
  nextStage: { title: string; ownerAgencyName: string; ownedByMe: boolean; clock: ClockInput } | null;
  openStages: number;
  atRiskPercent: number;
  safety: SafetyFlagsView | null;
};

export type PeopleList = {
  query: ListQuery;
  /** A search box the search rules refused ("Enter at least 2 characters"): nothing is listed. */
  searchError: string | null;
  searchKind: SearchKind | null;
  total: number;
  page: number;
  pageCount: number;
  rows: PersonRow[];
};

type DetailRow = {
  id: string;
  caseReference: string;
  ageGroup: AgeGroup;
  closedAt: Date | null;
  closeReason: CaseCloseReason | null;
  rescuedAt: Date;
  place: string | null;
  loggedByAgencyId: string;
  name: string | null;
  description: string | null;
  safeContact: string | null;
  neverContact: string | null;
  tippingOffRisk: boolean | null;
  reTraffickingRisk: boolean | null;
  doNotDiscloseWhereabouts: boolean | null;
  atRiskPercent: number;
  stages: unknown;
};

/**
 * The people this user's agency may see (the visibility rule), a page at a time: live or closed, with a
 * stage overdue, by age group, logged by the agency or by another, and the search box (the search
 * use case's own matching and audit). Each row names the person's most urgent open stage.
 */
export async function listAgencyPeople(db: Db, actor: Actor, input: RawQuery = {}, now = new Date()): Promise<PeopleList> {
  await requirePermission(db, actor, "person.list", { entity: "Person" });
  const query = parseListQuery(input, "people");

  const parsed = parseSearchTerm(query.q, now);
  const empty = { query, total: 0, page: 1, pageCount: 1, rows: [] };
  if (!parsed.ok) return { ...empty, searchError: parsed.error, searchKind: null };
  const match = parsed.term ? searchMatch(actor, parsed.term) : {};
  if (typeof match === "string") return { ...empty, searchError: match, searchKind: null };

  const { ids, total, page, pageCount } =
    query.status === "live"
      ? await pageOfLivePeople(db, liveConditions(actor, query, parsed.term), query, now)
      : await pageOfPeople(
          db,
          {
            AND: [
              visiblePeople(actor),
              { closedAt: { not: null } },
              query.age ? { ageGroup: query.age } : {},
              query.agency === "logged" ? { rescue: { loggedByAgencyId: actor.agencyId } } : {},
              query.agency === "shared" ? { rescue: { loggedByAgencyId: { not: actor.agencyId } } } : {},
              match,
            ],
          },
          query,
          now,
        );
  const details = ids.length === 0 ? [] : await loadDetails(db, actor, ids);

  if (parsed.term) await recordSearchAudit(db, actor, parsed.term.kind, total);
  else await recordAudit(db, actor, { action: "person.list", entity: "Person" });

  const rows = inPageOrder(ids, details).map((person): PersonRow => {
    const open = openStagesByUrgency(listStagesOf(person.stages), person.rescuedAt, now, person.atRiskPercent);
    const next = open[0];
    return {
      id: person.id,
      caseReference: person.caseReference,
      displayName: personDisplayName({ name: person.name, description: person.description }),
      ageGroup: person.ageGroup,
      rescuedAt: person.rescuedAt,
      place: person.place,
      loggedByUs: person.loggedByAgencyId === actor.agencyId,
      closed: person.closedAt ? { at: person.closedAt, reason: person.closeReason } : null,
      nextStage: next
        ? { title: next.stage.title, ownerAgencyName: next.stage.ownerAgency.name, ownedByMe: next.stage.ownerAgencyId === actor.agencyId, clock: next.input }
        : null,
      openStages: open.length,
      atRiskPercent: person.atRiskPercent,
      safety:
        person.tippingOffRisk === null
          ? null
          : safetyFlagsView({
              safeContact: person.safeContact,
              neverContact: person.neverContact,
              tippingOffRisk: person.tippingOffRisk,
              reTraffickingRisk: person.reTraffickingRisk ?? false,
              doNotDiscloseWhereabouts: person.doNotDiscloseWhereabouts ?? false,
            }),
    };
  });
  return { query, searchError: null, searchKind: parsed.term?.kind ?? null, total, page, pageCount, rows };
}

/**
 * The live view's rule and filters in SQL (pageOfLivePeople), the same as the closed view's Prisma
 * `where` above: the visibility rule's SQL form, age group, who logged the rescue, and the search box's
 * SQL form. tests/integration/visibility-sql.test.ts compares every view with the Prisma form.
 */
function liveConditions(actor: Actor, query: ListQuery, term: SearchTerm | null): Prisma.Sql {
  const conditions = [visiblePersonSql(actor)];
  if (query.age) conditions.push(Prisma.sql`p."ageGroup" = ${query.age}::"AgeGroup"`);
  if (query.agency === "logged") conditions.push(Prisma.sql`r."loggedByAgencyId" = ${actor.agencyId}::uuid`);
  if (query.agency === "shared") conditions.push(Prisma.sql`r."loggedByAgencyId" <> ${actor.agencyId}::uuid`);
  if (term) conditions.push(agencyMatchSql(actor, term));
  return Prisma.join(conditions, " AND ");
}

/**
 * The page's rows in one statement, by the ids the visibility rule already chose. Health's minimal
 * record never selects the place of rescue (Caldicott); the record key stays the dashboard's alone.
 */
function loadDetails(db: Db, actor: Actor, ids: string[]): Promise<DetailRow[]> {
  const place = seesMinimalRecord(actor) ? Prisma.sql`NULL::text` : Prisma.sql`r."place"`;
  return readRows<DetailRow>(db, Prisma.sql`
    SELECT p."id", p."caseReference", p."ageGroup"::text AS "ageGroup", p."closedAt", p."closeReason"::text AS "closeReason",
      r."occurredAt" AS "rescuedAt", ${place} AS "place", r."loggedByAgencyId",
      i."name", i."description",
      sf."safeContact", sf."neverContact", sf."tippingOffRisk", sf."reTraffickingRisk", sf."doNotDiscloseWhereabouts",
      t."atRiskPercent",
      ${OPEN_STAGES_JSON_SQL} AS "stages"
    FROM "Person" p
    JOIN "Rescue" r ON r."id" = p."rescueId"
    JOIN "PathwayTemplate" t ON t."id" = p."templateId"
    LEFT JOIN "PersonIdentity" i ON i."personId" = p."id"
    LEFT JOIN "PersonSafety" sf ON sf."personId" = p."id"
    WHERE p."id" = ANY(${ids}::uuid[])`);
}
