import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { createServer } from "node:net";
import pg from "pg";

export type EmbeddedPostgres = { url: string; stop(): Promise<void> };

type Options = {
  /** Directory holding the data, or "memory://" for a throwaway database. */
  dataDir?: string;
  port?: number;
};

const HOST = "127.0.0.1";

/**
 * Postgres compiled to wasm (PGlite), served over TCP from this process so that child processes
 * (Prisma CLI, seed, Next) can reach it with an ordinary connection string.
 */
export async function startEmbeddedPostgres({ dataDir = ".data/pglite", port = 5433 }: Options = {}): Promise<EmbeddedPostgres> {
  // Fail before opening the data directory: a second copy of PGlite on the same files corrupts them.
  await assertPortFree(port);
  const isMemory = dataDir.startsWith("memory://");
  const location = isMemory ? dataDir : resolve(dataDir);
  if (!isMemory) mkdirSync(location, { recursive: true });

  // pg_trgm: the search page's trigram indexes (migration 20261203080000), as on a Postgres server.
  const db = await PGlite.create(location, { extensions: { pg_trgm } });
  // The default of one connection breaks any pool ("Connection terminated unexpectedly"); the CLI,
  // the seed and the app each open their own.
  const server = new PGLiteSocketServer({ db: oneQueryAtATime(db), host: HOST, port, maxConnections: 10 });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }

  const url = `postgresql://postgres@${HOST}:${port}/postgres?sslmode=disable`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.stop();
    await db.close();
  };

  try {
    await waitUntilAcceptingQueries(url, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

// The extended query protocol's messages: a query with parameters is Parse, Bind, Describe, Execute,
// then Sync, each a message of its own.
const EXTENDED_QUERY_MESSAGES = new Set(["P", "B", "D", "E", "C", "H"]);
const SYNC = "S";

/**
 * PGlite is one session for every connection, and the socket server takes their messages in turn
 * one by one, keeping to one connection only inside a transaction. A query with parameters is
 * several messages into the session's one unnamed statement, so another connection's Parse or Bind in
 * between ran one query with the other's parameters: wrong rows, or `invalid input syntax for type
 * uuid: "dashboard-summaries"` from pg-boss's pool (tests/integration/embedded-postgres.test.ts).
 * The server asks `isInTransaction()` whom to serve next: it is also "yes" from a connection's first
 * extended-query message until its Sync, so that connection is served alone until its query is done.
 */
function oneQueryAtATime(db: PGlite): PGlite {
  let inQuery = false;
  return new Proxy(db, {
    get(target, property) {
      if (property === "isInTransaction") return () => inQuery || target.isInTransaction();
      if (property === "execProtocolRawStream") {
        return async (message: Uint8Array, options: Parameters<PGlite["execProtocolRawStream"]>[1]) => {
          const type = String.fromCharCode(message[0] ?? 0);
          try {
            return await target.execProtocolRawStream(message, options);
          } finally {
            if (type === SYNC) inQuery = false;
            else if (EXTENDED_QUERY_MESSAGES.has(type)) inQuery = true;
          }
        };
      }
      // A connection that went away mid-query: the server rolls back and serves the others again.
      if (property === "exec") {
        return (query: string, options?: Parameters<PGlite["exec"]>[1]) => {
          if (query.trim().toUpperCase() === "ROLLBACK") inQuery = false;
          return target.exec(query, options);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export async function waitUntilAcceptingQueries(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query("select 1");
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`Postgres at ${redact(url)} did not accept connections: ${String(error)}`);
      await new Promise((r) => setTimeout(r, 250));
    } finally {
      await client.end().catch(() => {});
    }
  }
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", () =>
      reject(new Error(`Port ${port} on ${HOST} is in use (another embedded Postgres?). Choose another with EMBEDDED_PG_PORT.`)),
    );
    probe.listen(port, HOST, () => probe.close(() => resolvePort()));
  });
}
