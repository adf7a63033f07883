import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "../db/create-client";
import { CLOCK_RUNNING_SQL } from "../pathway/stage-filters";
import { personConditions, type DashboardFilters } from "./filters";
import { jsonRow, jsonRows, readTogether, type JsonRead } from "./json-reads";

export type LiveCounts = {
  livePathways: number;
  stagesOverdueNow: number;
  /** Open stages of people rescued in the period that are past their due time now. */
  openOverdue: { stageKey: string; agencyId: string; stages: number; keySum: number }[];
  // Beside each count, its people's key sum (cell-key method, decision record 0018).
  livePathwaysKeySum: number;
  stagesOverdueNowKeySum: number;
};

const OPEN_AND_OVERDUE = (now: Date) =>
  Prisma.sql`${CLOCK_RUNNING_SQL} AND s."dueAt" + s."pausedMs" * interval '1 millisecond' < ${now}`;

/**
 * What the summaries cannot hold because it changes with the clock: pathways live now, stages
 * overdue now. Counts only; no person row leaves the database.
 */
export async function readLiveCounts(db: Db, partnershipId: string, filters: DashboardFilters, now: Date): Promise<LiveCounts> {
  return (await readTogether(db, { live: liveCountsRead(partnershipId, filters, now) })).live;
}

type LiveRows = {
  counts: { live: number; liveKeySum: number; overdue: number; overdueKeySum: number } | null;
  openOverdue: { stageKey: string; agencyId: string; stages: number; keySum: number }[];
};

/** `readLiveCounts` as a sub-select, to share a statement with the dashboard's other reads. */
export function liveCountsRead(partnershipId: string, filters: DashboardFilters, now: Date): JsonRead<LiveCounts> {
  const where = personConditions(partnershipId, filters);
  // Stages carry their own agency: no need to ask whether the person has one of that agency's stages.
  const stageWhere = personConditions(partnershipId, { ...filters, agencyId: null });
  const ownedBy = filters.agencyId ? Prisma.sql`AND s."ownerAgencyId" = ${filters.agencyId}::uuid` : Prisma.empty;
  const inPeriod = Prisma.sql`r."occurredAt" >= ${filters.period.from} AND r."occurredAt" < ${filters.period.to}`;
  const sql = Prisma.sql`json_build_object(
    'counts', ${jsonRow(Prisma.sql`
      SELECT l.live, l."liveKeySum", o.overdue, o."overdueKeySum"
      FROM (SELECT count(*)::int AS live, coalesce(sum(p."cellKey"), 0)::int AS "liveKeySum"
          FROM "Person" p JOIN "Rescue" r ON r."id" = p."rescueId" WHERE ${where} AND p."closedAt" IS NULL) l,
        (SELECT count(*)::int AS overdue, coalesce(sum(p."cellKey"), 0)::int AS "overdueKeySum"
          FROM "Stage" s JOIN "Person" p ON p."id" = s."personId" JOIN "Rescue" r ON r."id" = p."rescueId"
          WHERE ${stageWhere} AND p."closedAt" IS NULL AND ${OPEN_AND_OVERDUE(now)} ${ownedBy}) o`)},
    'openOverdue', ${jsonRows(Prisma.sql`
      SELECT t."key" AS "stageKey", s."ownerAgencyId" AS "agencyId", count(*)::int AS stages, sum(p."cellKey")::int AS "keySum"
      FROM "Stage" s JOIN "PathwayStageTemplate" t ON t."id" = s."templateStageId"
        JOIN "Person" p ON p."id" = s."personId" JOIN "Rescue" r ON r."id" = p."rescueId"
      WHERE ${stageWhere} AND ${inPeriod} AND ${OPEN_AND_OVERDUE(now)} ${ownedBy}
      GROUP BY 1, 2`)})`;
  return { sql, parse: (json) => liveCountsOf(json as LiveRows) };
}

function liveCountsOf({ counts, openOverdue }: LiveRows): LiveCounts {
  return {
    livePathways: Number(counts?.live ?? 0),
    livePathwaysKeySum: Number(counts?.liveKeySum ?? 0),
    stagesOverdueNow: Number(counts?.overdue ?? 0),
    stagesOverdueNowKeySum: Number(counts?.overdueKeySum ?? 0),
    openOverdue: openOverdue.map((row) => ({ ...row, stages: Number(row.stages), keySum: Number(row.keySum) })),
  };
}
