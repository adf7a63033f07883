import "server-only";
import { cache } from "react";
import { auth } from "./auth";

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
 * or null. Asked once per request: the layout and the page share the answer.
 */
export const getCurrentSession = cache(async (): Promise<CurrentSession | null> => {
  const session = (await auth()) as { user?: { id?: string }; sessionId?: unknown; deadline?: unknown; expires?: unknown; idleTimeoutMinutes?: unknown } | null;
  const userId = session?.user?.id;
  if (!userId || typeof session.sessionId !== "string" || typeof session.deadline !== "string" || typeof session.expires !== "string") return null;
  return {
    userId,
    sessionId: session.sessionId,
    deadline: new Date(session.deadline),
    expiresAt: new Date(session.expires),
    idleTimeoutMinutes: Number(session.idleTimeoutMinutes),
  };
});

/** The signed-in user's id, or null. The only way code outside src/server/auth reads who is signed in. */
export async function getSessionUserId(): Promise<string | null> {
  return (await getCurrentSession())?.userId ?? null;
}
