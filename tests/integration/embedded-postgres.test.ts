// The embedded Postgres (PGlite behind a socket server) is one session shared by every connection. A
// query with parameters is several protocol messages (Parse, Bind, Execute, Sync) into that session's
// one unnamed statement: if another connection's messages land in between, one query runs with the
// other's parameters. That is how the job runner logged `invalid input syntax for type uuid:
// "dashboard-summaries"`: pg-boss's poll for the dashboard queue (`name = $1`) bound to its own insert
// of a cron job (`$1::uuid`) on another connection of its pool.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { freePort } from "../../scripts/lib/database";

let embedded: EmbeddedPostgres;
const clients: pg.Client[] = [];

beforeAll(async () => {
  embedded = await startEmbeddedPostgres({ dataDir: "memory://", port: await freePort() });
  for (let i = 0; i < 3; i++) {
    const client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    clients.push(client);
  }
}, 60_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.end().catch(() => {})));
  await embedded?.stop();
});

describe("the embedded Postgres with several connections at once", () => {
  it("runs every connection's parameterised queries with that query's own parameters", async () => {
    const [uuids, names, transactions] = clients as [pg.Client, pg.Client, pg.Client];
    const id = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";
    const rounds = 150;
    const results = await Promise.allSettled([
      ...Array.from({ length: rounds }, () => uuids.query<{ id: string }>("SELECT $1::uuid AS id, $2::int AS n", [id, 1])),
      ...Array.from({ length: rounds }, () => names.query<{ id: string }>("SELECT $1::text AS id, $2::text AS n", ["dashboard-summaries", "x"])),
      // A transaction on a third connection at the same time keeps to itself too.
      (async () => {
        for (let i = 0; i < 20; i++) {
          await transactions.query("BEGIN");
          await transactions.query("SELECT $1::int AS n", [i]);
          await transactions.query("COMMIT");
        }
        return { rows: [] };
      })(),
    ]);
    const failures = results.flatMap((result) => (result.status === "rejected" ? [String(result.reason)] : []));
    expect(failures).toEqual([]);
    const values = results.flatMap((result) => (result.status === "fulfilled" ? result.value.rows.map((row) => (row as { id: string }).id) : []));
    expect(values.filter((value) => value === id)).toHaveLength(rounds);
    expect(values.filter((value) => value === "dashboard-summaries")).toHaveLength(rounds);
  }, 60_000);
});
