import "server-only";
import type { Db } from "../db/create-client";
import type { Actor } from "./actor";

/**
 * The columns an Actor needs, and nothing more: the password hash and the TOTP secret are read only
 * by sign-in, never on an ordinary request. One statement (relation joins).
 */
export const ACTOR_SELECT = {
  id: true,
  name: true,
  email: true,
  role: true,
  active: true,
  agencyId: true,
  agency: { select: { name: true, kind: true, partnershipId: true } },
} as const;

export type ActorRow = {
  id: string;
  name: string;
  email: string;
  role: Actor["role"];
  active: boolean;
  agencyId: string;
  agency: { name: string; kind: Actor["agencyKind"]; partnershipId: string };
};

/** Reads a user as an Actor; null for an unknown or switched-off account. */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: ACTOR_SELECT });
  return user ? actorFromRow(user) : null;
}

/** A user row (ACTOR_SELECT here, or the same columns in SQL with the session: check-session.ts) as an Actor; null when switched off. */
export function actorFromRow(user: ActorRow): Actor | null {
  if (!user.active) return null;
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
