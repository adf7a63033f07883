import "server-only";
import type { ActivationPurpose, Prisma } from "@/generated/prisma/client";
import { ACTIVATION_LINK_LIFETIME_HOURS, activationPath } from "@/domain/auth/activation-link";
import { MS } from "@/domain/time/duration";
import { hashSessionSecret, newSessionSecret } from "../auth/session-secret";

export type IssuedActivationLink = { path: string; expiresAt: Date };

/**
 * A new one-time link for the user (to activate the account, or after a reset), revoking any earlier
 * link of theirs that was not used. The token is random (256 bits) and only its hash is stored, so the
 * path returned here is the only copy: show it once to the administrator, never log or audit it.
 * Call it inside the transaction that makes the account change, so the two stand or fall together.
 */
export async function issueActivationLink(
  tx: Prisma.TransactionClient,
  link: { userId: string; purpose: ActivationPurpose; issuedById: string | null },
  now = new Date(),
): Promise<IssuedActivationLink> {
  await tx.activationLink.updateMany({
    where: { userId: link.userId, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  const token = newSessionSecret();
  const expiresAt = new Date(now.getTime() + ACTIVATION_LINK_LIFETIME_HOURS * MS.HOUR);
  await tx.activationLink.create({
    data: { ...link, tokenHash: hashSessionSecret(token), createdAt: now, expiresAt },
  });
  return { path: activationPath(token), expiresAt };
}
