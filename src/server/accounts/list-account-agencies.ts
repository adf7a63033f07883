import "server-only";
import type { AgencyKind } from "@/domain/types";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import type { Db } from "../db/create-client";

export type AccountAgency = { id: string; name: string; kind: AgencyKind; retired: boolean };

/** The partnership's agencies, retired ones too (for filtering); forms offer only those not retired. */
export async function listAccountAgencies(db: Db, actor: Actor): Promise<AccountAgency[]> {
  await requirePermission(db, actor, "user.manage", { entity: "User" });
  const agencies = await db.agency.findMany({
    where: { partnershipId: actor.partnershipId },
    select: { id: true, name: true, kind: true, retiredAt: true },
    orderBy: { name: "asc" },
  });
  return agencies.map(({ retiredAt, ...agency }) => ({ ...agency, retired: retiredAt !== null }));
}
