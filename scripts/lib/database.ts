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

/**
 * `npm test` tags every database (and role) its stages make with VCP_TEST_RUN, so that an interrupted
 * run can drop whatever its children had no time to (dropRunDatabases).
 */
export function uniqueDatabaseName(prefix: string): string {
  const run = process.env.VCP_TEST_RUN;
  return `${prefix}_${run ? `${run}_` : ""}${Date.now()}_${randomBytes(3).toString("hex")}`;
}

/** Drops every database and role whose name carries this run's tag (see uniqueDatabaseName); returns their names. */
export async function dropRunDatabases(serverUrl: string, run: string): Promise<string[]> {
  assertSafeName(run);
  const pattern = `%\\_${run}\\_%`;
  const databases = await withAdminClient(serverUrl, async (c) => (await c.query<{ name: string }>(`SELECT datname AS name FROM pg_database WHERE datname LIKE $1`, [pattern])).rows);
  for (const { name } of databases) await dropDatabase(serverUrl, name);
  const roles = await withAdminClient(serverUrl, async (c) => (await c.query<{ name: string }>(`SELECT rolname AS name FROM pg_roles WHERE rolname LIKE $1`, [pattern])).rows);
  for (const { name } of roles) await dropRole(serverUrl, name);
  return [...databases, ...roles].map(({ name }) => name);
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

/** The group role the migrations grant the app's privileges to (docs/decisions/0006-database-roles.md). */
export const APP_GROUP_ROLE = "vcp_app";

/**
 * Creates a login role that is a member of the app's group role, for the database at `databaseUrl`,
 * and returns that database's URL as the new role. The group role must exist (the migrations make it).
 */
export async function createAppLoginRole(databaseUrl: string, role: string): Promise<string> {
  assertSafeName(role);
  // Random, so the URL works on servers that ask for a password as well as on trust auth.
  const password = randomBytes(18).toString("base64url");
  await withAdminClient(databaseUrl, (c) => c.query(`CREATE ROLE "${role}" LOGIN PASSWORD '${password}' IN ROLE ${APP_GROUP_ROLE}`));
  const url = new URL(databaseUrl);
  url.username = role;
  url.password = password;
  return url.toString();
}

/** Drops a role made by createAppLoginRole; its database must be gone first (it may own nothing). */
export async function dropRole(serverUrl: string, role: string): Promise<void> {
  assertSafeName(role);
  await withAdminClient(serverUrl, (c) => c.query(`DROP ROLE IF EXISTS "${role}"`));
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
  /** The app's URL. On a server, a login role of this run that is a member of vcp_app. */
  url: string;
  /** Owns the schema: migrations, seed, and tests about the setup itself. On the embedded database, the same as url. */
  ownerUrl: string;
  /** Pool size for app clients: 1 on the embedded database, which is a single session. */
  poolMax: string | undefined;
  kind: "server" | "embedded";
  dispose(): Promise<void>;
};

/**
 * A fresh, migrated (and optionally seeded) database for a test run. With DATABASE_URL set, a new
 * database on that server, dropped by dispose(); without it, an in-memory embedded Postgres living
 * in this process until dispose(). On a server the app and the tests connect as a login role made for
 * this run, a member of the least-privilege vcp_app; PGlite has one session for every connection, so
 * there everything runs as its one superuser.
 */
export async function prepareTestDatabase({ prefix, seed = false }: { prefix: string; seed?: boolean }): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: "memory://", port: await freePort() });
    try {
      await migrateAndSeed(embedded.url, "1", seed);
    } catch (error) {
      await embedded.stop();
      throw error;
    }
    return { url: embedded.url, ownerUrl: embedded.url, poolMax: "1", kind: "embedded", dispose: embedded.stop };
  }

  const name = uniqueDatabaseName(prefix);
  const appRole = `${name}_app`;
  const poolMax = process.env.DATABASE_POOL_MAX;
  const ownerUrl = await createDatabase(serverUrl, name);
  const dispose = async () => {
    await dropDatabase(serverUrl, name);
    await dropRole(serverUrl, appRole);
  };
  try {
    await migrateAndSeed(ownerUrl, poolMax, seed);
    const url = await createAppLoginRole(ownerUrl, appRole);
    return { url, ownerUrl, poolMax, kind: "server", dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

async function migrateAndSeed(ownerUrl: string, poolMax: string | undefined, seed: boolean): Promise<void> {
  const env = { DATABASE_POOL_MAX: poolMax };
  await runPrismaMigrateDeploy(ownerUrl, env);
  if (seed) await runSeed(ownerUrl, env);
}

/**
 * A copy of a prepared server database (CREATE DATABASE … TEMPLATE: a file copy, about a second for
 * the seeded demo, instead of seeding again), with a login role of its own. Nothing may be connected to
 * the source while it is copied.
 */
export async function copyTestDatabase(source: TestDatabase, prefix: string): Promise<TestDatabase> {
  if (source.kind !== "server") throw new Error("Only a database on a server can be copied");
  const serverUrl = source.ownerUrl;
  const sourceName = new URL(source.ownerUrl).pathname.slice(1);
  const name = uniqueDatabaseName(prefix);
  const appRole = `${name}_app`;
  assertSafeName(sourceName);
  assertSafeName(name);
  await withAdminClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${sourceName}"`));
  const ownerUrl = withDatabase(serverUrl, name);
  const dispose = async () => {
    await dropDatabase(serverUrl, name);
    await dropRole(serverUrl, appRole);
  };
  try {
    const url = await createAppLoginRole(ownerUrl, appRole);
    return { url, ownerUrl, poolMax: source.poolMax, kind: "server", dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
