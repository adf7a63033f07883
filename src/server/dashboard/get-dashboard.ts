import "server-only";
import { agencyDisplayName } from "@/domain/agencies/agency-details";
import { describeTarget } from "@/domain/pathway/template";
import { publishDashboard, type PublishedDashboard } from "@/domain/reporting/publish-dashboard";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { getSuppressionThreshold } from "../partnership/get-suppression-threshold";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import type { DashboardFilters } from "./filters";
import { readLiveCounts } from "./read-live";
import { readNrmProcess } from "./read-nrm-process";
import { readPersonSummary, readStageSummary } from "./read-summaries";
import { refreshDashboardSummaries } from "./summary/refresh-summaries";

/**
 * Everything the dashboard shows for one period and set of filters, published under the
 * partnership's small-number threshold. Stale months are rebuilt first, so the figures are current.
 * Only counts leave the database. With `audit`, the look is recorded (the CSV export records its own).
 */
export async function getDashboard(db: Db, actor: Actor, filters: DashboardFilters, now = new Date(), { audit = true } = {}): Promise<PublishedDashboard> {
  await requirePermission(db, actor, "dashboard.view", { entity: "Dashboard" });
  const { partnershipId } = actor;
  await refreshDashboardSummaries(db, partnershipId);
  const [threshold, templateStages, versionsInPeriod, agencies, stageSummary, people, live, nrmProcess] = await Promise.all([
    getSuppressionThreshold(db, partnershipId),
    db.pathwayStageTemplate.findMany({
      where: { template: { partnershipId } },
      select: { key: true, title: true, targetValue: true, targetUnit: true, sortOrder: true, templateId: true, template: { select: { version: true } } },
    }),
    // The versions the period's people started under: their targets are the ones they were measured against.
    db.$queryRaw<{ templateId: string }[]>`
      SELECT DISTINCT p."templateId" FROM "Rescue" r JOIN "Person" p ON p."rescueId" = r."id"
      WHERE r."partnershipId" = ${partnershipId}::uuid AND r."occurredAt" >= ${filters.period.from} AND r."occurredAt" < ${filters.period.to}`,
    db.agency
      .findMany({ where: { partnershipId }, select: { id: true, name: true, retiredAt: true }, orderBy: { name: "asc" } })
      .then((rows) => rows.map((agency) => ({ id: agency.id, name: agencyDisplayName(agency) }))),
    readStageSummary(db, partnershipId, filters),
    readPersonSummary(db, partnershipId, filters),
    readLiveCounts(db, partnershipId, filters, now),
    readNrmProcess(db, partnershipId, filters),
  ]);
  // Each stage as the newest pathway version describes it, with the targets of the versions the
  // period's people are on (a target changed since does not relabel the past: "4 hours or 6 hours").
  const newest = new Map<string, (typeof templateStages)[number]>();
  for (const stage of templateStages) {
    const seen = newest.get(stage.key);
    if (!seen || seen.template.version < stage.template.version) newest.set(stage.key, stage);
  }
  const inPeriod = new Set(versionsInPeriod.map((row) => row.templateId));
  const targetsOf = (key: string) => {
    const used = templateStages
      .filter((stage) => stage.key === key && inPeriod.has(stage.templateId))
      .sort((a, b) => a.template.version - b.template.version)
      .map((stage) => describeTarget(stage));
    return used.length > 0 ? [...new Set(used)].join(" or ") : describeTarget(newest.get(key)!);
  };
  const stagesInOrder = [...newest.values()]
    .sort((a, b) => a.sortOrder - b.sortOrder || a.key.localeCompare(b.key))
    .map((stage) => ({ key: stage.key, title: stage.title, target: targetsOf(stage.key) }));

  const dashboard = publishDashboard({ stagesInOrder, agencies, ...stageSummary, people, live, nrmProcess }, filters.period, threshold);
  if (audit) await recordAudit(db, actor, { action: "dashboard.view", entity: "Dashboard" });
  return dashboard;
}
