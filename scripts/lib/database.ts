import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { runOrThrow, type Env } from "./spawn";
import { startEmbeddedPostgres } from "./embedded-postgres";

const PRISMA_CLI = "node_modules/prisma/build/index.js";
const TSX = "node_modules/.bin/tsx";
export const SEED_FILE = "prisma/seed.ts";

/** Applies prisma/migrations to the database at `url`. */
export async function runPrismaMigrateDeploy(url: string, env: Env = {}): Promise<void> {
  await runOrThrow("prisma migrate deploy", process.execPath, [PRISMA_CLI, "migrate", "deploy"], {
    env: { ...process.env, ...env, DATABASE_URL: url },
  });
}

/** Runs prisma/seed.ts, which is idempotent. */
export async function runSeed(url: string, env: Env = {}): Promise<void> {
  if (!existsSync(SEED_FILE)) {
    console.warn(`${SEED_FILE} not found: skipping the seed.`);
    return;
  }
  await runOrThrow("seed", TSX, [SEED_FILE], { env: { ...process.env, ...env, DATABASE_URL: url } });
}

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
}

/** Same server and options, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function assertSafeName(name: string) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
}

async function withAdminClient<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates `name` on the server that `serverUrl` points at (whatever database it names) and returns its URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  assertSafeName(name);
  await withAdminClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  return withDatabase(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  assertSafeName(name);
  // FORCE: a test client or the app server may still hold a connection.
  await withAdminClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export type TestDatabase = {
  url: string;
  /** Pool size for app clients: 1 on the embedded database, which is a single session. */
  poolMax: string | undefined;
  kind: "server" | "embedded";
  dispose(): Promise<void>;
};

/**
 * A fresh, migrated (and optionally seeded) database for a test run. With DATABASE_URL set, a new
 * database on that server, dropped by dispose(); without it, an in-memory embedded Postgres living
 * in this process until dispose().
 */
export async function prepareTestDatabase({ prefix, seed = false }: { prefix: string; seed?: boolean }): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  let db: TestDatabase;
  if (serverUrl) {
    const name = uniqueDatabaseName(prefix);
    const url = await createDatabase(serverUrl, name);
    db = { url, poolMax: process.env.DATABASE_POOL_MAX, kind: "server", dispose: () => dropDatabase(serverUrl, name) };
  } else {
    const embedded = await startEmbeddedPostgres({ dataDir: "memory://", port: await freePort() });
    db = { url: embedded.url, poolMax: "1", kind: "embedded", dispose: embedded.stop };
  }
  try {
    const env = { DATABASE_POOL_MAX: db.poolMax };
    await runPrismaMigrateDeploy(db.url, env);
    if (seed) await runSeed(db.url, env);
  } catch (error) {
    await db.dispose();
    throw error;
  }
  return db;
}
