// Playwright's webServer command. Playwright starts the web server before globalSetup, and an
// embedded database must outlive the app server, so the database is prepared here: fresh database,
// migrate and seed as the owner, build if needed, `next start` as this run's login role in vcp_app
// (docs/decisions/0006); on SIGTERM stop Next, then drop the database and that role.
import type { ChildProcess } from "node:child_process";
import { prepareTestDatabase, type TestDatabase } from "./lib/database";
import { buildIfNeeded, startNext } from "./lib/next-app";
import { stopChild, waitForExit } from "./lib/spawn";

// playwright.config.ts passes both.
const port = Number(process.env.E2E_PORT || 3100);
const authSecret = process.env.AUTH_SECRET || "e2e-test-secret-not-for-production-0123456789abcdef";

let db: TestDatabase | null = null;
let next: ChildProcess | null = null;
let shuttingDown = false;

async function shutdown(exitCode: number): Promise<never> {
  if (shuttingDown) process.exit(exitCode);
  shuttingDown = true;
  if (next) await stopChild(next);
  if (db) await db.dispose().catch((error: unknown) => console.error("Could not remove the e2e database:", error));
  process.exit(exitCode);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(0));

async function main() {
  db = await prepareTestDatabase({ prefix: "vcp_e2e", seed: true });
  const env = {
    DATABASE_URL: db.url,
    DATABASE_POOL_MAX: db.poolMax,
    AUTH_SECRET: authSecret,
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  await buildIfNeeded(env);
  if (shuttingDown) return;
  next = startNext({ port, host: "127.0.0.1" }, env);
  // Playwright's `wait` picks this up and gives the tests E2E_DATABASE_URL.
  console.log(`e2e database ready: ${db.url}`);
  const code = await waitForExit(next);
  if (!shuttingDown) {
    console.error(`next start exited (code ${code})`);
    await shutdown(code || 1);
  }
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});
