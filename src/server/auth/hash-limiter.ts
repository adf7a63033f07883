import "server-only";
import { availableParallelism } from "node:os";
import { serverEnv } from "../env";

export type HashLimiter = ReturnType<typeof createHashLimiter>;
export type Limited<T> = { busy: false; value: T } | { busy: true };

/**
 * A semaphore for password hashes with a bounded queue. Each scrypt takes 128 MiB and a libuv thread
 * for about a second, and those threads also serve file reads, compression and WebCrypto for every
 * other page: unbounded, a flood of sign-ins would starve them all. When `queueLimit` tries are
 * already waiting, the next one is answered "busy" at once instead of queueing without end.
 */
export function createHashLimiter({ concurrency, queueLimit }: { concurrency: number; queueLimit: number }) {
  let running = 0;
  let peakRunning = 0;
  let hashesRun = 0;
  const waiting: Array<() => void> = [];

  async function run<T>(hash: () => Promise<T>): Promise<Limited<T>> {
    if (running >= concurrency) {
      if (waiting.length >= queueLimit) return { busy: true };
      // The finishing hash hands its slot straight to the first in the queue (running stays the same).
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else {
      running++;
    }
    peakRunning = Math.max(peakRunning, running);
    hashesRun++;
    try {
      return { busy: false, value: await hash() };
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  }

  /** For tests and diagnostics: what is running now, the most ever at once, and how many ran. */
  function stats() {
    return { running, waiting: waiting.length, peakRunning, hashesRun };
  }

  return { run, stats, concurrency, queueLimit };
}

// Half the cores by default, so hashing never takes every core from the pages.
export const passwordHashLimiter = createHashLimiter({
  concurrency: serverEnv().SIGN_IN_HASH_CONCURRENCY ?? Math.max(1, Math.floor(availableParallelism() / 2)),
  queueLimit: serverEnv().SIGN_IN_HASH_QUEUE,
});
