import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import type { DashboardFilters } from "./filters";
import { getHeadlines } from "./get-headlines";
import { getTimeliness } from "./get-timeliness";
import { getCompleteness, getMonthlyVolumes } from "./get-volumes";

/** Everything the dashboard page shows for one period and set of filters; each look is audited. */
export async function getDashboard(db: Db, actor: Actor, filters: DashboardFilters, now = new Date()) {
  const [headlines, timeliness, volumes, completeness] = await Promise.all([
    getHeadlines(db, actor, filters, now),
    getTimeliness(db, actor, filters),
    getMonthlyVolumes(db, actor, filters),
    getCompleteness(db, actor, filters),
  ]);
  await recordAudit(db, actor, { action: "dashboard.view", entity: "Dashboard" });
  return { headlines, timeliness, volumes, completeness };
}
