import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { AgencyKind, TargetUnit } from "@/domain/types";
import type { Db } from "../db/create-client";
import { checkedSuppressionThreshold } from "../partnership/get-suppression-threshold";
import type { DashboardFilters } from "./filters";
import { jsonRows, readTogether, type JsonRead } from "./json-reads";
import { liveCountsRead } from "./read-live";
import { nrmProcessRead } from "./read-nrm-process";
import { personSummaryRead, stageSummaryRead } from "./read-summaries";
import { refreshDashboardSummaries } from "./summary/refresh-summaries";

export type TemplateStageRow = { key: string; title: string; targetValue: number; targetUnit: TargetUnit; sortOrder: number; templateId: string; version: number };
export type AgencyRow = { id: string; name: string; kind: AgencyKind; retiredAt: Date | null };

/** Whether any month of the partnership waits for a rebuild (a trigger marked it). */
const staleRead = (partnershipId: string): JsonRead<boolean> => ({
  sql: Prisma.sql`EXISTS (SELECT 1 FROM "DashboardStaleMonth" sm WHERE sm."partnershipId" = ${partnershipId}::uuid)`,
  parse: (json) => json === true,
});

const thresholdRead = (partnershipId: string): JsonRead<number> => ({
  sql: Prisma.sql`(SELECT pt."suppressionThreshold" FROM "Partnership" pt WHERE pt."id" = ${partnershipId}::uuid)`,
  parse: (json) => {
    if (typeof json !== "number") throw new Error(`No partnership ${partnershipId}`);
    return checkedSuppressionThreshold(partnershipId, json);
  },
});

/** Every stage of every pathway version of the partnership, with its version. */
const templateStagesRead = (partnershipId: string): JsonRead<TemplateStageRow[]> => ({
  sql: jsonRows(Prisma.sql`
    SELECT st."key", st."title", st."targetValue", st."targetUnit", st."sortOrder", st."templateId", pt."version"
    FROM "PathwayStageTemplate" st JOIN "PathwayTemplate" pt ON pt."id" = st."templateId"
    WHERE pt."partnershipId" = ${partnershipId}::uuid`),
  parse: (json) => json as TemplateStageRow[],
});

/** The partnership's agencies by name, retired ones too (their past work is in the figures). */
const agenciesRead = (partnershipId: string): JsonRead<AgencyRow[]> => ({
  sql: Prisma.sql`(SELECT coalesce(json_agg(json_build_object('id', a."id", 'name', a."name", 'kind', a."kind", 'retiredAt', a."retiredAt") ORDER BY a."name"), '[]'::json)
    FROM "Agency" a WHERE a."partnershipId" = ${partnershipId}::uuid)`,
  parse: (json) =>
    (json as (Omit<AgencyRow, "retiredAt"> & { retiredAt: string | null })[]).map((agency) => ({
      ...agency,
      retiredAt: agency.retiredAt === null ? null : new Date(agency.retiredAt),
    })),
});

/** The pathway versions the period's people started under: their targets are the ones they were measured against. */
const versionsInPeriodRead = (partnershipId: string, filters: DashboardFilters): JsonRead<string[]> => ({
  sql: jsonRows(Prisma.sql`
    SELECT DISTINCT p."templateId" FROM "Rescue" r JOIN "Person" p ON p."rescueId" = r."id"
    WHERE r."partnershipId" = ${partnershipId}::uuid AND r."occurredAt" >= ${filters.period.from} AND r."occurredAt" < ${filters.period.to}`),
  parse: (json) => (json as { templateId: string }[]).map((row) => row.templateId),
});

/** The month summaries of the period and what the page needs beside them, in one statement. */
const summariesStatement = (partnershipId: string, filters: DashboardFilters) => ({
  stale: staleRead(partnershipId),
  threshold: thresholdRead(partnershipId),
  templateStages: templateStagesRead(partnershipId),
  agencies: agenciesRead(partnershipId),
  stageSummary: stageSummaryRead(partnershipId, filters),
  people: personSummaryRead(partnershipId, filters),
});

/** What is counted from the live tables at read time, in one statement. */
const liveStatement = (partnershipId: string, filters: DashboardFilters, now: Date) => ({
  versionsInPeriod: versionsInPeriodRead(partnershipId, filters),
  live: liveCountsRead(partnershipId, filters, now),
  nrmProcess: nrmProcessRead(partnershipId, filters),
});

/**
 * Everything the dashboard counts for one period and set of filters, in two statements sent side by
 * side (issue 15: a page in at most 6). The summaries' statement also asks whether any month is marked
 * stale; the marks and the summaries are read in one snapshot, and a change and its mark commit
 * together, so when none is marked the summaries read are current. When one is, the stale months are
 * rebuilt and the summaries read again (decision record 0031).
 */
export async function readDashboard(db: Db, partnershipId: string, filters: DashboardFilters, now: Date) {
  const [first, live] = await Promise.all([
    readTogether(db, summariesStatement(partnershipId, filters)),
    readTogether(db, liveStatement(partnershipId, filters, now)),
  ]);
  let summaries = first;
  if (summaries.stale) {
    await refreshDashboardSummaries(db, partnershipId);
    summaries = await readTogether(db, summariesStatement(partnershipId, filters));
  }
  return { ...summaries, ...live };
}
