import { Prisma } from "@/generated/prisma/client";
import { suppressStatistic, type PublishedStatistic } from "@/domain/statistics/suppress-statistic";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import type { Db } from "../db/create-client";
import { personConditions, type DashboardFilters } from "./filters";

export type StageTimeliness = {
  key: string;
  title: string;
  /** Stages finished as done, of people rescued in the period. */
  completed: PublishedStatistic<number>;
  /** Time from rescue to completion, in milliseconds. */
  medianMs: PublishedStatistic<number>;
  p90Ms: PublishedStatistic<number>;
  /** Share completed within target (paused time allowed for), 0 to 100. */
  withinTargetPercent: PublishedStatistic<number>;
};

/**
 * Per pathway stage, for people rescued in the period: how many were completed, the median and 90th
 * percentile time from rescue to completion, and the share completed within target. Computed in the
 * database; every figure from 1 to 4 people is suppressed (a median of two is nearly their values).
 */
export async function getTimeliness(db: Db, actor: Actor, filters: DashboardFilters): Promise<StageTimeliness[]> {
  await requirePermission(db, actor, "dashboard.view", { entity: "Dashboard" });
  const rows = await db.$queryRaw<
    { key: string; title: string; sortOrder: number; completed: bigint; median_ms: number | null; p90_ms: number | null; within: bigint }[]
  >(Prisma.sql`
    SELECT t."key", min(t."title") AS title, min(t."sortOrder") AS "sortOrder",
      count(*) FILTER (WHERE s."state" = 'DONE') AS completed,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s."completedAt" - r."occurredAt") * 1000)
        FILTER (WHERE s."state" = 'DONE') AS median_ms,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM s."completedAt" - r."occurredAt") * 1000)
        FILTER (WHERE s."state" = 'DONE') AS p90_ms,
      count(*) FILTER (WHERE s."state" = 'DONE' AND s."completedAt" <= s."dueAt" + s."pausedMs" * interval '1 millisecond') AS within
    FROM "Stage" s
      JOIN "PathwayStageTemplate" t ON t."id" = s."templateStageId"
      JOIN "Person" p ON p."id" = s."personId"
      JOIN "Rescue" r ON r."id" = p."rescueId"
    WHERE ${personConditions(actor.partnershipId, filters)}
      AND r."occurredAt" >= ${filters.period.from} AND r."occurredAt" < ${filters.period.to}
      ${filters.agencyId ? Prisma.sql`AND s."ownerAgencyId" = ${filters.agencyId}::uuid` : Prisma.empty}
    GROUP BY t."key"
    ORDER BY min(t."sortOrder"), t."key"
  `);
  return rows.map((row) => {
    const completed = Number(row.completed);
    return {
      key: row.key,
      title: row.title,
      completed: suppressStatistic(completed, completed),
      medianMs: row.median_ms === null ? { kind: "none" } : suppressStatistic(Math.round(Number(row.median_ms)), completed),
      p90Ms: row.p90_ms === null ? { kind: "none" } : suppressStatistic(Math.round(Number(row.p90_ms)), completed),
      withinTargetPercent: completed === 0 ? { kind: "none" } : suppressStatistic(Math.round((Number(row.within) * 1000) / completed) / 10, completed),
    };
  });
}
