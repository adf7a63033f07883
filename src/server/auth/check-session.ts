import "server-only";
import { expiredBecause, lastSeenIsStale, sessionDeadline, type SessionEndReason, type SessionTimes } from "@/domain/session/session-lifetime";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { actorFromRow, type ActorRow } from "../access/load-actor";
import type { Db } from "../db/create-client";
import { readRows } from "../db/read-rows";
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

type SessionDb = Pick<Db, "session" | "$queryRaw">;

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
  /** With `withUser`: the user's Actor columns, and their unread count. */
  user: ActorRow | null;
  unread: number;
};

type SessionRow = {
  id: string;
  userId: string;
  lastSeenAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
  idleTimeoutMinutes: number;
  user: ActorRow;
  unread: number;
};

/**
 * The session row with its user's state and the partnership's idle timeout; `withUser` adds the
 * actor's columns and the unread count, in the same statement, for a request that goes on to draw a
 * page. Asked on every request, so it is SQL sent straight to the pool (`readRows`), not a Prisma read
 * (decision record 0042); tests/integration/sessions.test.ts holds its answers.
 */
async function findOpenSession(db: SessionDb, where: { secretHash: string } | { id: string }, withUser = false): Promise<OpenSession | null> {
  const match = "secretHash" in where ? Prisma.sql`s."secretHash" = ${where.secretHash}` : Prisma.sql`s."id" = ${where.id}::uuid`;
  const userColumns = withUser
    ? Prisma.sql`json_build_object('id', u."id", 'name', u."name", 'email', u."email", 'role', u."role", 'active', u."active", 'agencyId', u."agencyId",
        'agency', json_build_object('name', a."name", 'kind', a."kind", 'partnershipId', a."partnershipId")) AS "user",
        (SELECT count(*)::int FROM "Notification" n WHERE n."recipientId" = u."id" AND n."readAt" IS NULL) AS "unread"`
    : Prisma.sql`json_build_object('active', u."active") AS "user", 0 AS "unread"`;
  const [row] = await readRows<SessionRow>(
    db,
    Prisma.sql`SELECT s."id", s."userId", s."lastSeenAt", s."expiresAt", s."endedAt", p."idleTimeoutMinutes", ${userColumns}
      FROM "Session" s JOIN "User" u ON u."id" = s."userId" JOIN "Agency" a ON a."id" = u."agencyId" JOIN "Partnership" p ON p."id" = a."partnershipId"
      WHERE ${match}`,
  );
  if (!row || row.endedAt) return null;
  return {
    id: row.id,
    userId: row.userId,
    userActive: row.user.active,
    times: { lastSeenAt: row.lastSeenAt, expiresAt: row.expiresAt, idleTimeoutMinutes: row.idleTimeoutMinutes },
    user: withUser ? row.user : null,
    unread: row.unread,
  };
}

function refusalReason(session: OpenSession, now: Date): SessionEndReason | null {
  return session.userActive ? expiredBecause(session.times, now) : "USER_SWITCHED_OFF";
}
