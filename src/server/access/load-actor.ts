import "server-only";
import type { Db } from "../db/create-client";
import type { Actor } from "./actor";

/** Reads a user as an Actor; null for an unknown or switched-off account. */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({ where: { id: userId }, include: { agency: true } });
  if (!user || !user.active) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    agencyId: user.agencyId,
    agencyName: user.agency.name,
    agencyKind: user.agency.kind,
    partnershipId: user.agency.partnershipId,
  };
}
