import "server-only";
import type { Db } from "../db/create-client";
import { emitLiveEvent, processOrigin } from "./bus";

/** The Postgres channel that carries "this person's pathway changed" between server processes. */
export const LIVE_CHANNEL = "vcp_pathway_changed";

export type LiveChange = { personId: string };

/** What goes over the channel: the person's id and which server process sent it. */
export type LiveNotification = LiveChange & { origin: string };

/**
 * Tells every server process (and so every open queue or pathway page) that a person's pathway
 * changed. Call it after the change has committed. The message names only the person's id: each
 * subscriber checks what its own user may see before passing anything on.
 *
 * Streams in this process hear it directly; other processes hear it through Postgres NOTIFY. The
 * direct path is not only a shortcut: on the embedded database (PGlite behind pglite-socket, one
 * session shared by every connection) a notification comes back on the connection that sent it, so
 * a LISTEN on another connection never hears it (see src/server/live/listener.ts).
 */
async function publishChange(db: Pick<Db, "$executeRaw">, change: LiveChange): Promise<void> {
  emitLiveEvent({ type: "change", personId: change.personId });
  const notification: LiveNotification = { personId: change.personId, origin: processOrigin() };
  await db.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(notification)})`;
}

/**
 * For use cases, after their transaction has committed: the change is already saved, so a failure
 * here must not fail it. Open pages then catch up on their next load, so it is logged, not thrown.
 */
export async function publishChangesAfterCommit(db: Pick<Db, "$executeRaw">, personIds: readonly string[]): Promise<void> {
  for (const personId of new Set(personIds)) {
    try {
      await publishChange(db, { personId });
    } catch (error) {
      console.error("Live updates: could not publish a pathway change", error instanceof Error ? error.message : error);
    }
  }
}

/** The same, for everyone found in a rescue that was just logged. */
export async function publishRescueAfterCommit(db: Pick<Db, "$executeRaw" | "person">, rescueId: string): Promise<void> {
  try {
    const people = await db.person.findMany({ where: { rescueId }, select: { id: true } });
    await publishChangesAfterCommit(
      db,
      people.map((person) => person.id),
    );
  } catch (error) {
    console.error("Live updates: could not publish a new rescue", error instanceof Error ? error.message : error);
  }
}
