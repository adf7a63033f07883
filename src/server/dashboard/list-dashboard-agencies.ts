import "server-only";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import type { Db } from "../db/create-client";
import { REFERRAL_AGENCY_KINDS } from "../stages/referral-targets";
import { agencyDisplayName } from "@/domain/agencies/agency-details";
import type { AgencyKind } from "@/domain/types";

/**
 * The agencies the dashboard can be filtered by: those of the actor's partnership that own stages. A
 * retired agency stays (its past work is in the figures), after the active ones and marked "(retired)".
 * The dashboard's own read gives them (`getDashboard`); this is for the page whose filters did not parse.
 */
export async function listDashboardAgencies(db: Db, actor: Actor): Promise<{ id: string; name: string }[]> {
  await requirePermission(db, actor, "dashboard.view", { entity: "Dashboard" });
  const agencies = await db.agency.findMany({
    where: { partnershipId: actor.partnershipId },
    select: { id: true, name: true, kind: true, retiredAt: true },
    orderBy: { name: "asc" },
  });
  return dashboardFilterAgencies(agencies);
}

/** The filter's agencies from all of the partnership's, in name order. */
export function dashboardFilterAgencies(agencies: { id: string; name: string; kind: AgencyKind; retiredAt: Date | null }[]): { id: string; name: string }[] {
  const owning = agencies.filter((agency) => (REFERRAL_AGENCY_KINDS as readonly AgencyKind[]).includes(agency.kind));
  return [...owning.filter((agency) => !agency.retiredAt), ...owning.filter((agency) => agency.retiredAt)].map((agency) => ({
    id: agency.id,
    name: agencyDisplayName(agency),
  }));
}
