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
  const [threshold, templateStages, agencies, stageSummary, people, live] = await Promise.all([
    getSuppressionThreshold(db, partnershipId),
    db.pathwayStageTemplate.findMany({
      where: { template: { partnershipId } },
      select: { key: true, title: true, targetValue: true, targetUnit: true, sortOrder: true, template: { select: { version: true } } },
    }),
    db.agency
      .findMany({ where: { partnershipId }, select: { id: true, name: true, retiredAt: true }, orderBy: { name: "asc" } })
      .then((rows) => rows.map((agency) => ({ id: agency.id, name: agencyDisplayName(agency) }))),
    readStageSummary(db, partnershipId, filters),
    readPersonSummary(db, partnershipId, filters),
    readLiveCounts(db, partnershipId, filters, now),
  ]);
  // Each stage as the newest pathway version describes it.
  const newest = new Map<string, (typeof templateStages)[number]>();
  for (const stage of templateStages) {
    const seen = newest.get(stage.key);
    if (!seen || seen.template.version < stage.template.version) newest.set(stage.key, stage);
  }
  const stagesInOrder = [...newest.values()]
    .sort((a, b) => a.sortOrder - b.sortOrder || a.key.localeCompare(b.key))
    .map((stage) => ({ key: stage.key, title: stage.title, target: describeTarget(stage) }));

  const dashboard = publishDashboard({ stagesInOrder, agencies, ...stageSummary, people, live }, filters.period, threshold);
  if (audit) await recordAudit(db, actor, { action: "dashboard.view", entity: "Dashboard" });
  return dashboard;
}
