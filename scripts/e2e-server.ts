// Playwright's webServer command. Playwright starts the web server before globalSetup, and an
// embedded database must outlive the app server, so the database is prepared here: fresh database,
// migrate and seed as the owner, build if needed, `next start` as this run's login role in vcp_app
// (docs/decisions/0006); on SIGTERM stop Next, then drop the database and that role.
import "./lib/outside-next";
import type { ChildProcess } from "node:child_process";
import { copyTestDatabase, prepareTestDatabase, type TestDatabase } from "./lib/database";
import { buildIfNeeded, startNext, waitForHttp } from "./lib/next-app";
import { stopChild, waitForExit } from "./lib/spawn";
import { createPrismaClient } from "../src/server/db/create-client";
import { contactSweepUntilNothingRaised, sweepUntilNothingRaised } from "../tests/support/sweep-backlog";

// playwright.config.ts passes these: the first port, and how many servers (one per worker, on
// consecutive ports, each with its own copy of the seeded database).
const port = Number(process.env.E2E_PORT || 3100);
const serverCount = Math.max(1, Number(process.env.E2E_SERVERS || 1));
const authSecret = process.env.AUTH_SECRET || "e2e-test-secret-not-for-production-0123456789abcdef";

const databases: TestDatabase[] = [];
const servers: ChildProcess[] = [];
let shuttingDown = false;

async function shutdown(exitCode: number): Promise<never> {
  if (shuttingDown) process.exit(exitCode);
  shuttingDown = true;
  await Promise.all(servers.map((server) => stopChild(server)));
  for (const db of databases) await db.dispose().catch((error: unknown) => console.error("Could not remove an e2e database:", error));
  process.exit(exitCode);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));
// Playwright killed outright sends no signal, and the shell it starts this in outlives it: watch
// Playwright itself (playwright.config.ts passes its process id), or else the parent.
const parent = Number(process.env.E2E_PLAYWRIGHT_PID) || process.ppid;
setInterval(() => {
  try {
    process.kill(parent, 0);
  } catch {
    void shutdown(1);
  }
}, 1_000).unref();

/**
 * The seed's year of history leaves far more overdue stages and gaps in contact than one sweep raises
 * (500 each, most overdue first), so which sweep reached a spec's own stage depended on the clock and
 * on the specs before it. Raised here before the app starts, the runner inside it has only what
 * becomes due during the run: a spec's stage or gap is raised by the first sweep after it is due.
 */
async function clearSweepBacklogs(url: string) {
  const prisma = createPrismaClient(url);
  try {
    const now = new Date();
    const escalations = await sweepUntilNothingRaised(prisma, now);
    const gaps = await contactSweepUntilNothingRaised(prisma, now);
    console.log(`Sweep backlogs cleared before the app starts: ${escalations.length} escalation sweeps, ${gaps.length} contact-gap sweeps`);
  } finally {
    await prisma.$disconnect();
  }
}

async function main() {
  const seeded = await prepareTestDatabase({ prefix: "vcp_e2e", seed: true });
  databases.push(seeded);
  await clearSweepBacklogs(seeded.url);
  // Copied before any server connects to the seeded one (a template must have no connections).
  for (let i = 1; i < serverCount; i++) databases.push(await copyTestDatabase(seeded, "vcp_e2e"));
  const envOf = (db: TestDatabase) => ({
    DATABASE_URL: db.url,
    DATABASE_POOL_MAX: db.poolMax,
    AUTH_SECRET: authSecret,
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    // Roomier than the defaults for a machine serving only the app: here the integration suite runs
    // beside the browsers and the canary fetches pages in parallel, so a page can take a second and
    // several are always in flight. The defaults' shedding is measured by scripts/bench-load.ts and
    // unit-tested; service-busy.spec.ts still overflows these.
    VCP_MAX_IN_FLIGHT: "8",
    VCP_MAX_WAIT_MS: "2000",
    VCP_STANDING_AFTER_MS: "0",
    VCP_TARGET_LATENCY_MS: "0",
  });
  await buildIfNeeded(envOf(seeded));
  if (shuttingDown) return;
  for (const [i, db] of databases.entries()) servers.push(startNext({ port: port + i, host: "127.0.0.1" }, envOf(db)));
  // Playwright itself waits for the first one only.
  await Promise.all(servers.map((server, i) => waitForHttp(`http://127.0.0.1:${port + i}/sign-in`, { server })));
  // Playwright's `wait` picks this up and gives the tests E2E_DATABASE_URLS (one per worker, in order).
  console.log(`e2e databases ready: ${databases.map((db) => db.url).join(",")}`);
  const code = await Promise.race(servers.map((server) => waitForExit(server)));
  if (!shuttingDown) {
    console.error(`next start exited (code ${code})`);
    await shutdown(code || 1);
  }
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});
