import "server-only";
import { safetyFlagsView, type SafetyFlagsView } from "@/domain/person/safety-flags";
import { agencyDisplayName } from "@/domain/agencies/agency-details";
import type { CaseCloseReason } from "@/domain/cases/case-closing";
import { openStagesByUrgency, type ClockInput } from "@/domain/pathway/clock";
import { parseListQuery, type ListQuery, type RawQuery } from "@/domain/lists/list-query";
import { parseSearchTerm, type SearchKind, type SearchTerm } from "@/domain/search/search-terms";
import type { AgeGroup } from "@/domain/types";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { pseudonymisedCases, pseudonymisedCaseSql } from "../access/visibility";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { readRows } from "../db/read-rows";
import { inPageOrder, pageOfLivePeople, pageOfPeople } from "../lists/page-of-people";
import { listStagesOf, OPEN_STAGES_JSON_SQL } from "../lists/open-stages-sql";
import { caseMatchSql, recordSearchAudit, searchMatch } from "../search/search-people";

export type CaseRow = {
  id: string;
  caseReference: string;
  ageGroup: AgeGroup;
  rescuedAt: Date;
  /** Set on a closed case, with why it closed. */
  closed: { at: Date; reason: CaseCloseReason | null } | null;
  nextStage: { title: string; ownerAgencyName: string; clock: ClockInput } | null;
  openStages: number;
  atRiskPercent: number;
  /** The risks only (no contact instructions). */
  safety: SafetyFlagsView | null;
};

export type CaseList = {
  query: ListQuery;
  /** The agencies a case can be filtered by (those that own stages), and the one chosen. */
  agencies: { id: string; name: string }[];
  agencyName: string | null;
  searchError: string | null;
  searchKind: SearchKind | null;
  total: number;
  page: number;
  pageCount: number;
  rows: CaseRow[];
};

type DetailRow = {
  id: string;
  caseReference: string;
  ageGroup: AgeGroup;
  closedAt: Date | null;
  closeReason: CaseCloseReason | null;
  rescuedAt: Date;
  tippingOffRisk: boolean | null;
  reTraffickingRisk: boolean | null;
  doNotDiscloseWhereabouts: boolean | null;
  atRiskPercent: number;
  stages: unknown;
};

/**
 * The cases of the coordinator's partnership, pseudonymised, a page at a time: live or closed, with a
 * stage overdue, by age group, by an agency that has stages on the case, and by case reference (the
 * search use case's own rule: a name or a date of birth is refused). The page's rows are selected
 * column by column: identity, the place of rescue, notes and addresses are never loaded, so they
 * cannot leak through this list by mistake.
 */
export async function listPseudonymisedCases(db: Db, actor: Actor, input: RawQuery = {}, now = new Date()): Promise<CaseList> {
  await requirePermission(db, actor, "case.view_pseudonymised", { entity: "Person" });
  const query = parseListQuery(input, "cases");
  const agencies = (
    await db.agency.findMany({
      where: { partnershipId: actor.partnershipId, kind: { notIn: ["PCC_OFFICE", "PARTNERSHIP"] } },
      select: { id: true, name: true, retiredAt: true },
      orderBy: { name: "asc" },
    })
  ).map((agency) => ({ id: agency.id, name: agencyDisplayName(agency) }));
  // An agency id from another partnership, or none at all, is no filter.
  const agency = agencies.find((candidate) => candidate.id === query.agency) ?? null;
  if (!agency) query.agency = null;

  const parsed = parseSearchTerm(query.q, now);
  const empty = { query, agencies, agencyName: agency?.name ?? null, total: 0, page: 1, pageCount: 1, rows: [] };
  if (!parsed.ok) return { ...empty, searchError: parsed.error, searchKind: null };
  const match = parsed.term ? searchMatch(actor, parsed.term) : {};
  if (typeof match === "string") return { ...empty, searchError: match, searchKind: null };

  const { ids, total, page, pageCount } =
    query.status === "live"
      ? await pageOfLivePeople(db, liveConditions(actor, query, agency?.id ?? null, parsed.term), query, now)
      : await pageOfPeople(
          db,
          {
            AND: [
              pseudonymisedCases(actor),
              { closedAt: { not: null } },
              query.age ? { ageGroup: query.age } : {},
              agency ? { stages: { some: { ownerAgencyId: agency.id } } } : {},
              match,
            ],
          },
          query,
          now,
        );
  const details = ids.length === 0 ? [] : await loadDetails(db, ids);

  if (parsed.term) await recordSearchAudit(db, actor, parsed.term.kind, total);
  else await recordAudit(db, actor, { action: "case.list", entity: "Person" });

  const rows = inPageOrder(ids, details).map((person): CaseRow => {
    const open = openStagesByUrgency(listStagesOf(person.stages), person.rescuedAt, now, person.atRiskPercent);
    const next = open[0];
    return {
      id: person.id,
      caseReference: person.caseReference,
      ageGroup: person.ageGroup,
      rescuedAt: person.rescuedAt,
      closed: person.closedAt ? { at: person.closedAt, reason: person.closeReason } : null,
      nextStage: next ? { title: next.stage.title, ownerAgencyName: agencyDisplayName(next.stage.ownerAgency), clock: next.input } : null,
      openStages: open.length,
      atRiskPercent: person.atRiskPercent,
      safety:
        person.tippingOffRisk === null
          ? null
          : safetyFlagsView({
              tippingOffRisk: person.tippingOffRisk,
              reTraffickingRisk: person.reTraffickingRisk ?? false,
              doNotDiscloseWhereabouts: person.doNotDiscloseWhereabouts ?? false,
            }),
    };
  });
  return { ...empty, searchError: null, searchKind: parsed.term?.kind ?? null, total, page, pageCount, rows };
}

/**
 * The live view's rule and filters in SQL (pageOfLivePeople: it grows with live cases, where the
 * Prisma form of the rule hashes every rescue of the partnership), the same as the closed view's
 * Prisma `where` above. tests/integration/visibility-sql.test.ts compares every view with the Prisma form.
 */
function liveConditions(actor: Actor, query: ListQuery, agencyId: string | null, term: SearchTerm | null): Prisma.Sql {
  const conditions = [pseudonymisedCaseSql(actor)];
  if (query.age) conditions.push(Prisma.sql`p."ageGroup" = ${query.age}::"AgeGroup"`);
  if (agencyId) conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "Stage" cs WHERE cs."personId" = p."id" AND cs."ownerAgencyId" = ${agencyId}::uuid OFFSET 0)`);
  if (term) {
    // A term caseMatch refuses was answered with its reason before this point.
    const match = caseMatchSql(term);
    conditions.push(typeof match === "string" ? Prisma.sql`FALSE` : match);
  }
  return Prisma.join(conditions, " AND ");
}

/** The page's rows in one statement. No identity, place, contact instruction or note is selected. */
function loadDetails(db: Db, ids: string[]): Promise<DetailRow[]> {
  return readRows<DetailRow>(db, Prisma.sql`
    SELECT p."id", p."caseReference", p."ageGroup"::text AS "ageGroup", p."closedAt", p."closeReason"::text AS "closeReason",
      r."occurredAt" AS "rescuedAt",
      sf."tippingOffRisk", sf."reTraffickingRisk", sf."doNotDiscloseWhereabouts",
      t."atRiskPercent",
      ${OPEN_STAGES_JSON_SQL} AS "stages"
    FROM "Person" p
    JOIN "Rescue" r ON r."id" = p."rescueId"
    JOIN "PathwayTemplate" t ON t."id" = p."templateId"
    LEFT JOIN "PersonSafety" sf ON sf."personId" = p."id"
    WHERE p."id" = ANY(${ids}::uuid[])`);
}
