import type { Db } from "../db/create-client";

/** The Postgres channel that carries "this person's pathway changed" between server processes. */
export const LIVE_CHANNEL = "vcp_pathway_changed";

export type LiveChange = { personId: string };

/**
 * Tells every server process (and so every open queue or pathway page) that a person's pathway
 * changed. Call it after the change has committed. The message names only the person's id: each
 * subscriber checks what its own user may see before passing anything on.
 */
export async function publishChange(db: Pick<Db, "$executeRaw">, change: LiveChange): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(change)})`;
}
