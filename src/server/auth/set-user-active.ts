import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "../db/create-client";
import { endSessionsOfUser } from "./end-session";

/**
 * The one way to switch a user off or on. Switching off ends all their sessions in the same
 * transaction, so no request after it is served as them (the session check also refuses an inactive
 * user, in case a write from outside the app switched them off).
 */
export async function setUserActive(db: Db, userId: string, active: boolean, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => setUserActiveIn(tx, userId, active, now));
}

/** setUserActive inside a caller's transaction (an administrator's change, audited with it). */
export async function setUserActiveIn(tx: Prisma.TransactionClient, userId: string, active: boolean, now = new Date()): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { active } });
  if (!active) await endSessionsOfUser(tx, userId, "USER_SWITCHED_OFF", now);
}
