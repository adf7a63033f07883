import type { NotificationKind, Prisma } from "@/generated/prisma/client";

export type NotifyDb = { notification: { createMany(args: { data: Prisma.NotificationCreateManyInput[]; skipDuplicates?: boolean }): Promise<{ count: number }> } };

export type Notice = {
  kind: NotificationKind;
  title: string;
  body: string;
  /** Where the notice links to; null for aggregate notices that must not point at a record. */
  href: string | null;
  /** Same key for the same event: each recipient's copy is keyed `${dedupeKey}:${recipientId}`. */
  dedupeKey: string;
};

/**
 * Sends one notice to each recipient, once: a second call with the same key (a retry, a restarted
 * runner) inserts nothing. Returns how many were new. Never put a name, an address or note text in
 * a notice; say which stage and link to it, and let the page decide what the reader may see.
 */
export async function notify(db: NotifyDb, recipientIds: readonly string[], notice: Notice): Promise<number> {
  if (recipientIds.length === 0) return 0;
  const { count } = await db.notification.createMany({
    data: recipientIds.map((recipientId) => ({
      recipientId,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      href: notice.href,
      dedupeKey: `${notice.dedupeKey}:${recipientId}`,
    })),
    skipDuplicates: true,
  });
  return count;
}
