// How failed sign-ins slow down the next try, per account and per client address. Pure rules; the
// counts live in Postgres (src/server/auth/sign-in-throttle.ts). Why these numbers:
// docs/decisions/0005-sign-in-throttling.md.

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

export type ThrottlePolicy = {
  /** Failures in a window before any delay: room for typing mistakes. */
  freeFailures: number;
  /** The delay after the first failure past the free ones; it doubles with each failure after that. */
  firstDelayMs: number;
  /** From this many failures in a window, every further failure locks for `lockMs`. */
  lockAtFailures: number;
  lockMs: number;
  /** Counting starts again this long after the window's first failure. */
  windowMs: number;
};

/** One person's account: three typing mistakes free, then 2 s, 4 s … 64 s, then 15-minute locks. */
export const ACCOUNT_POLICY: ThrottlePolicy = {
  freeFailures: 3,
  firstDelayMs: 2 * SECOND,
  lockAtFailures: 10,
  lockMs: 15 * MINUTE,
  windowMs: 24 * 60 * MINUTE,
};

/**
 * One client address, across every email tried from it (one password sprayed over many accounts).
 * An office behind one address shares it, so the free allowance is wide and the window short.
 */
export const ADDRESS_POLICY: ThrottlePolicy = {
  freeFailures: 20,
  firstDelayMs: 1 * SECOND,
  lockAtFailures: 30,
  lockMs: 15 * MINUTE,
  windowMs: 60 * MINUTE,
};

export type ThrottleState = {
  failures: number;
  windowStartedAt: Date;
  blockedUntil: Date | null;
};

/** How long after the `failures`-th failure in a window the next try must wait. */
export function delayAfterFailures(policy: ThrottlePolicy, failures: number): number {
  if (failures >= policy.lockAtFailures) return policy.lockMs;
  if (failures <= policy.freeFailures) return 0;
  return Math.min(policy.firstDelayMs * 2 ** (failures - policy.freeFailures - 1), policy.lockMs);
}

export type AttemptDecision =
  | { allowed: true; next: ThrottleState; expiresAt: Date }
  | { allowed: false; retryAt: Date };

/**
 * Decides a new try. An allowed try is counted as a failure before the password is checked, so that
 * tries sent all at once cannot slip past the count; a success takes it back afterwards. A refused
 * try is not counted: it checked nothing.
 */
export function decideAttempt(policy: ThrottlePolicy, state: ThrottleState | null, now: Date): AttemptDecision {
  if (state?.blockedUntil && state.blockedUntil > now) return { allowed: false, retryAt: state.blockedUntil };
  const windowOver = !state || now.getTime() >= state.windowStartedAt.getTime() + policy.windowMs;
  const failures = windowOver ? 1 : state.failures + 1;
  const windowStartedAt = windowOver ? now : state.windowStartedAt;
  const delay = delayAfterFailures(policy, failures);
  const blockedUntil = delay > 0 ? new Date(now.getTime() + delay) : null;
  return { allowed: true, next: { failures, windowStartedAt, blockedUntil }, expiresAt: expiryOf(policy, windowStartedAt, blockedUntil) };
}

/** When a row of this state can be forgotten: its window is over and it blocks nothing. */
export function expiryOf(policy: ThrottlePolicy, windowStartedAt: Date, blockedUntil: Date | null): Date {
  const windowEnd = windowStartedAt.getTime() + policy.windowMs;
  return new Date(Math.max(windowEnd, blockedUntil?.getTime() ?? 0));
}

/** The later of two refusals: the try may go ahead only when both have passed. */
export function laterRetry(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}
