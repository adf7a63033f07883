import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createUser } from "../../prisma/factories";
import { passwordHashLimiter } from "@/server/auth/hash-limiter";
import { hashPassword } from "@/server/auth/password";
import type { SignInOutcome } from "@/server/auth/sign-in-outcome";
import { signInWithPassword } from "@/server/auth/sign-in-with-password";
import { createPrismaClient } from "@/server/db/create-client";
import { createWorld, MINUTE, type World } from "../support/world";

// The throttle keys are HMACs under the Auth.js secret.

// The password createUser gives every test user.
const RIGHT = "test-password-not-secret";
const WRONG = "not-the-password";
const SECOND = 1_000;

// An email with no account is checked against a stand-in hash, at full cost in the app (so a wrong
// email takes as long as a wrong password: src/server/auth/password.test.ts); here at the cheap
// accounts' cost, like them, so the throttle's rules are checked without minutes of hashing. Mocked
// modules stay mocked through vi.resetModules, so "freshly loaded code" below gets the same.
vi.mock("@/server/auth/password", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/server/auth/password")>();
  const standIn = original.hashPassword("no account has this password", { cost: 2 ** 12 });
  return { ...original, hashForMissingAccount: () => standIn };
});

const db = createPrismaClient();
let world: World;

beforeAll(async () => {
  world = await createWorld(db, "throttle");
});

afterAll(async () => {
  await db.$disconnect();
});

// The throttle's rules do not depend on what a check costs, so most accounts here are hashed cheaply
// (hundreds of checks at full cost took most of a minute); the limiter's test uses the real cost.
const cheapHash = hashPassword(RIGHT, { cost: 2 ** 12 });

let emailCount = 0;
async function newAccount({ realCost = false } = {}) {
  const email = `throttle-${++emailCount}-${world.slug}@test.example`;
  const passwordHash = realCost ? undefined : await cheapHash;
  const user = await createUser(db, { agencyId: world.agencies.POLICE.id, role: "CASEWORKER", email, passwordHash });
  return { email, id: user.id };
}
const unknownEmail = () => `nobody-${++emailCount}-${world.slug}@test.example`;
let addressCount = 0;
const newAddress = () => `198.51.100.${++addressCount}`;

const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
const attempt = (email: string, password: string, address: string, now: Date) =>
  signInWithPassword(db, { email, password }, address, now);

/** Outcomes with times made relative to `base`, so two runs at different times compare equal. */
function relative(outcome: SignInOutcome, base: Date) {
  return outcome.kind === "too-many-attempts" ? { kind: outcome.kind, retryIn: outcome.retryAt.getTime() - base.getTime() } : outcome;
}

/**
 * An attacker sends 200 wrong passwords, one a second, from one address; returns what each got,
 * how many passwords were really checked, and when the last lock ends.
 */
async function guessTwoHundredTimes(email: string, address: string | (() => string), start: Date) {
  const hashesBefore = passwordHashLimiter.stats().hashesRun;
  const outcomes: ReturnType<typeof relative>[] = [];
  let last: SignInOutcome = { kind: "wrong-email-or-password" };
  for (let i = 0; i < 200; i++) {
    last = await attempt(email, WRONG, typeof address === "string" ? address : address(), at(start, i * SECOND));
    outcomes.push(relative(last, start));
  }
  const checked = outcomes.filter((outcome) => outcome.kind === "wrong-email-or-password").length;
  return { outcomes, checked, hashes: passwordHashLimiter.stats().hashesRun - hashesBefore, last };
}

describe("password guessing against one account", () => {
  const start = new Date();
  let account: { email: string; id: string };
  let guesses: Awaited<ReturnType<typeof guessTwoHundredTimes>>;

  it("200 wrong passwords: ten are checked, the rest refused, and the account is locked for 15 minutes", async () => {
    account = await newAccount();
    guesses = await guessTwoHundredTimes(account.email, newAddress(), start);
    expect(guesses.checked).toBe(10);
    expect(guesses.hashes).toBe(10);
    expect(guesses.last.kind).toBe("too-many-attempts");
    // Checked only once each growing delay (0, 0, 0, 2, 4, 8, 16, 32, 64 s) had passed; then 15 minutes from the tenth.
    const checkedAt = guesses.outcomes.flatMap((outcome, second) => (outcome.kind === "wrong-email-or-password" ? [second] : []));
    expect(checkedAt).toEqual([0, 1, 2, 3, 5, 9, 17, 33, 65, 129]);
    expect(guesses.outcomes.at(-1)).toEqual({ kind: "too-many-attempts", retryIn: 129 * SECOND + 15 * MINUTE });
  }, 120_000);

  it("the right password is refused while the lock lasts, from any address, and costs no hash", async () => {
    const lockEnds = at(start, (guesses.outcomes.at(-1) as { retryIn: number }).retryIn);
    const hashesBefore = passwordHashLimiter.stats().hashesRun;
    for (const now of [at(start, 200 * SECOND), at(lockEnds, -SECOND)]) {
      expect(await attempt(account.email, RIGHT, newAddress(), now)).toEqual({ kind: "too-many-attempts", retryAt: lockEnds });
    }
    expect(passwordHashLimiter.stats().hashesRun).toBe(hashesBefore);
  });

  it("the lock holds for a new database client and freshly loaded code, as in another app process", async () => {
    const lockEnds = at(start, (guesses.outcomes.at(-1) as { retryIn: number }).retryIn);
    vi.resetModules();
    const fresh = await import("@/server/auth/sign-in-with-password");
    const otherProcessDb = createPrismaClient();
    try {
      expect(fresh.signInWithPassword).not.toBe(signInWithPassword);
      const outcome = await fresh.signInWithPassword(otherProcessDb, { email: account.email, password: RIGHT }, newAddress(), at(lockEnds, -SECOND));
      expect(outcome).toEqual({ kind: "too-many-attempts", retryAt: lockEnds });
    } finally {
      await otherProcessDb.$disconnect();
    }
  });

  it("once the lock is over the right password signs in, and the count starts again from nothing", async () => {
    const lockEnds = at(start, (guesses.outcomes.at(-1) as { retryIn: number }).retryIn);
    const address = newAddress();
    expect(await attempt(account.email, RIGHT, address, lockEnds)).toEqual({ kind: "signed-in", userId: account.id });
    // Had the count stayed at ten or more, the first wrong password would lock again for 15 minutes.
    const after = [];
    for (let i = 1; i <= 5; i++) after.push(relative(await attempt(account.email, WRONG, address, at(lockEnds, i)), lockEnds));
    expect(after).toEqual([
      { kind: "wrong-email-or-password" },
      { kind: "wrong-email-or-password" },
      { kind: "wrong-email-or-password" },
      { kind: "wrong-email-or-password" },
      { kind: "too-many-attempts", retryIn: 4 + 2 * SECOND },
    ]);
  }, 60_000);

  it("an unknown email gets exactly the same answers, at the same moments, with the same number of hashes", async () => {
    const unknown = await guessTwoHundredTimes(unknownEmail(), newAddress(), start);
    expect(unknown.outcomes).toEqual(guesses.outcomes);
    expect(unknown.hashes).toBe(guesses.hashes);
  }, 120_000);

  it("an attacker changing address on every try is still held to the account's ten", async () => {
    const rotating = await guessTwoHundredTimes(unknownEmail(), newAddress, start);
    expect(rotating.outcomes).toEqual(guesses.outcomes);
  }, 120_000);
});

describe("tries sent all at once", () => {
  it("get no more password checks than tries sent one after another", async () => {
    const account = await newAccount();
    const now = new Date();
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(account.email, WRONG, `203.0.113.${i + 1}`, now)));
    // Three free failures, then the fourth sets a 2-second delay that every other try runs into.
    expect(outcomes.filter((o) => o.kind === "wrong-email-or-password")).toHaveLength(4);
    expect(outcomes.filter((o) => o.kind === "too-many-attempts")).toHaveLength(8);
  }, 60_000);
});

describe("one password tried against many accounts from one address", () => {
  const start = new Date();
  const sprayer = "192.0.2.77";

  it("slows the address after 20 failures an hour, known and unknown emails alike, even for a right password", async () => {
    const victims = [await newAccount(), await newAccount()];
    const outcomes: SignInOutcome[] = [];
    for (let i = 0; i < 21; i++) {
      const email = i % 2 === 0 ? unknownEmail() : (await newAccount()).email;
      outcomes.push(await attempt(email, WRONG, sprayer, at(start, i)));
    }
    expect(outcomes.every((o) => o.kind === "wrong-email-or-password")).toBe(true);
    // The 21st failure set a 1-second delay on the address: every account is refused from it.
    expect(await attempt(victims[0]!.email, RIGHT, sprayer, at(start, 100))).toEqual({
      kind: "too-many-attempts",
      retryAt: at(start, 20 + SECOND),
    });
    // The accounts themselves are not locked: from another address the owner signs in.
    expect(await attempt(victims[0]!.email, RIGHT, newAddress(), at(start, 100))).toEqual({ kind: "signed-in", userId: victims[0]!.id });
    // And the address count also holds for freshly loaded code.
    vi.resetModules();
    const fresh = await import("@/server/auth/sign-in-with-password");
    expect(await fresh.signInWithPassword(db, { email: victims[1]!.email, password: RIGHT }, sprayer, at(start, 200))).toMatchObject({
      kind: "too-many-attempts",
    });
  }, 120_000);

  it("a right password from the address does not wipe what was counted against it", async () => {
    const account = await newAccount();
    const later = at(start, 2 * SECOND);
    expect(await attempt(account.email, RIGHT, sprayer, later)).toEqual({ kind: "signed-in", userId: account.id });
    const next = await attempt(unknownEmail(), WRONG, sprayer, at(later, 1));
    expect(next.kind).toBe("wrong-email-or-password");
    // That was the 22nd counted failure (the success took back only its own try and its delay): a delay follows.
    expect((await attempt(unknownEmail(), WRONG, sprayer, at(later, 2))).kind).toBe("too-many-attempts");
  }, 60_000);
});

describe("what is stored and audited", () => {
  it("audits throttled tries against the account, and stores no email or address in clear", async () => {
    const account = await newAccount();
    const address = "203.0.113.200";
    const now = new Date();
    const stranger = unknownEmail();
    for (let i = 0; i < 5; i++) {
      await attempt(account.email, WRONG, address, now);
      await attempt(stranger, WRONG, address, now);
    }
    const rows = await db.auditEvent.findMany({ where: { entityId: account.id }, select: { action: true, outcome: true } });
    expect(rows.filter((r) => r.action === "auth.sign_in_failed")).toHaveLength(4);
    expect(rows.filter((r) => r.action === "auth.sign_in_throttled")).toHaveLength(1);
    expect(rows.every((r) => r.outcome === "denied")).toBe(true);

    const stored = JSON.stringify(await db.signInThrottle.findMany());
    for (const text of [account.email, stranger, address, "198.51.100", "192.0.2.77"]) expect(stored).not.toContain(text);
    const audit = JSON.stringify(await db.auditEvent.findMany({ where: { action: { startsWith: "auth." } } }), (_k, v) =>
      typeof v === "bigint" ? String(v) : v,
    );
    for (const text of [stranger, WRONG, address]) expect(audit).not.toContain(text);
  }, 60_000);
});

describe("the password hash limiter", () => {
  it("runs at most its concurrency of hashes, answers 'busy' past a full queue, and other work keeps its pace", async () => {
    const { concurrency, queueLimit } = passwordHashLimiter;
    const flood = concurrency + queueLimit + 5;
    const accounts = await Promise.all(Array.from({ length: flood }, () => newAccount({ realCost: true })));
    const now = new Date();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    let peakRunning = 0;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      peakRunning = Math.max(peakRunning, passwordHashLimiter.stats().running);
    }, 20);

    const started = Date.now();
    const answered: Array<{ kind: string; ms: number }> = [];
    const tries = accounts.map(async (account, i) => {
      const outcome = await attempt(account.email, WRONG, `203.0.113.${100 + i}`, now);
      answered.push({ kind: outcome.kind, ms: Date.now() - started });
    });

    // While the hashes run, file reads (libuv's thread pool, as page assets and compression use it)
    // and database queries still answer promptly.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const slowest = { file: 0, query: 0 };
    for (let i = 0; i < 5; i++) {
      let t = Date.now();
      await readFile(new URL("../../package.json", import.meta.url));
      slowest.file = Math.max(slowest.file, Date.now() - t);
      t = Date.now();
      await db.user.count();
      slowest.query = Math.max(slowest.query, Date.now() - t);
    }
    expect(passwordHashLimiter.stats().running).toBe(concurrency);

    await Promise.all(tries);
    clearInterval(sampler);
    expect(peakRunning).toBeLessThanOrEqual(concurrency);
    expect(passwordHashLimiter.stats().peakRunning).toBeLessThanOrEqual(concurrency);
    const busy = answered.filter((a) => a.kind === "busy");
    expect(busy).toHaveLength(flood - concurrency - queueLimit);
    // "Busy" comes back at once: before even the first password check has finished.
    const checked = answered.filter((a) => a.kind === "wrong-email-or-password");
    expect(checked).toHaveLength(concurrency + queueLimit);
    expect(Math.max(...busy.map((a) => a.ms))).toBeLessThan(Math.min(...checked.map((a) => a.ms)));
    // Measured against one hash, not a fixed time, so a busy test machine does not decide it: a file
    // read queued behind the hashes on a full thread pool would wait several hashes long.
    const oneHash = Math.min(...checked.map((a) => a.ms));
    expect(slowest.file).toBeLessThan(oneHash / 2);
    expect(slowest.query).toBeLessThan(oneHash / 2);
    // Each scrypt holds 128 MiB: with at most `concurrency` at once the process grows by about that.
    expect(rssPeak - rssBefore).toBeLessThan((concurrency + 1) * 160 * 1024 * 1024);
  }, 120_000);
});
