import "server-only";
import { linkPurposeAfterReset } from "@/domain/accounts/account-status";
import { invalid, ok, refused, type Result } from "@/domain/result";
import type { ActivationPurpose } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { idFromInput, recordAudit } from "../audit/record-audit";
import { endSessionsOfUser } from "../auth/end-session";
import type { Db } from "../db/create-client";
import { accountLinkSchema, SWITCHED_OFF_MESSAGE } from "./account-link-input";
import { issueActivationLink, type IssuedActivationLink } from "./issue-activation-link";
import { changeManagedAccount, requireManagedAccount } from "./managed-account";

/**
 * A lost authenticator: in one transaction the TOTP secret and its last step are cleared, every
 * unused recovery code is spent, every session ends, and a one-time link to enrol a new second factor
 * is made. The password stays. The link is returned once, never stored or audited.
 */
export async function resetUserSecondFactor(
  db: Db,
  actor: Actor,
  rawInput: unknown,
  now = new Date(),
): Promise<Result<{ userId: string; link: IssuedActivationLink; purpose: ActivationPurpose }>> {
  await requirePermission(db, actor, "user.manage", { entity: "User", entityId: idFromInput(rawInput, "userId") });
  const parsed = accountLinkSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const account = await requireManagedAccount(db, actor, parsed.data.userId, "user.second_factor_reset");

  return changeManagedAccount(db, actor, { id: account.id, version: parsed.data.version }, async (tx, current) => {
    if (!current.active) return refused("account-switched-off", SWITCHED_OFF_MESSAGE);
    await tx.user.update({
      where: { id: current.id },
      data: { totpSecret: null, totpEnrolledAt: null, totpLastUsedStep: null, version: { increment: 1 } },
    });
    // Marked used rather than deleted: the rows say when each code stopped working.
    await tx.recoveryCode.updateMany({ where: { userId: current.id, usedAt: null }, data: { usedAt: now } });
    await endSessionsOfUser(tx, current.id, "CREDENTIALS_RESET", now);
    const purpose = linkPurposeAfterReset("second-factor", { hasPassword: current.passwordHash !== null, totpEnrolled: false });
    const link = await issueActivationLink(tx, { userId: current.id, purpose, issuedById: actor.id }, now);
    await recordAudit(tx, actor, {
      action: "user.second_factor_reset",
      entity: "User",
      entityId: current.id,
      changes: {
        secondFactor: { before: current.totpEnrolledAt ? "enrolled" : "not enrolled", after: "reset" },
        activationLink: { before: null, after: purpose },
      },
    });
    return ok({ userId: current.id, link, purpose });
  });
}
