import "server-only";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import type { Db } from "../db/create-client";

/** The agencies the dashboard can be filtered by: those of the actor's partnership that own stages. */
export async function listDashboardAgencies(db: Db, actor: Actor): Promise<{ id: string; name: string }[]> {
  await requirePermission(db, actor, "dashboard.view", { entity: "Dashboard" });
  return db.agency.findMany({
    where: { partnershipId: actor.partnershipId, kind: { in: ["POLICE", "COUNCIL_SAFEGUARDING", "HEALTH", "SALVATION_ARMY", "VCAS", "CHARITY"] } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
