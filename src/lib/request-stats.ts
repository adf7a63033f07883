import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Per-request counts of SQL statements and the time spent in them, for the load benchmark
 * (scripts/bench-load.ts) and the "at most 6 statements a page" budget. The app server (scripts/serve.ts)
 * opens a context per request; the database pool (src/server/db/create-client.ts) adds to it. The
 * storage lives on globalThis because the server script and Next's compiled server code each load
 * their own copy of this module, and they must share one store.
 */
export type RequestStats = {
  statements: number;
  /** Wall-clock time with at least one statement running: statements sent side by side count once. */
  sqlMs: number;
  /** Internal: statements running now, and since when. */
  running?: number;
  runningSince?: number;
};

const KEY = Symbol.for("victim-care-pathway.request-stats");

function storage(): AsyncLocalStorage<RequestStats> {
  const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<RequestStats> | undefined>;
  return (holder[KEY] ??= new AsyncLocalStorage<RequestStats>());
}

export function runWithRequestStats<T>(stats: RequestStats, work: () => T): T {
  return storage().run(stats, work);
}

/** Times one statement and adds it to the current request's counts, if any. */
export async function countStatement<T>(run: () => Promise<T>): Promise<T> {
  const stats = storage().getStore();
  if (!stats) return run();
  stats.statements += 1;
  stats.running = (stats.running ?? 0) + 1;
  if (stats.running === 1) stats.runningSince = performance.now();
  try {
    return await run();
  } finally {
    stats.running -= 1;
    if (stats.running === 0) stats.sqlMs += performance.now() - stats.runningSince!;
  }
}
