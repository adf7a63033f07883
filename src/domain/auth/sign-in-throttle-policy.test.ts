import { describe, expect, it } from "vitest";
import { ACCOUNT_POLICY, ADDRESS_POLICY, decideAttempt, delayAfterFailures, type ThrottleState } from "./sign-in-throttle-policy";

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const start = new Date("2026-12-01T09:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);

describe("delays after failed sign-ins to one account", () => {
  it("lets three typing mistakes through, then doubles from 2 s, then locks for 15 minutes", () => {
    const delays = Array.from({ length: 12 }, (_, i) => delayAfterFailures(ACCOUNT_POLICY, i + 1) / SECOND);
    expect(delays).toEqual([0, 0, 0, 2, 4, 8, 16, 32, 64, 900, 900, 900]);
  });
});

describe("delays after failed sign-ins from one address", () => {
  it("allows 20 failures an hour, then doubles from 1 s, then locks for 15 minutes from the 30th", () => {
    expect(delayAfterFailures(ADDRESS_POLICY, 20)).toBe(0);
    expect(delayAfterFailures(ADDRESS_POLICY, 21)).toBe(1 * SECOND);
    expect(delayAfterFailures(ADDRESS_POLICY, 29)).toBe(256 * SECOND);
    expect(delayAfterFailures(ADDRESS_POLICY, 30)).toBe(15 * MINUTE);
  });
});

describe("deciding a try", () => {
  it("counts each allowed try and refuses, without counting, until the delay has passed", () => {
    let state: ThrottleState | null = null;
    let now = start;
    for (let i = 0; i < 4; i++) {
      const decision = decideAttempt(ACCOUNT_POLICY, state, now);
      if (!decision.allowed) throw new Error(`try ${i + 1} refused`);
      state = decision.next;
    }
    expect(state).toEqual({ failures: 4, windowStartedAt: start, blockedUntil: at(2 * SECOND) });
    now = at(1 * SECOND);
    expect(decideAttempt(ACCOUNT_POLICY, state, now)).toEqual({ allowed: false, retryAt: at(2 * SECOND) });
    const after = decideAttempt(ACCOUNT_POLICY, state, at(2 * SECOND));
    expect(after).toMatchObject({ allowed: true, next: { failures: 5, blockedUntil: at(6 * SECOND) } });
  });

  it("keeps locking, one 15-minute lock per try, until the window is over", () => {
    const locked: ThrottleState = { failures: 10, windowStartedAt: start, blockedUntil: at(20 * MINUTE) };
    expect(decideAttempt(ACCOUNT_POLICY, locked, at(19 * MINUTE))).toEqual({ allowed: false, retryAt: at(20 * MINUTE) });
    expect(decideAttempt(ACCOUNT_POLICY, locked, at(20 * MINUTE))).toMatchObject({
      allowed: true,
      next: { failures: 11, blockedUntil: at(35 * MINUTE) },
    });
  });

  it("starts counting again once the window is over", () => {
    const old: ThrottleState = { failures: 9, windowStartedAt: start, blockedUntil: at(5 * MINUTE) };
    const decision = decideAttempt(ACCOUNT_POLICY, old, at(24 * 60 * MINUTE));
    expect(decision).toEqual({
      allowed: true,
      next: { failures: 1, windowStartedAt: at(24 * 60 * MINUTE), blockedUntil: null },
      expiresAt: at(48 * 60 * MINUTE),
    });
  });

  it("keeps a row until both its window and its lock are over", () => {
    const decision = decideAttempt(ADDRESS_POLICY, { failures: 29, windowStartedAt: start, blockedUntil: null }, at(55 * MINUTE));
    expect(decision).toMatchObject({ allowed: true, expiresAt: at(70 * MINUTE) });
  });
});
