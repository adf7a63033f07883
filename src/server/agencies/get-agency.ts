import "server-only";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import type { Db } from "../db/create-client";
import { loadPartnershipAgency } from "./load-agency";
import { planRetirement } from "./retirement-plan";

/** One agency of the administrator's partnership, for its edit and retire pages: what retiring it would do. */
export async function getAgency(db: Db, actor: Actor, agencyId: string) {
  await requirePermission(db, actor, "admin.manage", { entity: "Agency", entityId: agencyId });
  const agency = await loadPartnershipAgency(db, actor, agencyId, "agency.view");
  const retirement = agency.retiredAt ? null : await planRetirement(db, actor, agency);
  return { ...agency, retirement };
}

export type AgencyView = Awaited<ReturnType<typeof getAgency>>;
