import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../prisma/factories";
import { DEMO_TOTP_SECRET } from "../../prisma/demo-accounts";
import { totpStepAt } from "@/domain/auth/totp-steps";
import { beginSignIn } from "@/server/auth/begin-sign-in";
import { completeSignIn } from "@/server/auth/complete-sign-in";
import { hashPassword } from "@/server/auth/password";
import { replaceRecoveryCodes } from "@/server/auth/recovery-codes";
import { hashSessionSecret } from "@/server/auth/session-secret";
import { totpCodeForStep } from "@/server/auth/totp";
import { createPrismaClient } from "@/server/db/create-client";
import { createWorld, MINUTE, type World } from "../support/world";

const PASSWORD = "a long test password (fictional)";
const db = createPrismaClient();
let world: World;
// Cheap for tests: what is under test is the second step, not the hash.
const cheapHash = hashPassword(PASSWORD, { cost: 2 ** 12 });

beforeAll(async () => {
  world = await createWorld(db, "second-factor");
});
afterAll(async () => {
  await db.$disconnect();
});

let count = 0;
let addressCount = 0;
const newAddress = () => `203.0.113.${++addressCount}`;
async function account({ enrolled = true } = {}) {
  const email = `code-${++count}-${world.slug}@test.example`;
  const user = await createUser(db, {
    agencyId: world.agencies.POLICE.id,
    role: "CASEWORKER",
    email,
    passwordHash: await cheapHash,
    totpSecret: enrolled ? DEMO_TOTP_SECRET : null,
  });
  return { email, id: user.id };
}

async function challengeFor(email: string, now = new Date(), address = newAddress()): Promise<string> {
  const outcome = await beginSignIn(db, { email, password: PASSWORD }, address, now);
  if (outcome.kind !== "code-needed") throw new Error(`expected a challenge, got ${outcome.kind}`);
  return outcome.challenge;
}
const codeAt = (now: Date, offsetSteps = 0) => totpCodeForStep(DEMO_TOTP_SECRET, totpStepAt(now) + offsetSteps);
const auditActions = async (userId: string) =>
  (await db.auditEvent.findMany({ where: { entityId: userId }, orderBy: { id: "asc" } })).map((row) => `${row.action}:${row.outcome}`);

describe("signing in: the password, then the code", () => {
  it("opens no session and keeps no secret for a right password: only a hashed, short challenge bound to the user", async () => {
    const user = await account();
    const now = new Date();
    const outcome = await beginSignIn(db, { email: user.email, password: PASSWORD }, newAddress(), now);

    expect(outcome).toMatchObject({ kind: "code-needed", expiresAt: new Date(now.getTime() + 5 * MINUTE) });
    const challenge = (outcome as { challenge: string }).challenge;
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    const rows = await db.signInChallenge.findMany({ where: { userId: user.id } });
    expect(rows).toEqual([expect.objectContaining({ secretHash: hashSessionSecret(challenge), usedAt: null })]);
    expect(JSON.stringify(rows)).not.toContain(challenge);
    expect(await auditActions(user.id)).toEqual(["auth.password_accepted:allowed"]);
  });

  it("refuses a user with no second factor yet, after the password, and makes no challenge", async () => {
    const user = await account({ enrolled: false });
    expect(await beginSignIn(db, { email: user.email, password: PASSWORD }, newAddress())).toEqual({ kind: "not-enrolled" });
    expect(await db.signInChallenge.count({ where: { userId: user.id } })).toBe(0);
    expect(await auditActions(user.id)).toEqual(["auth.password_accepted:allowed", "auth.sign_in_not_enrolled:denied"]);
  });

  it("signs in with the right code once; the challenge and the code are then used up", async () => {
    const user = await account();
    const now = new Date();
    const challenge = await challengeFor(user.email, now);

    expect(await completeSignIn(db, { challenge, code: codeAt(now) }, newAddress(), now)).toEqual({ kind: "signed-in", userId: user.id });
    expect(await completeSignIn(db, { challenge, code: codeAt(now, 1) }, newAddress(), now)).toEqual({ kind: "challenge-expired" });

    // The same code with a fresh challenge: a replay.
    const again = await challengeFor(user.email, now);
    expect(await completeSignIn(db, { challenge: again, code: codeAt(now) }, newAddress(), now)).toEqual({ kind: "code-used" });
    // An older step than the one used is refused the same way.
    expect(await completeSignIn(db, { challenge: again, code: codeAt(now, -1) }, newAddress(), now)).toEqual({ kind: "code-used" });
    // The next step's code still works.
    expect(await completeSignIn(db, { challenge: again, code: codeAt(now, 1) }, newAddress(), now)).toMatchObject({ kind: "signed-in" });
    expect((await auditActions(user.id)).filter((action) => action.startsWith("auth.s"))).toEqual([
      "auth.sign_in:allowed",
      "auth.second_factor_expired:denied",
      "auth.second_factor_replayed:denied",
      "auth.second_factor_replayed:denied",
      "auth.sign_in:allowed",
    ]);
  });

  it("lets only one of two requests with the same code win", async () => {
    const user = await account();
    const now = new Date();
    const [first, second] = [await challengeFor(user.email, now), await challengeFor(user.email, now)];
    const outcomes = await Promise.all([first, second].map((challenge) => completeSignIn(db, { challenge, code: codeAt(now) }, newAddress(), now)));
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(["code-used", "signed-in"]);
  });

  it("accepts one step either side of now and no further", async () => {
    const user = await account();
    const now = new Date();
    const challenge = await challengeFor(user.email, now);
    expect(await completeSignIn(db, { challenge, code: codeAt(now, 2) }, newAddress(), now)).toEqual({ kind: "wrong-code" });
    expect(await completeSignIn(db, { challenge, code: codeAt(now, -2) }, newAddress(), now)).toEqual({ kind: "wrong-code" });
    expect(await completeSignIn(db, { challenge, code: "12345" }, newAddress(), now)).toEqual({ kind: "wrong-code" });
    expect(await completeSignIn(db, { challenge, code: codeAt(now, -1) }, newAddress(), now)).toMatchObject({ kind: "signed-in" });
  });

  it("refuses a challenge after five minutes, and one whose user was switched off", async () => {
    const user = await account();
    const now = new Date();
    const challenge = await challengeFor(user.email, now);
    const later = new Date(now.getTime() + 5 * MINUTE + 1);
    expect(await completeSignIn(db, { challenge, code: codeAt(later) }, newAddress(), later)).toEqual({ kind: "challenge-expired" });

    const fresh = await challengeFor(user.email, now);
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await completeSignIn(db, { challenge: fresh, code: codeAt(now) }, newAddress(), now)).toEqual({ kind: "challenge-expired" });
  });

  it("throttles wrong codes like passwords, under keys of their own: the right code is refused during the lock", async () => {
    const user = await account();
    const start = new Date();
    const address = newAddress();
    // The challenge lasts five minutes; the guesses below take longer, so they cannot be what refuses.
    const challenge = await challengeFor(user.email, new Date(start.getTime() + 10 * MINUTE), address);
    // Ten wrong codes, each try waiting out the delay the one before set (as a patient guesser would).
    let now = start;
    let wrong = 0;
    while (wrong < 10) {
      const outcome = await completeSignIn(db, { challenge, code: "000000" }, address, now);
      if (outcome.kind === "too-many-attempts") now = outcome.retryAt;
      else {
        expect(outcome.kind).toBe("wrong-code");
        wrong++;
      }
    }
    const locked = await completeSignIn(db, { challenge, code: codeAt(now) }, address, now);
    expect(locked).toMatchObject({ kind: "too-many-attempts" });
    expect((locked as { retryAt: Date }).retryAt.getTime() - now.getTime()).toBeGreaterThan(14 * MINUTE);
    expect(await auditActions(user.id)).toContain("auth.second_factor_throttled:denied");
    // The password's own count is untouched: the password still gets a new challenge at once.
    expect(await beginSignIn(db, { email: user.email, password: PASSWORD }, address, now)).toMatchObject({ kind: "code-needed" });
  });

  it("accepts each recovery code once, and only the user's own", async () => {
    const user = await account();
    const other = await account();
    const now = new Date();
    const codes = await db.$transaction((tx) => replaceRecoveryCodes(tx, user.id, now));
    const othersCodes = await db.$transaction((tx) => replaceRecoveryCodes(tx, other.id, now));
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(JSON.stringify(await db.recoveryCode.findMany({ where: { userId: user.id } }))).not.toContain(codes[0]!.replaceAll("-", ""));

    const challenge = await challengeFor(user.email, now);
    expect(await completeSignIn(db, { challenge, code: othersCodes[0], method: "recovery" }, newAddress(), now)).toEqual({ kind: "wrong-code" });
    expect(await completeSignIn(db, { challenge, code: codes[0]!.toUpperCase(), method: "recovery" }, newAddress(), now)).toMatchObject({ kind: "signed-in" });
    const again = await challengeFor(user.email, now);
    expect(await completeSignIn(db, { challenge: again, code: codes[0], method: "recovery" }, newAddress(), now)).toEqual({ kind: "code-used" });
    expect(await completeSignIn(db, { challenge: again, code: codes[1], method: "recovery" }, newAddress(), now)).toMatchObject({ kind: "signed-in" });
    expect(await auditActions(user.id)).toContain("auth.recovery_code_used:denied");
  });

  it("signs nobody in with an email and password where the code step expects a challenge (Auth.js's callback)", async () => {
    const user = await account();
    expect(await completeSignIn(db, { email: user.email, password: PASSWORD }, newAddress())).toEqual({ kind: "challenge-expired" });
    expect(await completeSignIn(db, { challenge: "made-up", code: codeAt(new Date()) }, newAddress())).toEqual({ kind: "challenge-expired" });
  });
});
