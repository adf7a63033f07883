import "server-only";
import type { NotificationKind } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";

export type NotificationRow = {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  href: string | null;
  createdAt: Date;
  readAt: Date | null;
};

/** Read notices shown below the unread ones; older ones stay in the table but are not listed. */
export const READ_NOTICES_SHOWN = 50;

const FIELDS = { id: true, kind: true, title: true, body: true, href: true, createdAt: true, readAt: true } as const;

/** The user's own notices: every unread one, newest first, then the most recent read ones. */
export async function listNotifications(db: Db, actor: Actor): Promise<NotificationRow[]> {
  await requirePermission(db, actor, "notification.read", { entity: "Notification" });
  const [unread, read] = await Promise.all([
    db.notification.findMany({
      where: { recipientId: actor.id, readAt: null },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: FIELDS,
    }),
    db.notification.findMany({
      where: { recipientId: actor.id, readAt: { not: null } },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: READ_NOTICES_SHOWN,
      select: FIELDS,
    }),
  ]);
  await recordAudit(db, actor, { action: "notification.list", entity: "Notification" });
  return [...unread, ...read];
}
