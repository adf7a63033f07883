import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { countStatement } from "@/lib/request-stats";
import { databaseUrl, serverEnv } from "../env";
import { PreparingClient, preparesStatements } from "./prepared-statements";
import { installQueryPlanCache } from "./query-plan-cache";
import { registerPool } from "./read-rows";

export type Db = PrismaClient;

export function createPrismaClient(connectionString?: string): PrismaClient {
  // The embedded database (PGlite) is one Postgres session underneath: more than one connection
  // would interleave transactions, so the launcher sets DATABASE_POOL_MAX=1 for it.
  const env = serverEnv();
  const config: pg.PoolConfig = { connectionString: connectionString ?? databaseUrl(), max: env.DATABASE_POOL_MAX };
  // Repeated statements are prepared once per connection (./prepared-statements.ts, decision record 0039).
  if (preparesStatements(env)) config.Client = PreparingClient;
  if (env.QUERY_PLAN_CACHE === "on") void installQueryPlanCache();
  const pool = env.REQUEST_STATS === "on" ? countedPool(config) : new pg.Pool(config);
  // The pool is the client's own: $disconnect ends it. Reads in SQL use it directly (./read-rows.ts).
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  registerPool(client, pool);
  return client;
}

/**
 * A pool that counts each statement towards the request that sent it (src/lib/request-stats.ts).
 * Prisma sends single statements through `pool.query` and transactions through a client from
 * `pool.connect()`; both are counted where they are called, so the count lands on the caller's
 * request even when the pool hands a connection over from another one. `pool.query` reaches its
 * client through the callback form of `connect`, which is left alone, so nothing counts twice.
 */
export function countedPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  (pool as unknown as { query: typeof query }).query = (...args) => countStatement(() => query(...args));
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { connect: typeof connect }).connect = (...args) => {
    if (args.length > 0) return connect(...args);
    return (connect() as Promise<pg.PoolClient>).then((client) => counted(client));
  };
  return pool;
}

const WRAPPED = Symbol("wrapped");
const HELD = Symbol("held by a transaction");
type Marked = pg.PoolClient & { [WRAPPED]?: true; [HELD]?: boolean };

/**
 * A client lent out by `pool.connect()` counts its statements until it is released. The same client
 * later serving `pool.query` must not count them again, so the count is switched off on release.
 */
function counted(client: pg.PoolClient): pg.PoolClient {
  const marked = client as Marked;
  marked[HELD] = true;
  if (!marked[WRAPPED]) {
    marked[WRAPPED] = true;
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as unknown as { query: typeof query }).query = (...args) => (marked[HELD] ? countStatement(() => query(...args)) : query(...args));
  }
  // The pool gives the client a fresh `release` at every checkout, so it is wrapped at every one.
  const release = client.release.bind(client);
  client.release = (...args: Parameters<typeof release>) => {
    marked[HELD] = false;
    return release(...args);
  };
  return client;
}
