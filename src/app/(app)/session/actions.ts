"use server";

import { requireActor } from "@/server/access/current-actor";
import { getCurrentSession } from "@/server/auth/session";

export type SessionTimeLeft = { msLeft: number };

/**
 * "Stay signed in", and a client-side navigation reported by the timeout warning. Being a server
 * action, the request itself is activity: checking the session moved its idle clock (at most once a
 * minute). It never moves the 8-hour limit. Signed out, it sends to sign in like any other action.
 */
export async function staySignedInAction(): Promise<SessionTimeLeft> {
  await requireActor();
  const session = await getCurrentSession();
  return { msLeft: session ? session.deadline.getTime() - Date.now() : 0 };
}
