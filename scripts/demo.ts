// `npm run demo`: database, migrations, demo data, production build and server, in one command.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { ChildProcess } from "node:child_process";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../prisma/demo-accounts";
import { startEmbeddedPostgres, redact, type EmbeddedPostgres } from "./lib/embedded-postgres";
import { runPrismaMigrateDeploy, runSeed } from "./lib/database";
import { buildIfNeeded, startNext } from "./lib/next-app";
import { stopChild, waitForExit } from "./lib/spawn";

const DATA_DIR = ".data";
const AUTH_SECRET_FILE = `${DATA_DIR}/auth-secret`;

// `next start` reads .env too; reading it here keeps this script and the server in agreement.
try {
  process.loadEnvFile();
} catch {
  // no .env: defaults apply
}

const port = Number(process.env.PORT || 3000);
const host = process.env.DEMO_HOST || "127.0.0.1";
let embedded: EmbeddedPostgres | null = null;
let next: ChildProcess | null = null;
let shuttingDown = false;

async function shutdown(exitCode: number): Promise<never> {
  if (shuttingDown) process.exit(exitCode);
  shuttingDown = true;
  if (next) await stopChild(next);
  // Closing PGlite cleanly flushes its data directory.
  if (embedded) await embedded.stop();
  process.exit(exitCode);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.log(`\n${signal} received: stopping...`);
    void shutdown(0);
  });
}

function ensureAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (existsSync(AUTH_SECRET_FILE)) return readFileSync(AUTH_SECRET_FILE, "utf8").trim();
  mkdirSync(DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64");
  // Generated once so sign-in sessions survive restarts of the demo.
  writeFileSync(AUTH_SECRET_FILE, `${secret}\n`, { mode: 0o600 });
  return secret;
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (child.exitCode !== null) return;
    try {
      await fetch(url, { redirect: "manual" });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

function printBanner(url: string) {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  console.log(`
Victim Care Pathway is running at ${url}

Demo sign-ins (password for all: ${DEMO_PASSWORD}; then a code: run \`npm run demo:code\`,
or add the TOTP key ${DEMO_TOTP_SECRET} to an authenticator app)
${DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(width)}  ${a.name} (${a.role}, ${a.agencyName})`).join("\n")}

Data: ${embedded ? "embedded Postgres in .data/pglite (delete that folder to start over)" : redact(process.env.DATABASE_URL ?? "")}
Press Ctrl+C to stop.
`);
}

async function main() {
  let databaseUrl = process.env.DATABASE_URL;
  let poolMax = process.env.DATABASE_POOL_MAX;
  if (!databaseUrl) {
    const pgPort = Number(process.env.EMBEDDED_PG_PORT || 5433);
    console.log(`DATABASE_URL is not set: starting the embedded Postgres on port ${pgPort}...`);
    embedded = await startEmbeddedPostgres({ dataDir: `${DATA_DIR}/pglite`, port: pgPort });
    databaseUrl = embedded.url;
    // One Postgres session underneath: a larger pool would interleave transactions.
    poolMax = "1";
  }

  const env = {
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: poolMax,
    AUTH_SECRET: ensureAuthSecret(),
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  // On a real server the app connects as a login role of vcp_app, which may not migrate: the schema
  // owner's URL does that (README, "Database roles"). The embedded database has one role for both.
  const ownerUrl = (!embedded && process.env.DATABASE_OWNER_URL) || databaseUrl;
  console.log("Applying database migrations...");
  await runPrismaMigrateDeploy(ownerUrl, env);
  console.log("Loading demo data (skipped if already present)...");
  await runSeed(ownerUrl, env);
  await buildIfNeeded(env);

  if (shuttingDown) return;
  next = startNext({ port, host }, env);
  const url = `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
  await waitUntilServing(url, next);
  if (next.exitCode === null) printBanner(url);

  const code = await waitForExit(next);
  if (!shuttingDown) {
    console.error(`The Next.js server exited (code ${code}).`);
    await shutdown(code || 1);
  }
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});
