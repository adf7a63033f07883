import "server-only";
import { z } from "zod";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { invalid, ok, type Result } from "@/domain/result";

export const markReadSchema = z.object({ notificationId: z.uuid("Notice not found") });

/**
 * Marks one of the user's own notices as read. Someone else's notice is "not found", exactly like a
 * missing one. Marking a notice that is already read changes nothing and is not an error.
 */
export async function markRead(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<{ notificationId: string }>> {
  await requirePermission(db, actor, "notification.read", { entity: "Notification", entityId: idFromInput(rawInput, "notificationId") });
  const parsed = markReadSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const { notificationId } = parsed.data;

  const found = await db.$transaction(async (tx) => {
    const notice = await tx.notification.findFirst({ where: { id: notificationId, recipientId: actor.id }, select: { id: true } });
    if (!notice) return false;
    await tx.notification.updateMany({ where: { id: notice.id, readAt: null }, data: { readAt: now } });
    await recordAudit(tx, actor, { action: "notification.read", entity: "Notification", entityId: notice.id });
    return true;
  });
  if (!found) {
    await recordAudit(db, actor, { action: "notification.read", entity: "Notification", entityId: notificationId, outcome: "denied" });
    throw new NotFoundError("Notification");
  }
  return ok({ notificationId });
}
