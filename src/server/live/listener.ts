import "server-only";
import pg from "pg";
import { z } from "zod";
import { emitLiveEvent, liveEventListenerCount, onLiveEvent, processOrigin, type LiveEvent } from "./bus";
import { databaseUrl } from "../env";
import { LIVE_CHANNEL } from "./publish";

const notificationSchema = z.object({ personId: z.uuid(), origin: z.string().min(1).max(100) });

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
// Pages come and go as people click around; keep the connection a while rather than reconnect on each.
const IDLE_STOP_MS = 60_000;

type State = {
  client: pg.Client | null;
  running: boolean;
  /** Set once the server turned out to be the embedded PGlite, where LISTEN cannot hear other connections. */
  localOnly: boolean;
  connectedBefore: boolean;
  retryMs: number;
  retryTimer: NodeJS.Timeout | null;
  idleTimer: NodeJS.Timeout | null;
};

// One listener per server process, shared by every copy of this module the bundler makes.
const KEY = Symbol.for("vcp.live.listener");
const globalForListener = globalThis as unknown as { [KEY]?: State };
const state: State = (globalForListener[KEY] ??= {
  client: null,
  running: false,
  localOnly: false,
  connectedBefore: false,
  retryMs: FIRST_RETRY_MS,
  retryTimer: null,
  idleTimer: null,
});

/**
 * Calls `handler` for every pathway change in the partnership's database: those published in this
 * process directly, those from other server processes through one dedicated Postgres connection
 * (`LISTEN`, not the Prisma pool, which hands connections out per query). The connection opens with
 * the first subscriber, reconnects with backoff if it drops (then tells subscribers to resync, since
 * changes may have been missed), and closes a minute after the last subscriber leaves.
 *
 * Events carry only a person's id and are not filtered here: the subscriber decides what its user
 * may see.
 */
export function subscribeToChanges(handler: (event: LiveEvent) => void): () => void {
  const unsubscribe = onLiveEvent(handler);
  if (state.idleTimer) {
    clearTimeout(state.idleTimer);
    state.idleTimer = null;
  }
  if (!state.running) {
    state.running = true;
    void connect();
  }
  let subscribed = true;
  return () => {
    if (!subscribed) return;
    subscribed = false;
    unsubscribe();
    if (liveEventListenerCount() === 0 && state.running && !state.idleTimer) {
      state.idleTimer = setTimeout(stopListening, IDLE_STOP_MS);
      state.idleTimer.unref();
    }
  };
}

/** Closes the connection now (tests, shutdown). A later subscriber opens it again. */
export async function stopListening(): Promise<void> {
  state.running = false;
  if (state.idleTimer) clearTimeout(state.idleTimer);
  if (state.retryTimer) clearTimeout(state.retryTimer);
  state.idleTimer = null;
  state.retryTimer = null;
  state.connectedBefore = false;
  state.retryMs = FIRST_RETRY_MS;
  const client = state.client;
  state.client = null;
  await client?.end().catch(() => {});
}

/** Whether another server process's changes can reach this one (false on the embedded database). */
export function hearsOtherProcesses(): boolean {
  return state.running && state.client !== null && !state.localOnly;
}

async function connect(): Promise<void> {
  if (!state.running || state.localOnly || state.client) return;
  const client = new pg.Client({ connectionString: databaseUrl() });
  state.client = client;
  let failed = false;
  const onFailure = (error?: Error) => {
    if (failed) return;
    failed = true;
    if (state.client === client) state.client = null;
    client.removeAllListeners("notification");
    void client.end().catch(() => {});
    if (!state.running) return;
    console.warn(`Live updates: listener connection lost (${error?.message ?? "closed"}); retrying in ${state.retryMs / 1000} s`);
    scheduleReconnect();
  };
  client.on("error", onFailure);
  client.on("end", () => onFailure());
  client.on("notification", (message) => {
    if (message.channel !== LIVE_CHANNEL || !message.payload) return;
    const parsed = notificationSchema.safeParse(safeJson(message.payload));
    // This process's own changes were delivered directly by publishChangesAfterCommit.
    if (!parsed.success || parsed.data.origin === processOrigin()) return;
    emitLiveEvent({ type: "change", personId: parsed.data.personId });
  });

  try {
    await client.connect();
    const { rows } = await client.query<{ version: string }>("SELECT version()");
    if (rows[0]?.version.includes("PGlite")) {
      // One Postgres session behind every socket: a notification goes back to the connection that
      // sent it, never to this one. One server process is all the embedded database serves, and
      // publishChangesAfterCommit already delivers within the process, so the connection is given back.
      state.localOnly = true;
      failed = true;
      state.client = null;
      await client.end().catch(() => {});
      return;
    }
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
  } catch (error) {
    onFailure(error instanceof Error ? error : new Error(String(error)));
    return;
  }
  state.retryMs = FIRST_RETRY_MS;
  if (state.connectedBefore) emitLiveEvent({ type: "resync" });
  state.connectedBefore = true;
}

function scheduleReconnect() {
  if (state.retryTimer || !state.running) return;
  const delay = state.retryMs;
  state.retryMs = Math.min(state.retryMs * 2, MAX_RETRY_MS);
  state.retryTimer = setTimeout(() => {
    state.retryTimer = null;
    // A change may have been missed while the connection was down.
    state.connectedBefore = true;
    void connect();
  }, delay);
  state.retryTimer.unref();
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
