// The rules of a sign-in session, apart from where sessions are stored (src/server/auth/).

/** A shift is 8 hours; counted from sign-in, and nothing extends it. */
export const SESSION_LIFETIME_MS = 8 * 60 * 60_000;

export const DEFAULT_IDLE_TIMEOUT_MINUTES = 30;
export const MIN_IDLE_TIMEOUT_MINUTES = 5;
export const MAX_IDLE_TIMEOUT_MINUTES = 120;

/** GOV.UK's timeout warning: shown this long before the session ends. */
export const IDLE_WARNING_MS = 2 * 60_000;

/**
 * Last-seen is written at most this often per session, so a busy user costs one UPDATE a minute, not
 * one per request. The idle clock may therefore start up to this much before the last activity.
 */
export const LAST_SEEN_WRITE_INTERVAL_MS = 60_000;

export type SessionEndReason = "SIGNED_OUT" | "IDLE" | "EXPIRED" | "USER_SWITCHED_OFF" | "CREDENTIALS_RESET" | "CREDENTIALS_CHANGED";

export type SessionTimes = {
  lastSeenAt: Date;
  expiresAt: Date;
  idleTimeoutMinutes: number;
};

/** When the session ends if nothing happens: idle timeout from last seen, never after the absolute expiry. */
export function sessionDeadline({ lastSeenAt, expiresAt, idleTimeoutMinutes }: SessionTimes): Date {
  return new Date(Math.min(lastSeenAt.getTime() + idleTimeoutMinutes * 60_000, expiresAt.getTime()));
}

/** Why a session still open in the database has run out by `now`, or null while it is alive. */
export function expiredBecause(times: SessionTimes, now: Date): "IDLE" | "EXPIRED" | null {
  if (now.getTime() >= times.expiresAt.getTime()) return "EXPIRED";
  if (now.getTime() >= times.lastSeenAt.getTime() + times.idleTimeoutMinutes * 60_000) return "IDLE";
  return null;
}

/** Whether activity at `now` should be written, given when last-seen was last written. */
export function lastSeenIsStale(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_WRITE_INTERVAL_MS;
}
