import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../prisma/factories";
import { PASSWORD_MESSAGES } from "@/domain/auth/password-policy";
import { totpStepAt } from "@/domain/auth/totp-steps";
import type { Actor } from "@/server/access/actor";
import { loadActor } from "@/server/access/load-actor";
import { changeOwnPassword } from "@/server/accounts/change-own-password";
import { confirmAuthenticator, pendingTotpSecretFor } from "@/server/accounts/confirm-authenticator";
import { findUsableActivationLink } from "@/server/accounts/get-activation-link";
import { issueActivationLink } from "@/server/accounts/issue-activation-link";
import { setActivationPassword } from "@/server/accounts/set-activation-password";
import type { ActivationPurpose } from "@/generated/prisma/client";
import { beginSignIn } from "@/server/auth/begin-sign-in";
import { completeSignIn } from "@/server/auth/complete-sign-in";
import { verifyPassword } from "@/server/auth/password";
import { replaceRecoveryCodes } from "@/server/auth/recovery-codes";
import { throttleKeysFor } from "@/server/auth/sign-in-throttle";
import { startSession } from "@/server/auth/start-session";
import { totpCodeForStep } from "@/server/auth/totp";
import { openTotpSecret } from "@/server/auth/totp-secret-box";
import { createPrismaClient } from "@/server/db/create-client";
import { createWorld, MINUTE, type World } from "../support/world";

const NEW_PASSWORD = "lantern orchard pebble";
const db = createPrismaClient();
let world: World;

beforeAll(async () => {
  world = await createWorld(db, "activation");
});
afterAll(async () => {
  await db.$disconnect();
});

let count = 0;
/** A user as an administrator creates one: no password and no second factor yet. */
async function newAccount() {
  const email = `new.caseworker-${++count}-${world.slug}@test.example`;
  const user = await createUser(db, { agencyId: world.agencies.POLICE.id, role: "CASEWORKER", email, totpSecret: null });
  await db.user.update({ where: { id: user.id }, data: { passwordHash: null } });
  return { id: user.id, email };
}
const tokenOf = (path: string) => path.replace("/activate/", "");
async function linkFor(userId: string, purpose: ActivationPurpose, now = new Date()) {
  return tokenOf((await db.$transaction((tx) => issueActivationLink(tx, { userId, purpose, issuedById: null }, now))).path);
}
const codeFor = (secret: string, now: Date, offset = 0) => totpCodeForStep(secret, totpStepAt(now) + offset);
async function openSessions(userId: string) {
  return db.session.count({ where: { userId, endedAt: null } });
}
async function auditOf(userId: string) {
  return (await db.auditEvent.findMany({ where: { entityId: userId, action: { startsWith: "account." } }, orderBy: { id: "asc" } })).map((r) => r.action);
}
async function enrolment(token: string) {
  const link = await findUsableActivationLink(db, token, new Date());
  if (!link) throw new Error("link does not work");
  return pendingTotpSecretFor(db, link);
}

describe("activating a new account", () => {
  it("sets a password, then confirms an authenticator and returns ten recovery codes; only then does the account change, and the link is used", async () => {
    const user = await newAccount();
    const token = await linkFor(user.id, "ACTIVATE");
    await startSession(db, user.id);

    expect(await setActivationPassword(db, { token, password: "short", confirmPassword: "short" })).toMatchObject({
      code: "invalid-input",
      fieldErrors: { password: PASSWORD_MESSAGES.tooShort },
    });
    expect(await setActivationPassword(db, { token, password: "qwertyuiop123", confirmPassword: "qwertyuiop123" })).toMatchObject({
      fieldErrors: { password: PASSWORD_MESSAGES.common },
    });
    const named = user.email.split("@")[0] + "!";
    expect(await setActivationPassword(db, { token, password: named, confirmPassword: named })).toMatchObject({
      fieldErrors: { password: PASSWORD_MESSAGES.containsEmail },
    });
    expect(await setActivationPassword(db, { token, password: NEW_PASSWORD, confirmPassword: "something else" })).toMatchObject({
      fieldErrors: { confirmPassword: PASSWORD_MESSAGES.mismatch },
    });
    expect(await setActivationPassword(db, { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toEqual({ ok: true, data: { finished: false } });
    // Nothing reached the account yet.
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ passwordHash: null, totpSecret: null });

    const secret = await enrolment(token);
    expect(await enrolment(token)).toBe(secret);
    const now = new Date();
    expect(await confirmAuthenticator(db, { token, code: codeFor(secret, now, 3) }, now)).toMatchObject({ ok: false, code: "wrong-code" });
    const done = await confirmAuthenticator(db, { token, code: codeFor(secret, now) }, now);
    expect(done).toMatchObject({ ok: true });
    const codes = (done as { data: { recoveryCodes: string[] } }).data.recoveryCodes;
    expect(codes).toHaveLength(10);

    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpSecret).not.toContain(secret);
    expect(openTotpSecret(user.id, stored.totpSecret!)).toBe(secret);
    expect(await verifyPassword(NEW_PASSWORD, stored.passwordHash!)).toBe(true);
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10);
    expect(await openSessions(user.id)).toBe(0);
    expect(await auditOf(user.id)).toEqual(["account.activate"]);
    expect(await db.activationLink.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ pendingPasswordHash: null, pendingTotpSecret: null });

    // The link is used up.
    expect(await findUsableActivationLink(db, token, now)).toBeNull();
    expect(await confirmAuthenticator(db, { token, code: codeFor(secret, now, 1) }, now)).toMatchObject({ ok: false, code: "link-not-usable" });

    // They can sign in; the code that confirmed the app cannot be used again.
    const started = await beginSignIn(db, { email: user.email, password: NEW_PASSWORD }, "192.0.2.10", now);
    expect(started).toMatchObject({ kind: "code-needed" });
    const challenge = (started as { challenge: string }).challenge;
    expect(await completeSignIn(db, { challenge, code: codeFor(secret, now) }, "192.0.2.10", now)).toEqual({ kind: "code-used" });
    expect(await completeSignIn(db, { challenge, code: codeFor(secret, now, 1) }, "192.0.2.10", now)).toMatchObject({ kind: "signed-in" });
  });

  it("lets only one of two tabs finish", async () => {
    const user = await newAccount();
    const token = await linkFor(user.id, "ACTIVATE");
    await setActivationPassword(db, { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    const secret = await enrolment(token);
    const now = new Date();
    const results = await Promise.all([
      confirmAuthenticator(db, { token, code: codeFor(secret, now) }, now),
      confirmAuthenticator(db, { token, code: codeFor(secret, now, 1) }, now),
    ]);
    expect(results.map((result) => (result.ok ? "ok" : result.code)).sort()).toEqual(["link-not-usable", "ok"]);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(10);
    expect(await auditOf(user.id)).toEqual(["account.activate"]);
  });

  it("refuses, all alike, a link that is unknown, expired, revoked, or for a switched-off user", async () => {
    const user = await newAccount();
    const issuedAt = new Date(Date.now() - 73 * 60 * MINUTE);
    const expired = await linkFor(user.id, "ACTIVATE", issuedAt);
    expect(await setActivationPassword(db, { token: expired, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toMatchObject({ code: "link-not-usable" });

    const revoked = await linkFor(user.id, "ACTIVATE");
    const current = await linkFor(user.id, "ACTIVATE");
    const refusals = await Promise.all(
      [revoked, "not-a-real-token-at-all-0123456789", ""].map((token) => setActivationPassword(db, { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })),
    );
    expect(refusals).toEqual(refusals.map(() => ({ ok: false, code: "link-not-usable", formError: "This link does not work. Ask your administrator for a new one.", fieldErrors: {} })));

    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await findUsableActivationLink(db, current, new Date())).toBeNull();
    expect(await setActivationPassword(db, { token: current, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toMatchObject({ code: "link-not-usable" });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ passwordHash: null });
  });
});

describe("resets", () => {
  async function activeAccount() {
    const user = await createUser(db, { agencyId: world.agencies.POLICE.id, role: "CASEWORKER", email: `reset-${++count}-${world.slug}@test.example` });
    return user;
  }

  it("a password reset sets the password, leaves the second factor, ends every session and is audited", async () => {
    const user = await activeAccount();
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    await startSession(db, user.id);
    const token = await linkFor(user.id, "RESET_PASSWORD");
    expect(await setActivationPassword(db, { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toEqual({ ok: true, data: { finished: true } });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(NEW_PASSWORD, after.passwordHash!)).toBe(true);
    expect(after.totpSecret).toBe(before.totpSecret);
    expect(await openSessions(user.id)).toBe(0);
    expect(await db.session.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ endReason: "CREDENTIALS_CHANGED" });
    expect(await auditOf(user.id)).toEqual(["account.password_reset"]);
    expect(await setActivationPassword(db, { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toMatchObject({ code: "link-not-usable" });
  });

  it("a second-factor reset enrols a new secret; the old codes and recovery codes stop working", async () => {
    const user = await activeAccount();
    const oldCodes = await db.$transaction((tx) => replaceRecoveryCodes(tx, user.id, new Date()));
    const token = await linkFor(user.id, "RESET_SECOND_FACTOR");
    // No password step for this link.
    expect(await setActivationPassword(db, { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toMatchObject({ code: "link-not-usable" });
    const secret = await enrolment(token);
    const now = new Date();
    const done = await confirmAuthenticator(db, { token, code: codeFor(secret, now) }, now);
    expect(done).toMatchObject({ ok: true });
    const newCodes = (done as { data: { recoveryCodes: string[] } }).data.recoveryCodes;
    expect(newCodes.some((code) => oldCodes.includes(code))).toBe(false);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(10);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(openTotpSecret(user.id, stored.totpSecret!)).toBe(secret);
    expect(await auditOf(user.id)).toEqual(["account.second_factor_reset"]);
  });
});

describe("changing one's own password", () => {
  it("needs the current password, counts wrong ones like sign-in, and ends the other sessions only", async () => {
    const user = await createUser(db, { agencyId: world.agencies.POLICE.id, role: "CASEWORKER", email: `change-${++count}-${world.slug}@test.example` });
    const actor = (await loadActor(db, user.id)) as Actor;
    const current = await startSession(db, user.id);
    await startSession(db, user.id);
    const currentId = (await db.session.findFirstOrThrow({ where: { userId: user.id }, orderBy: { createdAt: "asc" } })).id;
    expect(current).toBeTruthy();
    const context = { clientAddress: "192.0.2.50", sessionId: currentId };
    const form = (currentPassword: string, newPassword = NEW_PASSWORD) => ({ currentPassword, newPassword, confirmPassword: newPassword });

    expect(await changeOwnPassword(db, actor, form("test-password-not-secret", "password12345"), context)).toMatchObject({ fieldErrors: { newPassword: PASSWORD_MESSAGES.common } });
    expect(await changeOwnPassword(db, actor, form("not my password"), context)).toMatchObject({ code: "wrong-password", fieldErrors: { currentPassword: expect.any(String) } });
    expect(await changeOwnPassword(db, actor, form("test-password-not-secret"), context)).toEqual({ ok: true, data: null });

    expect(await openSessions(user.id)).toBe(1);
    expect(await db.session.findUniqueOrThrow({ where: { id: currentId } })).toMatchObject({ endedAt: null });
    expect(await auditOf(user.id)).toEqual(["account.password_change_failed", "account.password_change"]);
  });

  it("is refused while the account is locked for wrong passwords, even with the right current password", async () => {
    const user = await createUser(db, { agencyId: world.agencies.POLICE.id, role: "CASEWORKER", email: `locked-${++count}-${world.slug}@test.example` });
    const actor = (await loadActor(db, user.id)) as Actor;
    const context = { clientAddress: "192.0.2.51", sessionId: "00000000-0000-0000-0000-000000000000" };
    // Three wrong passwords at sign-in, and a fourth here: the next try must wait.
    for (let i = 0; i < 3; i++) await beginSignIn(db, { email: actor.email, password: `wrong ${i}` }, context.clientAddress);
    await changeOwnPassword(db, actor, { currentPassword: "wrong again", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, context);
    // The fourth failure locks the account for 2 s from when it began; a password hash can take longer
    // than that on a loaded machine, so the lock is moved on a minute, standing in for a next try that
    // comes quickly. The lock itself must be there.
    const { account } = throttleKeysFor(actor.email.toLowerCase(), context.clientAddress);
    const locked = await db.signInThrottle.findUniqueOrThrow({ where: { key: account } });
    expect(locked.blockedUntil).not.toBeNull();
    await db.signInThrottle.update({ where: { key: account }, data: { blockedUntil: new Date(Date.now() + MINUTE) } });
    expect(
      await changeOwnPassword(db, actor, { currentPassword: "test-password-not-secret", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, context),
    ).toMatchObject({ code: "too-many-attempts" });
  });
});
