import "server-only";
// Kept free of "server-only": publish.ts imports it, and the seed and the integration tests call the
// use cases that publish.
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";

/** What travels inside one server process. "resync" means "changes may have been missed: reload". */
export type LiveEvent = { type: "change"; personId: string } | { type: "resync" };

type Bus = { emitter: EventEmitter; origin: string };

// On globalThis: a bundler may load this module more than once in one process (route handlers,
// server actions), and every copy must share one emitter and one origin id.
const KEY = Symbol.for("vcp.live.bus");
const globalForBus = globalThis as unknown as { [KEY]?: Bus };

function bus(): Bus {
  let existing = globalForBus[KEY];
  if (!existing) {
    const emitter = new EventEmitter();
    // One listener per open stream: the default warning at 10 would fire on a busy day.
    emitter.setMaxListeners(0);
    existing = { emitter, origin: randomUUID() };
    globalForBus[KEY] = existing;
  }
  return existing;
}

/** Identifies this server process in notifications, so it can skip its own echo. */
export function processOrigin(): string {
  return bus().origin;
}

export function emitLiveEvent(event: LiveEvent): void {
  bus().emitter.emit("event", event);
}

/** Calls `handler` for every event in this process until the returned function is called. */
export function onLiveEvent(handler: (event: LiveEvent) => void): () => void {
  const { emitter } = bus();
  emitter.on("event", handler);
  return () => {
    emitter.off("event", handler);
  };
}

export function liveEventListenerCount(): number {
  return bus().emitter.listenerCount("event");
}
