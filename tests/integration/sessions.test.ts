import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_LIFETIME_MS } from "../../src/domain/session/session-lifetime";
import type { Actor } from "../../src/server/access/actor";
import { getIdleTimeoutSettings, updateIdleTimeoutSettings } from "../../src/server/admin/idle-timeout";
import { checkSession, isSessionLive } from "../../src/server/auth/check-session";
import { endSession, endSessionsOfUser } from "../../src/server/auth/end-session";
import { hashSessionSecret } from "../../src/server/auth/session-secret";
import { setUserActive } from "../../src/server/auth/set-user-active";
import { startSession } from "../../src/server/auth/start-session";
import { createPrismaClient } from "../../src/server/db/create-client";
import { ForbiddenError } from "../../src/server/errors";
import { createWorld, HOUR, MINUTE, type World } from "../support/world";

// The server-side session rules, on real Postgres: each "request" is a checkSession call, as
// getSessionUserId makes for every page, action and /api/live.
const db = createPrismaClient();
let world: World;
let caseworker: Actor;
let admin: Actor;
const signedInAt = new Date("2026-12-01T09:00:00Z");
const at = (ms: number) => new Date(signedInAt.getTime() + ms);

beforeAll(async () => {
  world = await createWorld(db, "sessions");
  caseworker = await world.actor("POLICE");
  admin = await world.actor("PARTNERSHIP", "ADMINISTRATOR");
});

afterAll(async () => {
  await db.$disconnect();
});

const row = (secret: string) => db.session.findUniqueOrThrow({ where: { secretHash: hashSessionSecret(secret) } });

describe("a session", () => {
  it("stores only a hash of the cookie's secret, and the secret alone finds it", async () => {
    const secret = await startSession(db, caseworker.id, signedInAt);

    const stored = await row(secret);
    expect(stored).toMatchObject({ userId: caseworker.id, lastSeenAt: signedInAt, expiresAt: at(SESSION_LIFETIME_MS), endedAt: null });
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(await checkSession(db, secret, { now: at(MINUTE) })).toMatchObject({ userId: caseworker.id, sessionId: stored.id });
    expect(await checkSession(db, `${secret}x`, { now: at(MINUTE) })).toBeNull();
  });

  it("ends at sign-out for every copy of the cookie, and stays ended", async () => {
    const secret = await startSession(db, caseworker.id, signedInAt);
    const copied = secret;

    await endSession(db, secret, "SIGNED_OUT", at(5 * MINUTE));

    expect(await checkSession(db, copied, { now: at(5 * MINUTE + 1), activity: true })).toBeNull();
    expect(await row(secret)).toMatchObject({ endedAt: at(5 * MINUTE), endReason: "SIGNED_OUT", lastSeenAt: signedInAt });
    // A later sign-out or timeout does not rewrite why it ended.
    await endSession(db, secret, "IDLE", at(HOUR));
    expect(await row(secret)).toMatchObject({ endedAt: at(5 * MINUTE), endReason: "SIGNED_OUT" });
  });

  it("ends 8 hours after sign-in however busy the user is", async () => {
    const secret = await startSession(db, caseworker.id, signedInAt);
    for (let t = 10 * MINUTE; t < SESSION_LIFETIME_MS; t += 10 * MINUTE) {
      expect(await checkSession(db, secret, { now: at(t), activity: true }), `at ${t / MINUTE} min`).not.toBeNull();
    }
    expect(await row(secret)).toMatchObject({ expiresAt: at(SESSION_LIFETIME_MS), endedAt: null });

    expect(await checkSession(db, secret, { now: at(SESSION_LIFETIME_MS), activity: true })).toBeNull();
    expect(await row(secret)).toMatchObject({ endReason: "EXPIRED", expiresAt: at(SESSION_LIFETIME_MS) });
  });

  it("ends after 30 idle minutes by default; activity moves the idle clock, at most once a minute", async () => {
    const secret = await startSession(db, caseworker.id, signedInAt);

    // Activity 20 s after the last write is not written: a busy user costs one UPDATE a minute.
    expect((await checkSession(db, secret, { now: at(20_000), activity: true }))?.deadline).toEqual(at(30 * MINUTE));
    expect((await row(secret)).lastSeenAt).toEqual(signedInAt);
    const touched = await checkSession(db, secret, { now: at(20 * MINUTE), activity: true });
    expect(touched?.deadline).toEqual(at(50 * MINUTE));
    expect((await row(secret)).lastSeenAt).toEqual(at(20 * MINUTE));

    expect(await checkSession(db, secret, { now: at(49 * MINUTE) })).not.toBeNull();
    expect(await checkSession(db, secret, { now: at(50 * MINUTE), activity: true })).toBeNull();
    expect(await row(secret)).toMatchObject({ endReason: "IDLE", endedAt: at(50 * MINUTE), lastSeenAt: at(20 * MINUTE) });
  });

  it("is not kept alive by background requests (live stream, refreshes, prefetches, the session endpoint)", async () => {
    const secret = await startSession(db, caseworker.id, signedInAt);
    for (let t = MINUTE; t < 30 * MINUTE; t += MINUTE) {
      expect(await checkSession(db, secret, { now: at(t), activity: false })).toMatchObject({ deadline: at(30 * MINUTE) });
    }
    expect((await row(secret)).lastSeenAt).toEqual(signedInAt);
    expect(await isSessionLive(db, (await row(secret)).id, at(30 * MINUTE))).toBe(false);
    expect(await checkSession(db, secret, { now: at(30 * MINUTE) })).toBeNull();
    expect((await row(secret)).endReason).toBe("IDLE");
  });

  it("ends every session of a user switched off through setUserActive, on their very next request", async () => {
    const user = await world.actor("HEALTH");
    const office = await startSession(db, user.id, signedInAt);
    const laptop = await startSession(db, user.id, signedInAt);
    const colleague = await startSession(db, caseworker.id, signedInAt);
    expect(await checkSession(db, office, { now: at(MINUTE) })).not.toBeNull();

    await setUserActive(db, user.id, false, at(2 * MINUTE));

    expect(await checkSession(db, office, { now: at(2 * MINUTE), activity: true })).toBeNull();
    expect(await checkSession(db, laptop, { now: at(2 * MINUTE) })).toBeNull();
    expect(await row(laptop)).toMatchObject({ endReason: "USER_SWITCHED_OFF", endedAt: at(2 * MINUTE) });
    expect(await checkSession(db, colleague, { now: at(2 * MINUTE) })).not.toBeNull();
    // Switching them back on does not bring an ended session back: they sign in again.
    await setUserActive(db, user.id, true);
    expect(await checkSession(db, office, { now: at(3 * MINUTE) })).toBeNull();
    expect(await checkSession(db, await startSession(db, user.id, at(3 * MINUTE)), { now: at(4 * MINUTE) })).not.toBeNull();
  });

  it("is refused when the user was switched off by a write from outside the app", async () => {
    const user = await world.actor("VCAS");
    const secret = await startSession(db, user.id, signedInAt);
    await db.user.update({ where: { id: user.id }, data: { active: false } });

    expect(await checkSession(db, secret, { now: at(MINUTE) })).toBeNull();
    expect((await row(secret)).endReason).toBe("USER_SWITCHED_OFF");
    expect(await endSessionsOfUser(db, user.id, "USER_SWITCHED_OFF")).toBe(0);
  });
});

describe("the idle timeout setting", () => {
  it("is 30 minutes until the administrator changes it; sessions follow the new value on their next request, audited", async () => {
    const other = await createWorld(db, "sessions-other");
    const otherUser = await other.actor("POLICE");
    const mine = await startSession(db, caseworker.id, signedInAt);
    const theirs = await startSession(db, otherUser.id, signedInAt);
    expect(await getIdleTimeoutSettings(db, admin)).toEqual({ idleTimeoutMinutes: 30 });

    expect(await updateIdleTimeoutSettings(db, admin, { idleTimeoutMinutes: "10" })).toEqual({ ok: true, data: { idleTimeoutMinutes: 10 } });

    expect(await db.auditEvent.count({ where: { userId: admin.id, action: "settings.idle_timeout_update", entityId: world.partnership.id } })).toBe(1);
    expect((await checkSession(db, theirs, { now: at(11 * MINUTE) }))?.idleTimeoutMinutes).toBe(30);
    expect(await checkSession(db, mine, { now: at(11 * MINUTE) })).toBeNull();
    expect((await row(mine)).endReason).toBe("IDLE");
    await updateIdleTimeoutSettings(db, admin, { idleTimeoutMinutes: "30" });
  });

  it.each([
    ["4", "Enter 5 minutes or more"],
    ["121", "Enter 120 minutes or fewer"],
    ["0x10", "Enter the minutes as a whole number from 5 to 120, using digits only"],
    ["1e2", "Enter the minutes as a whole number from 5 to 120, using digits only"],
    ["12.5", "Enter the minutes as a whole number from 5 to 120, using digits only"],
    ["-10", "Enter the minutes as a whole number from 5 to 120, using digits only"],
    ["  ", "Enter how many minutes without activity sign a user out"],
    [undefined, "Enter how many minutes without activity sign a user out"],
  ])("refuses %j next to the field, changing nothing", async (value, message) => {
    const result = await updateIdleTimeoutSettings(db, admin, { idleTimeoutMinutes: value });

    expect(result).toMatchObject({ ok: false, fieldErrors: { idleTimeoutMinutes: message } });
    expect(await getIdleTimeoutSettings(db, admin)).toEqual({ idleTimeoutMinutes: 30 });
  });

  it("is the administrator's alone to read or change", async () => {
    await expect(updateIdleTimeoutSettings(db, caseworker, { idleTimeoutMinutes: "120" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getIdleTimeoutSettings(db, caseworker)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await getIdleTimeoutSettings(db, admin)).toEqual({ idleTimeoutMinutes: 30 });
  });

  it("cannot be stored out of bounds even by a write from outside the app", async () => {
    await expect(db.partnership.update({ where: { id: world.partnership.id }, data: { idleTimeoutMinutes: 100_000 } })).rejects.toThrow(
      /idleTimeoutMinutes_bounds/,
    );
  });
});
