import { Prisma } from "@/generated/prisma/client";
import { AGE_GROUPS, type AgeGroup } from "@/domain/types";
import { suppressTable } from "@/domain/statistics/suppress-table";
import type { PublishedTable } from "@/domain/statistics/published";
import { suppressStatistic, type PublishedStatistic } from "@/domain/statistics/suppress-statistic";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import type { Db } from "../db/create-client";
import { personConditions, type DashboardFilters } from "./filters";

export type MonthlyVolumes = { months: string[]; ageGroups: readonly AgeGroup[]; table: PublishedTable };
export type Completeness = {
  people: PublishedStatistic<number>;
  missingExploitationTypePercent: PublishedStatistic<number>;
  missingLanguagePercent: PublishedStatistic<number>;
  ageDisputedPercent: PublishedStatistic<number>;
};

/** "2026-11" for each London calendar month that the period touches, in order. */
function monthsOf(from: Date, to: Date): string[] {
  const key = (date: Date) =>
    new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit" }).format(date).slice(0, 7);
  const months: string[] = [];
  for (let at = new Date(from); at < to; at = new Date(at.getTime() + 86_400_000)) {
    const month = key(at);
    if (months.at(-1) !== month) months.push(month);
  }
  return months;
}

/**
 * People rescued per month and age group, as a cross-table with row, column and grand totals,
 * published with primary and secondary suppression so that no hidden count can be worked out.
 */
export async function getMonthlyVolumes(db: Db, actor: Actor, filters: DashboardFilters): Promise<MonthlyVolumes> {
  await requirePermission(db, actor, "dashboard.view", { entity: "Dashboard" });
  const rows = await db.$queryRaw<{ month: string; ageGroup: AgeGroup; people: bigint }[]>(Prisma.sql`
    SELECT to_char(r."occurredAt" AT TIME ZONE 'Europe/London', 'YYYY-MM') AS month, p."ageGroup" AS "ageGroup", count(*) AS people
    FROM "Person" p JOIN "Rescue" r ON r."id" = p."rescueId"
    WHERE ${personConditions(actor.partnershipId, filters)}
      AND r."occurredAt" >= ${filters.period.from} AND r."occurredAt" < ${filters.period.to}
    GROUP BY 1, 2
  `);
  const months = monthsOf(filters.period.from, filters.period.to);
  const counts = months.map((month) =>
    AGE_GROUPS.map((ageGroup) => Number(rows.find((row) => row.month === month && row.ageGroup === ageGroup)?.people ?? 0)),
  );
  return { months, ageGroups: AGE_GROUPS, table: suppressTable(counts) };
}

/** How complete the records of people rescued in the period are; percentages from 1 to 4 people are hidden. */
export async function getCompleteness(db: Db, actor: Actor, filters: DashboardFilters): Promise<Completeness> {
  await requirePermission(db, actor, "dashboard.view", { entity: "Dashboard" });
  const [row] = await db.$queryRaw<{ people: bigint; no_type: bigint; no_language: bigint; disputed: bigint }[]>(Prisma.sql`
    SELECT count(*) AS people,
      count(*) FILTER (WHERE p."exploitationType" IS NULL) AS no_type,
      count(*) FILTER (WHERE cardinality(p."languages") = 0) AS no_language,
      count(*) FILTER (WHERE p."ageGroup" = 'AGE_DISPUTED') AS disputed
    FROM "Person" p JOIN "Rescue" r ON r."id" = p."rescueId"
    WHERE ${personConditions(actor.partnershipId, filters)}
      AND r."occurredAt" >= ${filters.period.from} AND r."occurredAt" < ${filters.period.to}
  `);
  const people = Number(row?.people ?? 0);
  const percent = (count: bigint | undefined) => suppressStatistic(people === 0 ? 0 : Math.round((Number(count ?? 0) * 1000) / people) / 10, people);
  return {
    people: suppressStatistic(people, people),
    missingExploitationTypePercent: percent(row?.no_type),
    missingLanguagePercent: percent(row?.no_language),
    ageDisputedPercent: percent(row?.disputed),
  };
}
