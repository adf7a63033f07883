import "server-only";
import { csvFileName, toCsv } from "@/domain/reporting/csv";
import { DASHBOARD_TABLE_IDS, type DashboardTableId } from "@/domain/reporting/publish-dashboard";
import { PERTURBATION_NOTE } from "@/domain/statistics/cell-key";
import { suppressionKey } from "@/domain/statistics/published";
import { AGE_GROUP_LABELS, EXPLOITATION_TYPE_LABELS, GENDER_LABELS } from "@/domain/types";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import type { DashboardFilters } from "./filters";
import { getDashboard } from "./get-dashboard";

export const EXPORT_TABLES = DASHBOARD_TABLE_IDS;
export type ExportTable = DashboardTableId;

/**
 * One dashboard table as CSV, after suppression: the very table the page shows. The file name and
 * the first lines say which period and filters it covers. Each export is audited.
 */
export async function exportDashboardTable(db: Db, actor: Actor, tableId: ExportTable, filters: DashboardFilters, now = new Date()) {
  await requirePermission(db, actor, "dashboard.view", { entity: "Dashboard" });
  const agency = filters.agencyId
    ? await db.agency.findFirst({ where: { id: filters.agencyId, partnershipId: actor.partnershipId }, select: { name: true } })
    : null;
  const dashboard = await getDashboard(db, actor, filters, now, { audit: false });
  const table = dashboard.tables[tableId];

  await recordAudit(db, actor, { action: "export.csv", entity: "Dashboard", entityId: undefined });
  const csv = toCsv([
    ["Victim Care Pathway: PCC dashboard", table.title],
    ["Period", filters.period.label],
    ["Age group", filters.ageGroup ? AGE_GROUP_LABELS[filters.ageGroup] : "All"],
    ["Type of exploitation", filters.exploitationType ? EXPLOITATION_TYPE_LABELS[filters.exploitationType] : "All"],
    ["Gender", filters.gender ? GENDER_LABELS[filters.gender] : "All"],
    ["Agency", agency?.name ?? "All"],
    ["Suppression", suppressionKey(dashboard.threshold)],
    ["Adjustment", PERTURBATION_NOTE],
    ...(table.note ? [["Note", table.note]] : []),
    [],
    [table.rowHeader, ...table.columns],
    ...table.rows.map((row) => [row.label, ...row.cells.map((cell) => cell.text)]),
  ]);
  const fileName = csvFileName([
    "pcc-dashboard",
    tableId,
    filters.period.slug,
    ...(filters.ageGroup ? [`age-${filters.ageGroup}`] : []),
    ...(filters.exploitationType ? [`type-${filters.exploitationType}`] : []),
    ...(filters.gender ? [`gender-${filters.gender}`] : []),
    ...(agency ? [`agency-${agency.name}`] : []),
  ]);
  return { fileName, csv };
}
