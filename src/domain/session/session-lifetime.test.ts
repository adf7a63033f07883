import { describe, expect, it } from "vitest";
import { expiredBecause, lastSeenIsStale, SESSION_LIFETIME_MS, sessionDeadline } from "./session-lifetime";

const MINUTE = 60_000;
const signedIn = new Date("2026-12-01T09:00:00Z");
const at = (minutes: number) => new Date(signedIn.getTime() + minutes * MINUTE);
const times = (lastSeenMinutes: number, idleTimeoutMinutes = 30) => ({
  lastSeenAt: at(lastSeenMinutes),
  expiresAt: new Date(signedIn.getTime() + SESSION_LIFETIME_MS),
  idleTimeoutMinutes,
});

describe("expiredBecause", () => {
  it("keeps a session alive until the idle timeout has fully passed", () => {
    expect(expiredBecause(times(0), at(29.9))).toBeNull();
    expect(expiredBecause(times(0), at(30))).toBe("IDLE");
    expect(expiredBecause(times(0, 5), at(5))).toBe("IDLE");
  });

  it("ends a busy session 8 hours after sign-in however recent the activity", () => {
    expect(expiredBecause(times(479), at(479.9))).toBeNull();
    expect(expiredBecause(times(479.9), at(480))).toBe("EXPIRED");
  });
});

describe("sessionDeadline", () => {
  it("is the idle timeout after last seen", () => {
    expect(sessionDeadline(times(10))).toEqual(at(40));
    expect(sessionDeadline(times(10, 120))).toEqual(at(130));
  });

  it("never goes past the absolute expiry", () => {
    expect(sessionDeadline(times(470))).toEqual(at(480));
  });
});

describe("lastSeenIsStale", () => {
  it("writes last-seen at most once a minute", () => {
    expect(lastSeenIsStale(at(0), at(0.99))).toBe(false);
    expect(lastSeenIsStale(at(0), at(1))).toBe(true);
  });
});
