import "server-only";
import { redirect } from "next/navigation";
import { db } from "../db/client";
import { UnauthenticatedError } from "../errors";
import { getSessionUserId } from "../auth/session";
import type { Actor } from "./actor";
import { loadActor } from "./load-actor";

/** The signed-in user, read fresh from the database (a switched-off account stops at once). */
export async function getActor(): Promise<Actor | null> {
  const userId = await getSessionUserId();
  return userId ? loadActor(db, userId) : null;
}

/** For server actions and route handlers: throws when nobody is signed in. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

/** For pages: sends a signed-out visitor to the sign-in page. */
export async function requirePageActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  return actor;
}
