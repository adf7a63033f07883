import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { KeyedCount, NrmProcessCounts } from "@/domain/reporting/publish-dashboard";
import type { Db } from "../db/create-client";
import { personConditions, type DashboardFilters } from "./filters";
import { jsonRow, readTogether, type JsonRead } from "./json-reads";

type Row = Record<string, number | string | null>;

/**
 * The NRM figures for people rescued in the period under the filters, counted in Postgres (no
 * summary table: these are few rows per person, read once per dashboard view, and no person row
 * leaves the database). Duty to Notify records hold no person, so they are counted by the day they
 * were sent within the period, under the filters their own columns can answer (gender, type, the
 * notifying agency; a child filter finds none: the duty is for adults).
 */
export async function readNrmProcess(db: Db, partnershipId: string, filters: DashboardFilters): Promise<NrmProcessCounts> {
  return (await readTogether(db, { nrm: nrmProcessRead(partnershipId, filters) })).nrm;
}

type NrmRows = { people: Row | null; consents: Row | null; dtn: Row | null };

/** `readNrmProcess` as a sub-select, to share a statement with the dashboard's other reads. */
export function nrmProcessRead(partnershipId: string, filters: DashboardFilters): JsonRead<NrmProcessCounts> {
  const where = personConditions(partnershipId, filters);
  const inPeriod = Prisma.sql`r."occurredAt" >= ${filters.period.from} AND r."occurredAt" < ${filters.period.to}`;
  const firstDay = `${filters.period.months[0]}-01`;
  const lastMonth = filters.period.months.at(-1)!;
  const dtnConditions = [
    Prisma.sql`d."partnershipId" = ${partnershipId}::uuid`,
    Prisma.sql`d."sentOn" >= ${firstDay}::date AND d."sentOn" < (${`${lastMonth}-01`}::date + interval '1 month')`,
  ];
  if (filters.gender) dtnConditions.push(Prisma.sql`d."gender" = ${filters.gender}::"Gender"`);
  if (filters.exploitationType) dtnConditions.push(Prisma.sql`d."exploitationType" = ${filters.exploitationType}::"ExploitationType"`);
  if (filters.agencyId) dtnConditions.push(Prisma.sql`d."notifyingAgencyId" = ${filters.agencyId}::uuid`);
  if (filters.ageGroup && filters.ageGroup !== "ADULT") dtnConditions.push(Prisma.sql`FALSE`);

  // Read from the few NRM and consent rows, not from every person of the period: each query starts
  // at its own table and joins its people only to apply the filters.
  const sql = Prisma.sql`json_build_object(
    'people', ${jsonRow(Prisma.sql`
      SELECT
        count(*)::int AS referrals,
        coalesce(sum(p."cellKey"), 0)::int AS "referralsKeySum",
        count(*) FILTER (WHERE n."reasonableGrounds" = 'POSITIVE')::int AS "rgPositive",
        coalesce(sum(p."cellKey") FILTER (WHERE n."reasonableGrounds" = 'POSITIVE'), 0)::int AS "rgPositiveKeySum",
        count(*) FILTER (WHERE n."reasonableGrounds" = 'NEGATIVE')::int AS "rgNegative",
        coalesce(sum(p."cellKey") FILTER (WHERE n."reasonableGrounds" = 'NEGATIVE'), 0)::int AS "rgNegativeKeySum",
        count(*) FILTER (WHERE n."conclusiveGrounds" = 'POSITIVE')::int AS "cgPositive",
        coalesce(sum(p."cellKey") FILTER (WHERE n."conclusiveGrounds" = 'POSITIVE'), 0)::int AS "cgPositiveKeySum",
        count(*) FILTER (WHERE n."conclusiveGrounds" = 'NEGATIVE')::int AS "cgNegative",
        coalesce(sum(p."cellKey") FILTER (WHERE n."conclusiveGrounds" = 'NEGATIVE'), 0)::int AS "cgNegativeKeySum",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY n."reasonableGroundsOn" - n."submittedOn") AS "rgMedian",
        percentile_cont(0.9) WITHIN GROUP (ORDER BY n."reasonableGroundsOn" - n."submittedOn") AS "rgP90",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY n."conclusiveGroundsOn" - n."submittedOn") AS "cgMedian",
        percentile_cont(0.9) WITHIN GROUP (ORDER BY n."conclusiveGroundsOn" - n."submittedOn") AS "cgP90"
      FROM "NrmReferral" n JOIN "Person" p ON p."id" = n."personId" JOIN "Rescue" r ON r."id" = p."rescueId"
      WHERE ${where} AND ${inPeriod}`)},
    -- Each person once, by their current decision on the NRM.
    'consents', ${jsonRow(Prisma.sql`
      SELECT
        count(*) FILTER (WHERE x."refused")::int AS refused,
        coalesce(sum(x."key") FILTER (WHERE x."refused"), 0)::int AS "refusedKeySum",
        count(*) FILTER (WHERE x."withdrawn")::int AS withdrawn,
        coalesce(sum(x."key") FILTER (WHERE x."withdrawn"), 0)::int AS "withdrawnKeySum"
      FROM (
        SELECT p."id", p."cellKey" AS "key", bool_or(NOT c."given") AS "refused", bool_or(c."withdrawnOn" IS NOT NULL) AS "withdrawn"
        FROM "Consent" c JOIN "Person" p ON p."id" = c."personId" JOIN "Rescue" r ON r."id" = p."rescueId"
        WHERE c."purpose" = 'NRM_REFERRAL' AND c."supersededAt" IS NULL AND ${where} AND ${inPeriod}
        GROUP BY p."id", p."cellKey"
      ) x`)},
    'dtn', ${jsonRow(Prisma.sql`SELECT count(*)::int AS sent, coalesce(sum(d."cellKey"), 0)::int AS "sentKeySum" FROM "DutyToNotify" d WHERE ${Prisma.join(dtnConditions, " AND ")}`)})`;
  return { sql, parse: (json) => nrmProcessOf(json as NrmRows) };
}

function nrmProcessOf({ people, consents, dtn }: NrmRows): NrmProcessCounts {
  const n = (name: string) => Number(people?.[name] ?? consents?.[name] ?? 0);
  const keyed = (name: string): KeyedCount => ({ count: n(name), keySum: n(`${name}KeySum`) });
  const both = (a: string, b: string): KeyedCount => ({ count: n(a) + n(b), keySum: n(`${a}KeySum`) + n(`${b}KeySum`) });
  const days = (name: string) => (people?.[name] === null || people?.[name] === undefined ? null : Math.round(Number(people[name])));
  return {
    referrals: keyed("referrals"),
    dutyToNotify: { count: Number(dtn?.sent ?? 0), keySum: Number(dtn?.sentKeySum ?? 0) },
    consentRefused: keyed("refused"),
    consentWithdrawn: keyed("withdrawn"),
    decisions: { rgPositive: keyed("rgPositive"), rgNegative: keyed("rgNegative"), cgPositive: keyed("cgPositive"), cgNegative: keyed("cgNegative") },
    waits: {
      reasonableGrounds: { decisions: both("rgPositive", "rgNegative"), median: days("rgMedian"), p90: days("rgP90") },
      conclusiveGrounds: { decisions: both("cgPositive", "cgNegative"), median: days("cgMedian"), p90: days("cgP90") },
    },
  };
}
