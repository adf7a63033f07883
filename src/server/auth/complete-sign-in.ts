import "server-only";
import { z } from "zod";
import { normaliseTotpCode } from "@/domain/auth/totp-steps";
import { recordAudit, type AuditAction } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { hashRecoveryCode, normaliseRecoveryCode } from "./recovery-codes";
import { hashSessionSecret } from "./session-secret";
import type { SecondFactorOutcome } from "./sign-in-outcome";
import { beginSignInAttempt, recordSignInSuccess, secondFactorThrottleKeysFor } from "./sign-in-throttle";
import { checkTotp } from "./totp";
import { openTotpSecret } from "./totp-secret-box";

const inputSchema = z.object({
  challenge: z.string().min(1).max(100),
  code: z.string().max(100).default(""),
  method: z.enum(["totp", "recovery"]).default("totp"),
});

type CodeVerdict = "ok" | "wrong-code" | "code-used";

/**
 * Sign-in's second step, and the only way to a session: Auth.js's authorize() calls it, from the
 * code form's action and from Auth.js's own callback endpoint alike, and accepts nothing else (an
 * email and password there sign nobody in). The challenge must be unused, in time and its user
 * still active; the code is throttled like passwords, under its own keys; a TOTP step or a recovery
 * code is used up with a conditional update, so two requests with one code cannot both win; and the
 * challenge is used up the same way, so it opens one session at most.
 */
export async function completeSignIn(db: Db, raw: unknown, clientAddress: string, now = new Date()): Promise<SecondFactorOutcome> {
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return { kind: "challenge-expired" };
  const { challenge: secret, code, method } = parsed.data;
  const challenge = await db.signInChallenge.findUnique({
    where: { secretHash: hashSessionSecret(secret) },
    select: { id: true, usedAt: true, expiresAt: true, user: { select: { id: true, active: true, totpSecret: true, totpLastUsedStep: true } } },
  });
  const audit = (action: AuditAction, userId: string | undefined) =>
    recordAudit(db, null, { action, entity: "User", entityId: userId, outcome: action === "auth.sign_in" ? "allowed" : "denied" });
  if (!challenge || challenge.usedAt || challenge.expiresAt <= now || !challenge.user.active || !challenge.user.totpSecret) {
    await audit("auth.second_factor_expired", challenge?.user.id);
    return { kind: "challenge-expired" };
  }
  const { user } = challenge;

  const attempt = await beginSignInAttempt(db, secondFactorThrottleKeysFor(user.id, clientAddress), now);
  if (!attempt.allowed) {
    await audit("auth.second_factor_throttled", user.id);
    return { kind: "too-many-attempts", retryAt: attempt.retryAt };
  }

  const verdict =
    method === "recovery"
      ? await redeemRecoveryCode(db, user.id, code, now)
      : await redeemTotpCode(db, { id: user.id, totpSecret: user.totpSecret!, totpLastUsedStep: user.totpLastUsedStep }, code, now);
  if (verdict !== "ok") {
    await audit(verdict === "code-used" ? "auth.second_factor_replayed" : "auth.second_factor_failed", user.id);
    return { kind: verdict };
  }

  const { count } = await db.signInChallenge.updateMany({ where: { id: challenge.id, usedAt: null }, data: { usedAt: now } });
  if (count !== 1) {
    await audit("auth.second_factor_expired", user.id);
    return { kind: "challenge-expired" };
  }
  await recordSignInSuccess(db, attempt);
  if (method === "recovery") await audit("auth.recovery_code_used", user.id);
  await audit("auth.sign_in", user.id);
  return { kind: "signed-in", userId: user.id };
}

async function redeemTotpCode(
  db: Db,
  user: { id: string; totpSecret: string; totpLastUsedStep: number | null },
  typed: string,
  now: Date,
): Promise<CodeVerdict> {
  const code = normaliseTotpCode(typed);
  if (!code) return "wrong-code";
  const secret = openTotpSecret(user.id, user.totpSecret);
  // A secret that does not open is a fault (AUTH_SECRET changed, or the row was tampered with), not a wrong code.
  if (!secret) throw new Error("The user's TOTP secret could not be decrypted");
  const check = checkTotp(secret, code, now, user.totpLastUsedStep);
  if (!check.ok) return check.reason;
  const { count } = await db.user.updateMany({
    where: { id: user.id, OR: [{ totpLastUsedStep: null }, { totpLastUsedStep: { lt: check.step } }] },
    data: { totpLastUsedStep: check.step },
  });
  return count === 1 ? "ok" : "code-used";
}

async function redeemRecoveryCode(db: Db, userId: string, typed: string, now: Date): Promise<CodeVerdict> {
  const code = normaliseRecoveryCode(typed);
  if (!code) return "wrong-code";
  const codeHash = hashRecoveryCode(code);
  const { count } = await db.recoveryCode.updateMany({ where: { userId, codeHash, usedAt: null }, data: { usedAt: now } });
  if (count === 1) return "ok";
  const used = await db.recoveryCode.count({ where: { userId, codeHash } });
  return used > 0 ? "code-used" : "wrong-code";
}
