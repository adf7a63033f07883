import "server-only";
import { createPrismaClient } from "../db/create-client";
import { databaseUrl, serverEnv } from "../env";
import { startJobRunner, type JobRunner } from "./runner";

const globalForJobs = globalThis as unknown as { vcpJobRunner?: Promise<JobRunner | null> };

/**
 * Starts the job runner once per server process (src/instrumentation.ts calls this) with its own
 * Prisma client, so a sweep never waits for a request's connection or the other way round. A runner
 * that cannot start is logged and the app goes on serving: notices catch up when it next starts.
 */
export function startJobRunnerForServer(): Promise<JobRunner | null> {
  globalForJobs.vcpJobRunner ??= start();
  return globalForJobs.vcpJobRunner;
}

// Two servers starting at once both create pg-boss's queues and schedules, and Postgres may answer one
// of them "deadlock detected" (found by scripts/two-instances.ts): that one tries again, a little later.
const START_ATTEMPTS = 5;
const RETRY_BASE_MS = 500;

async function start(): Promise<JobRunner | null> {
  const connectionString = databaseUrl();
  // DATABASE_POOL_MAX=1 means the embedded database (one Postgres session): stay small there.
  const embedded = serverEnv().DATABASE_POOL_MAX === 1;
  const db = createPrismaClient(connectionString);
  for (let attempt = 1; ; attempt++) {
    try {
      const runner = await startJobRunner({ connectionString, db, poolMax: embedded ? 2 : 3 });
      let stopping = false;
      const stop = () => {
        if (stopping) return;
        stopping = true;
        // Next exits once its HTTP server has closed, possibly before this ends. That is safe: a sweep
        // cut short rolls back as a whole, and the next runner sends what it had not.
        void runner
          .stop()
          .catch((error: unknown) => console.error("Job runner did not stop cleanly:", error instanceof Error ? error.message : error))
          .finally(() => db.$disconnect());
      };
      process.once("SIGTERM", stop);
      process.once("SIGINT", stop);
      return runner;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (attempt < START_ATTEMPTS) {
        const waitMs = RETRY_BASE_MS * 2 ** (attempt - 1) * (1 + Math.random());
        console.error(`Job runner not started (${message}); trying again in ${Math.round(waitMs)} ms`);
        await new Promise((resolve) => setTimeout(resolve, waitMs).unref());
        continue;
      }
      console.error(`Job runner not started after ${attempt} attempts:`, message);
      await db.$disconnect().catch(() => {});
      return null;
    }
  }
}
