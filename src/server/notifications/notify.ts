import "server-only";
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
  return notifyEach(db, [{ recipientIds, notice }]);
}

// Rows per INSERT: seven parameters each keeps a statement well under Postgres's 65,535.
const ROWS_PER_INSERT = 2000;

/** notify() for many notices at once (a sweep that raised hundreds), in as few inserts as possible. */
export async function notifyEach(db: NotifyDb, sends: readonly { recipientIds: readonly string[]; notice: Notice }[]): Promise<number> {
  const rows = sends.flatMap(({ recipientIds, notice }) =>
    recipientIds.map((recipientId) => ({
      recipientId,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      href: notice.href,
      dedupeKey: `${notice.dedupeKey}:${recipientId}`,
    })),
  );
  let inserted = 0;
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const { count } = await db.notification.createMany({ data: rows.slice(i, i + ROWS_PER_INSERT), skipDuplicates: true });
    inserted += count;
  }
  return inserted;
}
