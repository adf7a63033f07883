import "server-only";
import { z } from "zod";
import { PASSWORD_MESSAGES } from "@/domain/auth/password-policy";
import { fieldRefused, ok, refused, type Result } from "@/domain/result";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { newPasswordProblem } from "../auth/common-passwords";
import { endSessionsOfUser } from "../auth/end-session";
import { passwordHashLimiter } from "../auth/hash-limiter";
import { hashPassword } from "../auth/password";
import { findUsableActivationLink, nextActivationStep, useUpActivationLink } from "./get-activation-link";

export const LINK_NOT_USABLE = "This link does not work. Ask your administrator for a new one.";

const inputSchema = z.object({
  token: z.string().max(100).default(""),
  password: z.string().max(10_000).default(""),
  confirmPassword: z.string().max(10_000).default(""),
});

/**
 * The password step of a link. For a new account (ACTIVATE) the hash is kept on the link until the
 * authenticator is set up, so nothing about the user changes until the last step. For a password
 * reset it is the last step: the password is set, the link used, and the user's other sessions end,
 * in one transaction.
 */
export async function setActivationPassword(db: Db, raw: unknown, now = new Date()): Promise<Result<{ finished: boolean }>> {
  const input = inputSchema.safeParse(raw);
  const link = input.success ? await findUsableActivationLink(db, input.data.token, now) : null;
  if (!input.success || !link || nextActivationStep(link) !== "password") return refused("link-not-usable", LINK_NOT_USABLE);
  const { password, confirmPassword } = input.data;
  const problem = newPasswordProblem(password, link.email);
  if (problem) return fieldRefused("password", problem);
  if (password !== confirmPassword) return fieldRefused("confirmPassword", PASSWORD_MESSAGES.mismatch);

  const hashed = await passwordHashLimiter.run(() => hashPassword(password));
  if (hashed.busy) return refused("too-many-attempts", "The service is busy. Wait a few seconds, then try again.");

  if (link.purpose === "ACTIVATE") {
    const { count } = await db.activationLink.updateMany({
      where: { id: link.id, usedAt: null, revokedAt: null },
      data: { pendingPasswordHash: hashed.value },
    });
    if (count !== 1) return refused("link-not-usable", LINK_NOT_USABLE);
    return ok({ finished: false });
  }

  const finished = await db.$transaction(async (tx) => {
    if (!(await useUpActivationLink(tx, link.id, now))) return false;
    await tx.user.update({ where: { id: link.userId }, data: { passwordHash: hashed.value, passwordChangedAt: now } });
    await endSessionsOfUser(tx, link.userId, "CREDENTIALS_CHANGED", now);
    await recordAudit(tx, null, { action: "account.password_reset", entity: "User", entityId: link.userId });
    return true;
  });
  return finished ? ok({ finished: true }) : refused("link-not-usable", LINK_NOT_USABLE);
}
