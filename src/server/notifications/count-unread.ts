import "server-only";
import { roleHasPermission } from "@/domain/access/permissions";
import type { Actor } from "../access/actor";
import { requestReads } from "../access/request-reads";
import type { Db } from "../db/create-client";

/**
 * How many of the user's own notices are unread, for the header on every page. A role without
 * notices gets 0 rather than an error (and no audit row: a count names no record).
 */
export async function countUnread(db: Db, actor: Actor): Promise<number> {
  if (!roleHasPermission(actor.role, "notification.read")) return 0;
  // Counted with the session row by this request's session check, when it ran in this render.
  const seen = requestReads();
  if (seen.actor?.id === actor.id && seen.unread !== undefined) return seen.unread;
  return db.notification.count({ where: { recipientId: actor.id, readAt: null } });
}
