import "server-only";
import { SESSION_LIFETIME_MS } from "@/domain/session/session-lifetime";
import type { Db } from "../db/create-client";
import { hashSessionSecret, newSessionSecret } from "./session-secret";

/** Opens a session for a user who has just proved who they are; returns the secret for the cookie. */
export async function startSession(db: Pick<Db, "session">, userId: string, now = new Date()): Promise<string> {
  const secret = newSessionSecret();
  await db.session.create({
    data: {
      secretHash: hashSessionSecret(secret),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
    },
  });
  return secret;
}
