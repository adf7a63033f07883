import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";

/** How long a break-glass grant shows a person's identity. Short on purpose: open it again if needed. */
export const BREAK_GLASS_MINUTES = 30;

export const BREAK_GLASS_REASON_MIN = 20;
export const BREAK_GLASS_REASON_MAX = 1000;

/** This user's grant on this person that is running at `now`. */
export function activeGrant(actor: Actor, personId: string, now: Date): Prisma.BreakGlassAccessWhereInput {
  return { userId: actor.id, personId, createdAt: { lte: now }, expiresAt: { gt: now } };
}
