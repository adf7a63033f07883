import "server-only";
import type { ActivationPurpose } from "@/generated/prisma/client";
import type { Db } from "../db/create-client";
import { hashSessionSecret } from "../auth/session-secret";

export type UsableActivationLink = {
  id: string;
  purpose: ActivationPurpose;
  userId: string;
  email: string;
  pendingPasswordHash: string | null;
  pendingTotpSecret: string | null;
};

type LinkDb = Pick<Db, "activationLink">;

/**
 * The link a token names, if it still works: not used, not revoked, not expired, its user not
 * switched off. Anything else is null, one answer for every reason, so the page says nothing that
 * helps someone trying tokens.
 */
export async function findUsableActivationLink(db: LinkDb, token: string, now: Date): Promise<UsableActivationLink | null> {
  if (token.length === 0 || token.length > 100) return null;
  const link = await db.activationLink.findUnique({
    where: { tokenHash: hashSessionSecret(token) },
    select: {
      id: true,
      purpose: true,
      userId: true,
      usedAt: true,
      revokedAt: true,
      expiresAt: true,
      pendingPasswordHash: true,
      pendingTotpSecret: true,
      user: { select: { email: true, active: true } },
    },
  });
  if (!link || link.usedAt || link.revokedAt || link.expiresAt <= now || !link.user.active) return null;
  return {
    id: link.id,
    purpose: link.purpose,
    userId: link.userId,
    email: link.user.email,
    pendingPasswordHash: link.pendingPasswordHash,
    pendingTotpSecret: link.pendingTotpSecret,
  };
}

/** What the link's holder does next: choose a password, or set up the authenticator app. */
export function nextActivationStep(link: UsableActivationLink): "password" | "authenticator" {
  if (link.purpose === "RESET_PASSWORD") return "password";
  if (link.purpose === "ACTIVATE" && !link.pendingPasswordHash) return "password";
  return "authenticator";
}

/**
 * Marks the link used, inside the transaction of the step that finishes it. Conditional, so two tabs
 * finishing at once leave one winner: false means another request finished (or the link was revoked
 * or expired) first, and the caller must roll back.
 */
export async function useUpActivationLink(tx: LinkDb, linkId: string, now: Date): Promise<boolean> {
  const { count } = await tx.activationLink.updateMany({
    where: { id: linkId, usedAt: null, revokedAt: null, expiresAt: { gt: now }, user: { active: true } },
    data: { usedAt: now, pendingPasswordHash: null, pendingTotpSecret: null },
  });
  return count === 1;
}
