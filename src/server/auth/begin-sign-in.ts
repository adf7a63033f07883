import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { hashSessionSecret, newSessionSecret } from "./session-secret";
import type { SignInOutcome } from "./sign-in-outcome";
import { signInWithPassword } from "./sign-in-with-password";

/** How long the code page waits for the code after the password was right. */
export const SIGN_IN_CHALLENGE_MINUTES = 5;

export type BeginSignInOutcome =
  | Exclude<SignInOutcome, { kind: "signed-in" }>
  | { kind: "not-enrolled" }
  /** `challenge` goes into a cookie that signs nobody in; only its hash is stored. */
  | { kind: "code-needed"; challenge: string; expiresAt: Date };

/**
 * Sign-in's first step: the password, throttled and audited by signInWithPassword. A right password
 * opens no session: it makes a challenge, single use and a few minutes long, bound to the user,
 * which the code page redeems with a code (completeSignIn). A user with no second factor yet is
 * refused here: they finish setting up their account with the activation link first.
 */
export async function beginSignIn(db: Db, raw: unknown, clientAddress: string, now = new Date()): Promise<BeginSignInOutcome> {
  const outcome = await signInWithPassword(db, raw, clientAddress, now);
  if (outcome.kind !== "signed-in") return outcome;
  const user = await db.user.findUniqueOrThrow({ where: { id: outcome.userId }, select: { totpSecret: true } });
  if (!user.totpSecret) {
    await recordAudit(db, null, { action: "auth.sign_in_not_enrolled", entity: "User", entityId: outcome.userId, outcome: "denied" });
    return { kind: "not-enrolled" };
  }
  const challenge = newSessionSecret();
  const expiresAt = new Date(now.getTime() + SIGN_IN_CHALLENGE_MINUTES * 60_000);
  await db.signInChallenge.create({ data: { secretHash: hashSessionSecret(challenge), userId: outcome.userId, createdAt: now, expiresAt } });
  if (Math.random() < 0.05) await db.signInChallenge.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 24 * 3_600_000) } } });
  return { kind: "code-needed", challenge, expiresAt };
}
