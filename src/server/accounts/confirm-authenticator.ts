import "server-only";
import { z } from "zod";
import { normaliseTotpCode } from "@/domain/auth/totp-steps";
import { fieldRefused, ok, refused, type Result } from "@/domain/result";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { endSessionsOfUser } from "../auth/end-session";
import { replaceRecoveryCodes } from "../auth/recovery-codes";
import { checkTotp, newTotpSecret } from "../auth/totp";
import { openTotpSecret, sealTotpSecret } from "../auth/totp-secret-box";
import { findUsableActivationLink, nextActivationStep, useUpActivationLink, type UsableActivationLink } from "./get-activation-link";
import { LINK_NOT_USABLE } from "./set-activation-password";

const WRONG_ENROLMENT_CODE = "The code is not right. Check the app shows Victim Care Pathway, then enter the code it shows now.";

/**
 * The secret being set up through this link, made on first sight and kept (encrypted) on the link,
 * so a reload or a second tab shows the same QR code. Nothing is given to the user's account until
 * a code from it is confirmed.
 */
export async function pendingTotpSecretFor(db: Db, link: UsableActivationLink): Promise<string> {
  if (!link.pendingTotpSecret) {
    await db.activationLink.updateMany({
      where: { id: link.id, pendingTotpSecret: null },
      data: { pendingTotpSecret: sealTotpSecret(link.userId, newTotpSecret()) },
    });
  }
  const { pendingTotpSecret } = await db.activationLink.findUniqueOrThrow({ where: { id: link.id }, select: { pendingTotpSecret: true } });
  const secret = pendingTotpSecret ? openTotpSecret(link.userId, pendingTotpSecret) : null;
  if (!secret) throw new Error("The pending TOTP secret could not be decrypted");
  return secret;
}

const inputSchema = z.object({ token: z.string().max(100).default(""), code: z.string().max(100).default("") });

/**
 * The last step of a new account (ACTIVATE) or of a lost authenticator (RESET_SECOND_FACTOR): a
 * code from the app proves it holds the secret. In one transaction: the link is used up (two tabs
 * cannot both finish), the secret (and for a new account the password) reach the user, ten new
 * recovery codes replace any old ones, the user's other sessions end, and the audit row is written.
 * The step of the confirming code counts as used. The recovery codes are returned to show once.
 */
export async function confirmAuthenticator(db: Db, raw: unknown, now = new Date()): Promise<Result<{ recoveryCodes: string[] }>> {
  const input = inputSchema.safeParse(raw);
  const link = input.success ? await findUsableActivationLink(db, input.data.token, now) : null;
  if (!input.success || !link || nextActivationStep(link) !== "authenticator" || !link.pendingTotpSecret) {
    return refused("link-not-usable", LINK_NOT_USABLE);
  }
  const code = normaliseTotpCode(input.data.code);
  if (!code) return fieldRefused("code", "Enter the 6-digit code your authenticator app shows");
  const secret = openTotpSecret(link.userId, link.pendingTotpSecret);
  if (!secret) throw new Error("The pending TOTP secret could not be decrypted");
  const check = checkTotp(secret, code, now, null);
  if (!check.ok) return { ...fieldRefused("code", WRONG_ENROLMENT_CODE), code: "wrong-code" };

  const recoveryCodes = await db.$transaction(async (tx) => {
    if (!(await useUpActivationLink(tx, link.id, now))) return null;
    await tx.user.update({
      where: { id: link.userId },
      data: {
        totpSecret: link.pendingTotpSecret,
        totpEnrolledAt: now,
        totpLastUsedStep: check.step,
        ...(link.purpose === "ACTIVATE" ? { passwordHash: link.pendingPasswordHash, passwordChangedAt: now } : {}),
      },
    });
    const codes = await replaceRecoveryCodes(tx, link.userId, now);
    await endSessionsOfUser(tx, link.userId, "CREDENTIALS_CHANGED", now);
    await recordAudit(tx, null, {
      action: link.purpose === "ACTIVATE" ? "account.activate" : "account.second_factor_reset",
      entity: "User",
      entityId: link.userId,
    });
    return codes;
  });
  return recoveryCodes ? ok({ recoveryCodes }) : refused("link-not-usable", LINK_NOT_USABLE);
}
