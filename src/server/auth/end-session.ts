import "server-only";
import type { SessionEndReason } from "@/domain/session/session-lifetime";
import type { Db } from "../db/create-client";
import { hashSessionSecret } from "./session-secret";

type SessionDb = Pick<Db, "session">;

/** Ends the session a cookie belongs to, wherever that cookie was copied. An ended session stays ended. */
export async function endSession(db: SessionDb, secret: string, reason: SessionEndReason, now = new Date()): Promise<void> {
  await db.session.updateMany({ where: { secretHash: hashSessionSecret(secret), endedAt: null }, data: { endedAt: now, endReason: reason } });
}

export async function endSessionById(db: SessionDb, sessionId: string, reason: SessionEndReason, now = new Date()): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now, endReason: reason } });
}

/** Ends every open session of a user, at once: their next request, in any browser, is signed out. */
export async function endSessionsOfUser(db: SessionDb, userId: string, reason: SessionEndReason, now = new Date()): Promise<number> {
  const { count } = await db.session.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now, endReason: reason } });
  return count;
}

/** Ends every open session of a user but the one they are using (after they change their own password). */
export async function endOtherSessionsOfUser(db: SessionDb, userId: string, keepSessionId: string, reason: SessionEndReason, now = new Date()): Promise<number> {
  const { count } = await db.session.updateMany({ where: { userId, endedAt: null, id: { not: keepSessionId } }, data: { endedAt: now, endReason: reason } });
  return count;
}
