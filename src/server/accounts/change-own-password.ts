import "server-only";
import { z } from "zod";
import { PASSWORD_MESSAGES } from "@/domain/auth/password-policy";
import { tooManyAttemptsMessage } from "@/domain/auth/sign-in-messages";
import { fieldRefused, ok, refused, type Result } from "@/domain/result";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { newPasswordProblem } from "../auth/common-passwords";
import { endOtherSessionsOfUser } from "../auth/end-session";
import { passwordHashLimiter } from "../auth/hash-limiter";
import { hashPassword, verifyPassword } from "../auth/password";
import { beginSignInAttempt, cancelSignInAttempt, recordSignInSuccess, throttleKeysFor } from "../auth/sign-in-throttle";

const inputSchema = z.object({
  currentPassword: z.string().max(10_000).default(""),
  newPassword: z.string().max(10_000).default(""),
  confirmPassword: z.string().max(10_000).default(""),
});

export type ChangeOwnPasswordContext = { clientAddress: string; sessionId: string };

const BUSY = "The service is busy. Wait a few seconds, then try again.";

/**
 * A signed-in user changes their own password. The current one is checked under the sign-in
 * throttle's own account and address rows, so a stolen session cannot guess it any faster than the
 * sign-in form could. Their other sessions end; the one they are using stays.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  raw: unknown,
  context: ChangeOwnPasswordContext,
  now = new Date(),
): Promise<Result<null>> {
  const input = inputSchema.safeParse(raw);
  if (!input.success) return fieldRefused("newPassword", PASSWORD_MESSAGES.missing);
  const { currentPassword, newPassword, confirmPassword } = input.data;
  if (currentPassword === "") return fieldRefused("currentPassword", "Enter your current password");
  const problem = newPasswordProblem(newPassword, actor.email);
  if (problem) return fieldRefused("newPassword", problem);
  if (newPassword !== confirmPassword) return fieldRefused("confirmPassword", PASSWORD_MESSAGES.mismatch);

  const attempt = await beginSignInAttempt(db, throttleKeysFor(actor.email.trim().toLowerCase(), context.clientAddress), now);
  if (!attempt.allowed) {
    await recordAudit(db, actor, { action: "account.password_change_throttled", entity: "User", entityId: actor.id, outcome: "denied" });
    return refused("too-many-attempts", tooManyAttemptsMessage(attempt.retryAt, now));
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  const checked = await passwordHashLimiter.run(async () => (user.passwordHash ? verifyPassword(currentPassword, user.passwordHash) : false));
  if (checked.busy) {
    await cancelSignInAttempt(db, attempt);
    return refused("too-many-attempts", BUSY);
  }
  if (!checked.value) {
    await recordAudit(db, actor, { action: "account.password_change_failed", entity: "User", entityId: actor.id, outcome: "denied" });
    return { ...fieldRefused("currentPassword", "Your current password is not right"), code: "wrong-password" };
  }
  await recordSignInSuccess(db, attempt);
  const hashed = await passwordHashLimiter.run(() => hashPassword(newPassword));
  if (hashed.busy) return refused("too-many-attempts", BUSY);

  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash: hashed.value, passwordChangedAt: now } });
    await endOtherSessionsOfUser(tx, actor.id, context.sessionId, "CREDENTIALS_CHANGED", now);
    await recordAudit(tx, actor, { action: "account.password_change", entity: "User", entityId: actor.id });
  });
  return ok(null);
}
