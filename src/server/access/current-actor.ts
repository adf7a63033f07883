import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db/client";
import { getSessionUserId } from "../auth/session";
import type { Actor } from "./actor";
import { loadActor } from "./load-actor";
import { requestReads } from "./request-reads";

/**
 * The signed-in user, read fresh from the database on every request (a switched-off account stops at
 * once), and once per request: the layout and the page share the answer (React's per-request cache;
 * a server action, which has no render, reads it where it asks).
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const userId = await getSessionUserId();
  if (!userId) return null;
  // Read with the session row by this request's session check, when it ran in this render.
  const seen = requestReads().actor;
  return seen?.id === userId ? seen : loadActor(db, userId);
});

/**
 * For server actions, layouts and pages: a signed-out or switched-off user is sent to sign in (Next's
 * redirect, thrown), not shown the error page.
 */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  return actor;
}
