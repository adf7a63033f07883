import "server-only";
import { needsActivation } from "@/domain/accounts/account-status";
import { invalid, ok, refused, type Result } from "@/domain/result";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { accountLinkSchema, SWITCHED_OFF_MESSAGE } from "./account-link-input";
import { issueActivationLink, type IssuedActivationLink } from "./issue-activation-link";
import { changeManagedAccount, requireManagedAccount } from "./managed-account";

/**
 * A new activation link for an account not yet activated (the first was lost, or ran out): the
 * earlier link stops working. An activated account gets a password or second-factor reset instead.
 */
export async function reissueActivationLink(
  db: Db,
  actor: Actor,
  rawInput: unknown,
  now = new Date(),
): Promise<Result<{ userId: string; link: IssuedActivationLink }>> {
  await requirePermission(db, actor, "user.manage", { entity: "User", entityId: idFromInput(rawInput, "userId") });
  const parsed = accountLinkSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const account = await requireManagedAccount(db, actor, parsed.data.userId, "user.activation_link");

  return changeManagedAccount(db, actor, { id: account.id, version: parsed.data.version }, async (tx, current) => {
    if (!current.active) return refused("account-switched-off", SWITCHED_OFF_MESSAGE);
    if (!needsActivation({ hasPassword: current.passwordHash !== null, totpEnrolled: current.totpEnrolledAt !== null })) {
      return refused("already-activated", "This account has been activated. To help its owner sign in, reset their password or second factor.");
    }
    await tx.user.update({ where: { id: current.id }, data: { version: { increment: 1 } } });
    const link = await issueActivationLink(tx, { userId: current.id, purpose: "ACTIVATE", issuedById: actor.id }, now);
    await recordAudit(tx, actor, {
      action: "user.activation_link",
      entity: "User",
      entityId: current.id,
      changes: { activationLink: { before: "earlier link", after: "new link issued, earlier ones revoked" } },
    });
    return ok({ userId: current.id, link });
  });
}
