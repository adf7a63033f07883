import "server-only";
import type { AgencyKind } from "@/domain/types";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import type { Db } from "../db/create-client";
import { OPEN_STAGE_WHERE } from "../pathway/stage-filters";
import { AGENCY_ADMIN_SELECT } from "./load-agency";

export type AgencyListRow = {
  id: string;
  name: string;
  kind: AgencyKind;
  retiredAt: Date | null;
  officeHoursOnly: boolean;
  opensAtMinute: number;
  closesAtMinute: number;
  version: number;
  /** Active accounts only: switched-off ones are history. */
  activeStaff: number;
  openStages: number;
};

/** The administrator's partnership's agencies, active first, then by name. No case content. */
export async function listAgencies(db: Db, actor: Actor): Promise<AgencyListRow[]> {
  await requirePermission(db, actor, "admin.manage", { entity: "Agency" });
  const agencies = await db.agency.findMany({
    where: { partnershipId: actor.partnershipId },
    select: {
      ...AGENCY_ADMIN_SELECT,
      _count: { select: { users: { where: { active: true } }, ownedStages: { where: OPEN_STAGE_WHERE } } },
    },
    orderBy: { name: "asc" },
  });
  return agencies
    .map(({ _count, ...agency }) => ({ ...agency, activeStaff: _count.users, openStages: _count.ownedStages }))
    .sort((a, b) => Number(a.retiredAt !== null) - Number(b.retiredAt !== null));
}
