import "server-only";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import type { Db } from "../db/create-client";
import { REFERRAL_AGENCY_KINDS } from "../stages/referral-targets";
import { agencyDisplayName } from "@/domain/agencies/agency-details";

/**
 * The agencies the dashboard can be filtered by: those of the actor's partnership that own stages. A
 * retired agency stays (its past work is in the figures), after the active ones and marked "(retired)".
 */
export async function listDashboardAgencies(db: Db, actor: Actor): Promise<{ id: string; name: string }[]> {
  await requirePermission(db, actor, "dashboard.view", { entity: "Dashboard" });
  const agencies = await db.agency.findMany({
    where: { partnershipId: actor.partnershipId, kind: { in: [...REFERRAL_AGENCY_KINDS] } },
    select: { id: true, name: true, retiredAt: true },
    orderBy: { name: "asc" },
  });
  return [...agencies.filter((agency) => !agency.retiredAt), ...agencies.filter((agency) => agency.retiredAt)].map((agency) => ({
    id: agency.id,
    name: agencyDisplayName(agency),
  }));
}
