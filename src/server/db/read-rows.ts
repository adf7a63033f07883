import "server-only";
import pg from "pg";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "./create-client";

/**
 * A read written in SQL (`Prisma.sql`), sent straight to the connection pool under the Prisma client.
 * `$queryRaw` sends the same statement, but first passes its text and arguments through Prisma's query
 * compiler (wasm, on the event loop) and afterwards converts every value of every row: about 1 ms of
 * CPU for the queue's stage rows, on every page (issue 15: app time at most 3× SQL time; decision
 * record 0041). The rows come back as `$queryRaw` gives them for the column types our reads select:
 *   - timestamp (without time zone, Prisma's DateTime): a Date, the stored value read as UTC;
 *   - timestamptz: a Date; date: a Date at UTC midnight;
 *   - json and jsonb: parsed; int2, int4, float, boolean, text, uuid and enums: as pg reads them.
 * A read whose columns are none of those (int8, numeric, arrays) stays on `$queryRaw`.
 *
 * Inside a transaction the client is a transaction client, which has no pool of its own here: the read
 * goes through `$queryRaw`, on the transaction's connection, so it sees what the transaction wrote.
 */
const pools = new WeakMap<object, pg.Pool>();

/** Called by createPrismaClient for the pool it hands the adapter. */
export function registerPool(db: Db, pool: pg.Pool): void {
  pools.set(db, pool);
}

const TIMESTAMP = 1114;
const DATE = 1082;

/** Prisma stores DateTime as UTC in `timestamp` columns; pg's own parser would read them in the process's time zone. */
function utcTimestamp(value: string): Date {
  return new Date(`${value.replace(" ", "T")}Z`);
}

const TYPES = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP) return utcTimestamp;
    if (oid === DATE) return (value: string) => new Date(`${value}T00:00:00Z`);
    return pg.types.getTypeParser(oid, format ?? "text");
  },
} as pg.CustomTypesConfig;

/** A Date as an instant with its zone (UTC), which a `timestamp` column reads as Prisma wrote it. */
function parameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return Array.isArray(value) ? value.map(parameter) : value;
}

function send(pool: pg.Pool, query: Prisma.Sql) {
  return pool.query({ text: query.text, values: query.values.map(parameter), types: TYPES });
}

export async function readRows<T>(db: Pick<Db, "$queryRaw">, query: Prisma.Sql): Promise<T[]> {
  const pool = pools.get(db);
  if (!pool) return db.$queryRaw<T[]>(query);
  return (await send(pool, query)).rows as T[];
}

/**
 * A statement that writes and returns no rows (an audit row's INSERT), by the same road: straight to
 * the pool, or `$executeRaw` on a transaction's connection. The number of rows it wrote.
 */
export async function runStatement(db: Pick<Db, "$executeRaw">, query: Prisma.Sql): Promise<number> {
  const pool = pools.get(db);
  if (!pool) return db.$executeRaw(query);
  return (await send(pool, query)).rowCount ?? 0;
}
