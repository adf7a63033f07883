import "server-only";
import type { Actor } from "../access/actor";
import { loadActor } from "../access/load-actor";
import type { Db } from "../db/create-client";
import type { LiveEvent } from "./bus";
import { mayFollowChanges, mayHearAbout, requireLiveAccess } from "./live-access";
import { subscribeToChanges } from "./listener";

export type LiveStreamOptions = {
  /** The request's signal: the stream ends when the browser goes away. */
  signal?: AbortSignal;
  /** A comment line this often keeps proxies from closing an idle stream; the user is re-read then too. */
  heartbeatMs?: number;
  /** The stream ends after this long; the browser reconnects, so its session is checked again. */
  lifetimeMs?: number;
  /** Asked at every heartbeat with the user: false (signed out elsewhere, timed out) ends the stream. */
  sessionStillLive?: () => Promise<boolean>;
};

const HEARTBEAT_MS = 25_000;
const LIFETIME_MS = 15 * 60_000;
// How long EventSource waits before reconnecting.
const RETRY_MS = 3_000;

const encoder = new TextEncoder();

/**
 * A server-sent event stream of "this person's pathway changed" for one user. An event is passed on
 * only if the person is in this user's view at that moment (one indexed query per event), and
 * carries only the person's id: the page then reloads through its own use case, which checks access
 * and audits the view again. The user and the session are re-read at every heartbeat, so a
 * switched-off account, a changed role or a session ended elsewhere stops receiving within one heartbeat.
 */
export async function openLiveStream(db: Db, actor: Actor, options: LiveStreamOptions = {}): Promise<ReadableStream<Uint8Array>> {
  await requireLiveAccess(db, actor);
  const { signal, heartbeatMs = HEARTBEAT_MS, lifetimeMs = LIFETIME_MS, sessionStillLive = async () => true } = options;

  let current: Actor = actor;
  let closed = false;
  let cleanup = () => {};

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };

      // Events are checked one at a time, in order; a person already waiting is not queued twice.
      const waiting: string[] = [];
      let working = false;
      const drain = async () => {
        if (working) return;
        working = true;
        try {
          while (!closed && waiting.length > 0) {
            const personId = waiting.shift()!;
            if (await mayHearAbout(db, current, personId)) send(`event: change\ndata: ${JSON.stringify({ personId })}\n\n`);
          }
        } catch (error) {
          console.error("Live updates: could not check an event", error instanceof Error ? error.message : error);
          close();
        } finally {
          working = false;
        }
      };

      const onEvent = (event: LiveEvent) => {
        if (closed) return;
        if (event.type === "resync") {
          waiting.length = 0;
          send("event: resync\ndata: {}\n\n");
          return;
        }
        if (!waiting.includes(event.personId)) waiting.push(event.personId);
        void drain();
      };

      const heartbeat = setInterval(() => {
        send(": heartbeat\n\n");
        void Promise.all([loadActor(db, actor.id), sessionStillLive()])
          .then(([fresh, live]) => {
            if (!fresh || !live || !mayFollowChanges(fresh)) close();
            else current = fresh;
          })
          .catch(() => close());
      }, heartbeatMs);
      const lifetime = setTimeout(() => close(), lifetimeMs);
      const unsubscribe = subscribeToChanges(onEvent);
      const onAbort = () => close();
      signal?.addEventListener("abort", onAbort);

      cleanup = () => {
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        unsubscribe();
        signal?.removeEventListener("abort", onAbort);
      };
      function close() {
        if (closed) return;
        closed = true;
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed or cancelled by the reader
        }
      }

      send(`retry: ${RETRY_MS}\n: connected\n\n`);
      if (signal?.aborted) close();
    },
    cancel() {
      closed = true;
      cleanup();
    },
  });
}
