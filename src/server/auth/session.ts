import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { db } from "../db/client";
import { readSessionToken } from "./read-session-token";
import { sessionFromToken } from "./session-token";

export type CurrentSession = {
  userId: string;
  sessionId: string;
  /** When the session ends if the user does nothing more. */
  deadline: Date;
  /** Sign-in plus 8 hours. */
  expiresAt: Date;
  idleTimeoutMinutes: number;
};

/**
 * The signed-in session of this request, checked against its Session row (src/server/auth/check-session.ts),
 * or null. Asked once per request: the layout and the page share the answer. The cookie is read as
 * Auth.js reads it (`readSessionToken`), and checked by the same `sessionFromToken` as Auth.js's jwt
 * callback, without running Auth.js's session endpoint, which re-encrypts the token each time.
 */
export const getCurrentSession = cache(async (): Promise<CurrentSession | null> => {
  const token = await readSessionToken(await headers());
  const live = token ? await sessionFromToken(db, token) : null;
  if (!live || typeof live.sub !== "string" || typeof live.sessionId !== "string" || typeof live.deadline !== "string" || typeof live.expiresAt !== "string") return null;
  return {
    userId: live.sub,
    sessionId: live.sessionId,
    deadline: new Date(live.deadline),
    expiresAt: new Date(live.expiresAt),
    idleTimeoutMinutes: Number(live.idleTimeoutMinutes),
  };
});

/** The signed-in user's id, or null. The only way code outside src/server/auth reads who is signed in. */
export async function getSessionUserId(): Promise<string | null> {
  return (await getCurrentSession())?.userId ?? null;
}
