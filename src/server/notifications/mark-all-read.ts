import "server-only";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { ok, type Result } from "@/domain/result";

/** Marks every unread notice of the user's as read; returns how many there were. */
export async function markAllRead(db: Db, actor: Actor, now = new Date()): Promise<Result<{ count: number }>> {
  await requirePermission(db, actor, "notification.read", { entity: "Notification" });
  const count = await db.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({ where: { recipientId: actor.id, readAt: null }, data: { readAt: now } });
    await recordAudit(tx, actor, { action: "notification.read", entity: "Notification" });
    return count;
  });
  return ok({ count });
}
