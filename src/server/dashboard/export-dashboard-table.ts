import { csvFileName, toCsv, type CsvCell } from "@/domain/reporting/csv";
import { display } from "@/domain/statistics/published";
import type { PublishedStatistic } from "@/domain/statistics/suppress-statistic";
import { formatDuration } from "@/domain/time/duration";
import { AGE_GROUP_LABELS, EXPLOITATION_TYPE_LABELS, GENDER_LABELS } from "@/domain/types";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import type { DashboardFilters } from "./filters";
import { getHeadlines } from "./get-headlines";
import { getTimeliness } from "./get-timeliness";
import { getCompleteness, getMonthlyVolumes } from "./get-volumes";

export const EXPORT_TABLES = ["headlines", "timeliness", "volumes", "completeness"] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

const TITLES: Record<ExportTable, string> = {
  headlines: "At a glance",
  timeliness: "Timeliness per stage",
  volumes: "People rescued by month and age group",
  completeness: "Data completeness",
};

const shown = <T>(value: PublishedStatistic<T>, format: (value: T) => CsvCell): CsvCell =>
  value.kind === "shown" ? format(value.value) : value.kind === "suppressed" ? "<5" : "";

/**
 * One dashboard table as CSV, after suppression: exactly what the page shows. The file name and the
 * first lines say which period and filters it covers. Each export is audited.
 */
export async function exportDashboardTable(db: Db, actor: Actor, table: ExportTable, filters: DashboardFilters, now = new Date()) {
  await requirePermission(db, actor, "dashboard.view", { entity: "Dashboard" });
  const agency = filters.agencyId
    ? await db.agency.findFirst({ where: { id: filters.agencyId, partnershipId: actor.partnershipId }, select: { name: true } })
    : null;
  const filterRows: [string, string][] = [
    ["Age group", filters.ageGroup ? AGE_GROUP_LABELS[filters.ageGroup] : "All"],
    ["Type of exploitation", filters.exploitationType ? EXPLOITATION_TYPE_LABELS[filters.exploitationType] : "All"],
    ["Gender", filters.gender ? GENDER_LABELS[filters.gender] : "All"],
    ["Agency", agency?.name ?? "All"],
  ];

  let body: CsvCell[][];
  if (table === "headlines") {
    const h = await getHeadlines(db, actor, filters, now);
    body = [
      ["Measure", "Count"],
      ["People rescued", display(h.peopleRescued)],
      ["Rescues (operations)", display(h.rescues)],
      ["People with a live pathway now", display(h.livePathways)],
      ["Stages overdue now", display(h.stagesOverdueNow)],
    ];
  } else if (table === "timeliness") {
    const rows = await getTimeliness(db, actor, filters);
    body = [
      ["Stage", "Done", "Median (hours)", "90th percentile (hours)", "Within target (%)", "Median", "90th percentile"],
      ...rows.map((row) => [
        row.title,
        shown(row.completed, (n) => n),
        shown(row.medianMs, (ms) => Math.round(ms / 36_000) / 100),
        shown(row.p90Ms, (ms) => Math.round(ms / 36_000) / 100),
        shown(row.withinTargetPercent, (n) => n),
        shown(row.medianMs, formatDuration),
        shown(row.p90Ms, formatDuration),
      ]),
    ];
  } else if (table === "volumes") {
    const volumes = await getMonthlyVolumes(db, actor, filters);
    body = [
      ["Month", ...volumes.ageGroups.map((ageGroup) => AGE_GROUP_LABELS[ageGroup]), "All"],
      ...volumes.months.map((month, row) => [month, ...volumes.table.cells[row]!.map((cell) => display(cell)), display(volumes.table.rowTotals[row]!)]),
      ["All months", ...volumes.table.columnTotals.map((cell) => display(cell)), display(volumes.table.grandTotal)],
    ];
  } else {
    const c = await getCompleteness(db, actor, filters);
    body = [
      ["Measure", "Value"],
      ["People rescued in the period", shown(c.people, (n) => n)],
      ["Missing the type of exploitation (%)", shown(c.missingExploitationTypePercent, (n) => n)],
      ["Missing a language (%)", shown(c.missingLanguagePercent, (n) => n)],
      ["Age disputed (%)", shown(c.ageDisputedPercent, (n) => n)],
    ];
  }

  await recordAudit(db, actor, { action: "export.csv", entity: "Dashboard", entityId: undefined });
  const csv = toCsv([
    ["Victim Care Pathway: PCC dashboard", TITLES[table]],
    ["Period", filters.period.label],
    ...filterRows,
    ["Suppression", "Counts from 1 to 4 people are shown as <5; other cells are hidden where they would reveal one"],
    [],
    ...body,
  ]);
  const fileName = csvFileName([
    "pcc-dashboard",
    table,
    filters.period.slug,
    ...(filters.ageGroup ? [`age-${filters.ageGroup}`] : []),
    ...(filters.exploitationType ? [`type-${filters.exploitationType}`] : []),
    ...(filters.gender ? [`gender-${filters.gender}`] : []),
    ...(agency ? [`agency-${agency.name}`] : []),
  ]);
  return { fileName, csv };
}
