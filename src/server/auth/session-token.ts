import "server-only";
import type { JWT } from "next-auth/jwt";
import { headers } from "next/headers";
import { requestReads } from "../access/request-reads";
import type { Db } from "../db/create-client";
import { checkSession } from "./check-session";
import { requestCountsAsActivity } from "./request-activity";
import { startSession } from "./start-session";

/** What goes into the session cookie at sign-in: the new session's secret and nothing else. */
export async function tokenForNewSession(db: Db, userId: string): Promise<JWT> {
  return { sid: await startSession(db, userId) };
}

/**
 * Auth.js's jwt callback for every read of an existing cookie (auth() in pages, actions and routes,
 * and GET /api/auth/session). A cookie whose session the server refuses gives null: Auth.js then
 * answers "no session" and never re-issues it. The fields added for a live session reach the session
 * callback; the cookie itself is only ever re-written by Auth.js's session endpoint, whose new cookie
 * the route drops (src/app/api/auth/[...nextauth]/route.ts).
 */
export async function sessionFromToken(db: Db, token: JWT): Promise<JWT | null> {
  if (typeof token.sid !== "string") return null;
  const live = await checkSession(db, token.sid, { activity: requestCountsAsActivity(await headers()) });
  if (!live) return null;
  // The page this request draws reuses the user and unread count read with the session row.
  Object.assign(requestReads(), { actor: live.actor, unread: live.unread });
  return {
    sid: token.sid,
    sub: live.userId,
    sessionId: live.sessionId,
    expiresAt: live.expiresAt.toISOString(),
    deadline: live.deadline.toISOString(),
    idleTimeoutMinutes: live.idleTimeoutMinutes,
  };
}
