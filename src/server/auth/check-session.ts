import "server-only";
import { expiredBecause, lastSeenIsStale, sessionDeadline, type SessionEndReason, type SessionTimes } from "@/domain/session/session-lifetime";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { ACTOR_SELECT, actorFromRow } from "../access/load-actor";
import type { Db } from "../db/create-client";
import { endSessionById } from "./end-session";
import { hashSessionSecret } from "./session-secret";

export type LiveSession = {
  sessionId: string;
  userId: string;
  /** When the session ends if nothing more happens (idle timeout, capped by the absolute expiry). */
  deadline: Date;
  /** Sign-in plus 8 hours. */
  expiresAt: Date;
  idleTimeoutMinutes: number;
  /** The signed-in user, read with the session row (the same statement). */
  actor: Actor;
  /** How many of the user's notices are unread, read with the session row too (the header on every page). */
  unread: number;
};

export type CheckSessionOptions = {
  now?: Date;
  /** The request is the user doing something (a page load, a server action): move the idle clock. */
  activity?: boolean;
};

type SessionDb = Pick<Db, "session">;

/**
 * The server's answer to "is this cookie signed in?", asked on every request. A session that was
 * signed out, has passed 8 hours, has been idle longer than the partnership's timeout, or whose user
 * was switched off is refused; the last three are ended here so the row says why. Only activity moves
 * last-seen, and only once a minute; nothing moves the absolute expiry.
 */
export async function checkSession(db: SessionDb, secret: string, options: CheckSessionOptions = {}): Promise<LiveSession | null> {
  const { now = new Date(), activity = false } = options;
  const row = await findOpenSession(db, { secretHash: hashSessionSecret(secret) }, true);
  if (!row) return null;
  const reason = refusalReason(row, now);
  if (reason) {
    await endSessionById(db, row.id, reason, now);
    return null;
  }
  let { lastSeenAt } = row.times;
  if (activity && lastSeenIsStale(lastSeenAt, now)) {
    // Conditional, so a sign-out landing at the same moment is not undone.
    const { count } = await db.session.updateMany({ where: { id: row.id, endedAt: null, lastSeenAt: { lt: now } }, data: { lastSeenAt: now } });
    if (count === 1) lastSeenAt = now;
    else if (!(await findOpenSession(db, { id: row.id }))) return null;
  }
  const actor = row.user ? actorFromRow(row.user) : null;
  if (!actor) return null;
  return {
    sessionId: row.id,
    userId: row.userId,
    deadline: sessionDeadline({ ...row.times, lastSeenAt }),
    expiresAt: row.times.expiresAt,
    idleTimeoutMinutes: row.times.idleTimeoutMinutes,
    actor,
    unread: row.unread,
  };
}

/** For a long-lived response (the live event stream): is this session still open and in time? Writes nothing. */
export async function isSessionLive(db: SessionDb, sessionId: string, now = new Date()): Promise<boolean> {
  const row = await findOpenSession(db, { id: sessionId });
  return row !== null && refusalReason(row, now) === null;
}

type OpenSession = {
  id: string;
  userId: string;
  userActive: boolean;
  times: SessionTimes;
  /** With `withUser`: the user as ACTOR_SELECT reads them, and their unread count. */
  user: Parameters<typeof actorFromRow>[0] | null;
  unread: number;
};

/**
 * The session row with its user's state and the partnership's idle timeout; `withUser` adds the
 * actor's columns and the unread count, in the same statement (relation joins), for a request that
 * goes on to draw a page.
 */
async function findOpenSession(db: SessionDb, where: Prisma.SessionWhereUniqueInput, withUser = false): Promise<OpenSession | null> {
  const row = await db.session.findUnique({
    where,
    select: {
      id: true,
      userId: true,
      lastSeenAt: true,
      expiresAt: true,
      endedAt: true,
      user: {
        select: {
          ...(withUser ? ACTOR_SELECT : {}),
          active: true,
          agency: { select: { ...(withUser ? ACTOR_SELECT.agency.select : {}), partnership: { select: { idleTimeoutMinutes: true } } } },
          ...(withUser ? { _count: { select: { notifications: { where: { readAt: null } } } } } : {}),
        },
      },
    },
  });
  if (!row || row.endedAt) return null;
  const user = row.user as typeof row.user & Partial<Parameters<typeof actorFromRow>[0]> & { _count?: { notifications: number } };
  return {
    id: row.id,
    userId: row.userId,
    userActive: user.active,
    times: { lastSeenAt: row.lastSeenAt, expiresAt: row.expiresAt, idleTimeoutMinutes: user.agency.partnership.idleTimeoutMinutes },
    user: withUser ? (user as Parameters<typeof actorFromRow>[0]) : null,
    unread: user._count?.notifications ?? 0,
  };
}

function refusalReason(session: OpenSession, now: Date): SessionEndReason | null {
  return session.userActive ? expiredBecause(session.times, now) : "USER_SWITCHED_OFF";
}
