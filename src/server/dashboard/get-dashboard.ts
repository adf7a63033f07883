import "server-only";
import { agencyDisplayName } from "@/domain/agencies/agency-details";
import { dashboardStagesInOrder } from "@/domain/reporting/dashboard-stages";
import { publishDashboard, type PublishedDashboard } from "@/domain/reporting/publish-dashboard";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import type { DashboardFilters } from "./filters";
import { dashboardFilterAgencies } from "./list-dashboard-agencies";
import { readDashboard } from "./read-dashboard";

/** The published dashboard, and the agencies its filter offers (read with it). */
export type DashboardView = PublishedDashboard & { filterAgencies: { id: string; name: string }[] };

/**
 * Everything the dashboard shows for one period and set of filters, published under the
 * partnership's small-number threshold. Stale months are rebuilt first, so the figures are current.
 * Only counts leave the database. With `audit`, the look is recorded (the CSV export records its own).
 */
export async function getDashboard(db: Db, actor: Actor, filters: DashboardFilters, now = new Date(), { audit = true } = {}): Promise<DashboardView> {
  await requirePermission(db, actor, "dashboard.view", { entity: "Dashboard" });
  const read = await readDashboard(db, actor.partnershipId, filters, now);
  const dashboard = publishDashboard(
    {
      stagesInOrder: dashboardStagesInOrder(read.templateStages, read.versionsInPeriod),
      agencies: read.agencies.map((agency) => ({ id: agency.id, name: agencyDisplayName(agency) })),
      ...read.stageSummary,
      people: read.people,
      live: read.live,
      nrmProcess: read.nrmProcess,
    },
    filters.period,
    read.threshold,
  );
  if (audit) await recordAudit(db, actor, { action: "dashboard.view", entity: "Dashboard" });
  return { ...dashboard, filterAgencies: dashboardFilterAgencies(read.agencies) };
}
