import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { passwordHashLimiter } from "./hash-limiter";
import { hashForMissingAccount, verifyPassword } from "./password";
import type { SignInOutcome } from "./sign-in-outcome";
import { beginSignInAttempt, cancelSignInAttempt, recordSignInSuccess, throttleKeysFor } from "./sign-in-throttle";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

/**
 * Checks an email and password for every way in (the sign-in form and Auth.js's own callback both
 * reach it through authorize()). In order: the throttle, so a locked account or address costs no
 * hash; the password, through the hash limiter; then the result. An unknown email takes the same
 * path with a stand-in hash, so its answers and their timing match a real account's.
 */
export async function signInWithPassword(
  db: Db,
  raw: unknown,
  clientAddress: string,
  now = new Date(),
): Promise<SignInOutcome> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return { kind: "wrong-email-or-password" };
  const { email, password } = parsed.data;
  const keys = throttleKeysFor(email, clientAddress);

  const attempt = await beginSignInAttempt(db, keys, now);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, active: true, passwordHash: true } });
  const audit = (action: "auth.sign_in_failed" | "auth.sign_in_throttled" | "auth.sign_in_busy") =>
    recordAudit(db, null, { action, entity: "User", entityId: user?.id, outcome: "denied" });
  if (!attempt.allowed) {
    await audit("auth.sign_in_throttled");
    return { kind: "too-many-attempts", retryAt: attempt.retryAt };
  }

  const checked = await passwordHashLimiter.run(async () =>
    verifyPassword(password, user?.passwordHash ?? (await hashForMissingAccount())),
  );
  if (checked.busy) {
    await cancelSignInAttempt(db, attempt);
    await audit("auth.sign_in_busy");
    return { kind: "busy" };
  }
  if (!user || !user.active || !checked.value) {
    await audit("auth.sign_in_failed");
    return { kind: "wrong-email-or-password" };
  }
  await recordSignInSuccess(db, attempt);
  // Only the first step: the session is opened, and "auth.sign_in" written, once the code is right.
  await recordAudit(db, null, { action: "auth.password_accepted", entity: "User", entityId: user.id });
  return { kind: "signed-in", userId: user.id };
}
