import "server-only";
import { createHmac } from "node:crypto";
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  decideAttempt,
  laterRetry,
  type ThrottlePolicy,
} from "@/domain/auth/sign-in-throttle-policy";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "../db/create-client";
import { authSecret } from "../env";

export type ThrottleKeys = { account: string; address: string };

/**
 * Keys for the throttle table. An HMAC, not the text: the table never holds a typed email (an
 * unknown one may be a real person's private address, or a password typed in the wrong box) nor a
 * client's address, and the key is made the same way whether or not the account exists.
 */
export function throttleKeysFor(normalisedEmail: string, clientAddress: string): ThrottleKeys {
  const secret = authSecret();
  const hmac = (text: string) => createHmac("sha256", secret).update(text).digest("base64url");
  return { account: `account:${hmac(`account:${normalisedEmail}`)}`, address: `address:${hmac(`address:${clientAddress}`)}` };
}

/**
 * Keys for guessing second-factor codes: their own rows, so wrong codes and wrong passwords are
 * counted apart, under the same policy. The account is the user (only a right password gets this far).
 */
export function secondFactorThrottleKeysFor(userId: string, clientAddress: string): ThrottleKeys {
  const secret = authSecret();
  const hmac = (text: string) => createHmac("sha256", secret).update(text).digest("base64url");
  return { account: `code-account:${hmac(`code-account:${userId}`)}`, address: `code-address:${hmac(`code-address:${clientAddress}`)}` };
}

type Row = { key: string; failures: number; windowStartedAt: Date; blockedUntil: Date | null };

/** What an allowed try changed, so that a success or a cancelled check can take exactly that back. */
type CountedTry = { key: string; blockedUntilBefore: Date | null; blockedUntilAfter: Date | null };

export type AttemptStart = { allowed: true; keys: ThrottleKeys; counted: CountedTry[] } | { allowed: false; retryAt: Date };
export type AllowedAttempt = Extract<AttemptStart, { allowed: true }>;

/**
 * Asks to check one password. Both rows are locked for the decision, in key order (so two tries
 * never wait on each other in a circle), and an allowed try is counted as a failure before the hash
 * runs: a hundred tries sent at once get no more checks than a hundred sent one by one.
 */
export async function beginSignInAttempt(db: Db, keys: ThrottleKeys, now: Date): Promise<AttemptStart> {
  if (Math.random() < 0.05) await forgetExpiredThrottles(db);
  const policies = new Map<string, ThrottlePolicy>([
    [keys.account, ACCOUNT_POLICY],
    [keys.address, ADDRESS_POLICY],
  ]);
  const sortedKeys = [...policies.keys()].sort();
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "SignInThrottle" ("key", "failures", "windowStartedAt", "expiresAt")
      VALUES ${Prisma.join(sortedKeys.map((key) => Prisma.sql`(${key}, 0, ${now}, ${now})`))}
      ON CONFLICT ("key") DO NOTHING`;
    const rows = await tx.$queryRaw<Row[]>`
      SELECT "key", "failures", "windowStartedAt", "blockedUntil" FROM "SignInThrottle"
      WHERE "key" IN (${Prisma.join(sortedKeys)}) ORDER BY "key" FOR UPDATE`;
    const decisions = rows.map((row) => ({ row, decision: decideAttempt(policies.get(row.key)!, row, now) }));
    let retryAt: Date | null = null;
    for (const { decision } of decisions) if (!decision.allowed) retryAt = laterRetry(retryAt, decision.retryAt);
    if (retryAt) return { allowed: false, retryAt };
    const counted: CountedTry[] = [];
    for (const { row, decision } of decisions) {
      if (!decision.allowed) continue;
      await tx.signInThrottle.update({ where: { key: row.key }, data: { ...decision.next, expiresAt: decision.expiresAt } });
      counted.push({ key: row.key, blockedUntilBefore: row.blockedUntil, blockedUntilAfter: decision.next.blockedUntil });
    }
    return { allowed: true, keys, counted };
  });
}

/**
 * The password was right: the account starts counting again from nothing. The address only gets
 * back the one try counted in advance (and any delay that try set); one good account must not wipe
 * out what was counted against others from the same address.
 */
export async function recordSignInSuccess(db: Db, attempt: AllowedAttempt): Promise<void> {
  await db.$transaction([
    db.signInThrottle.deleteMany({ where: { key: attempt.keys.account } }),
    ...takeBack(db, attempt.counted.filter((counted) => counted.key === attempt.keys.address)),
  ]);
}

/** No password was checked after all (the hashing queue was full): give the counted try back. */
export async function cancelSignInAttempt(db: Db, attempt: AllowedAttempt): Promise<void> {
  await db.$transaction(takeBack(db, attempt.counted));
}

// The delay goes back only if no other try has set a new one since.
function takeBack(db: Db, counted: CountedTry[]) {
  return counted.flatMap(({ key, blockedUntilBefore, blockedUntilAfter }) => [
    db.signInThrottle.updateMany({ where: { key, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } }),
    db.signInThrottle.updateMany({ where: { key, blockedUntil: blockedUntilAfter }, data: { blockedUntil: blockedUntilBefore } }),
  ]);
}

/** Rows whose window and lock are both over count for nothing. The database's clock, not a caller's. */
export async function forgetExpiredThrottles(db: Db): Promise<void> {
  await db.$executeRaw`DELETE FROM "SignInThrottle" WHERE "expiresAt" < now()`;
}
