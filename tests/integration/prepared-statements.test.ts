// Repeated statements are prepared once per connection (src/server/db/prepared-statements.ts): on a
// real Postgres, each run still answers with its own values, a failed statement or a rolled-back
// transaction leaves the connection working, and a connection never holds more than its bound.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_PER_CONNECTION, PreparingClient } from "../../src/server/db/prepared-statements";

let pool: pg.Pool;

beforeAll(async () => {
  // One connection, so every statement below lands on the connection whose prepared statements are read.
  // (pg's pool drops a connection whose statement failed, and opens a new one for the next.)
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1, Client: PreparingClient });
});

afterAll(async () => {
  await pool?.end();
});

async function preparedTexts(): Promise<string[]> {
  // Simple-protocol text (no values): never named itself, so it does not count towards what it reads.
  const result = await pool.query<{ statement: string }>({ text: "SELECT statement FROM pg_prepared_statements WHERE name LIKE 'vcp\\_%'" });
  return result.rows.map((row) => row.statement);
}

describe("statements prepared once per connection", () => {
  it("prepares a statement sent again, and each run answers with its own values, past the switch to a generic plan", async () => {
    const text = "SELECT $1::int * 2 AS doubled, $2::text AS label";
    for (let i = 0; i < 12; i++) {
      const result = await pool.query({ text, values: [i, `run ${i}`] });
      expect(result.rows).toEqual([{ doubled: i * 2, label: `run ${i}` }]);
    }
    expect(await preparedTexts()).toContain(text);
  });

  it("leaves a statement seen once unnamed", async () => {
    const text = "SELECT $1::int AS seen_once_only";
    await pool.query({ text, values: [1] });
    expect(await preparedTexts()).not.toContain(text);
  });

  it("answers after a prepared statement fails, and after a rolled-back or aborted transaction", async () => {
    const divide = "SELECT 10 / $1::int AS quotient";
    await pool.query({ text: divide, values: [5] });
    await expect(pool.query({ text: divide, values: [0] })).rejects.toThrow(/division by zero/);
    // A new connection: prepared again there.
    for (const by of [2, 5, 10]) expect((await pool.query({ text: divide, values: [by] })).rows).toEqual([{ quotient: 10 / by }]);

    const client = await pool.connect();
    try {
      const inside = "SELECT $1::int AS in_transaction";
      await client.query("BEGIN");
      await client.query({ text: inside, values: [1] });
      await client.query({ text: inside, values: [2] });
      await client.query("ROLLBACK");
      // A prepared statement outlives the transaction it was prepared in.
      expect((await client.query({ text: inside, values: [3] })).rows).toEqual([{ in_transaction: 3 }]);

      // A statement first sent (to be named) in a transaction already aborted is refused, and parsed again later.
      const later = "SELECT $1::int AS after_abort";
      await client.query({ text: later, values: [1] });
      await client.query("BEGIN");
      await expect(client.query({ text: divide, values: [0] })).rejects.toThrow(/division by zero/);
      await expect(client.query({ text: later, values: [2] })).rejects.toThrow(/current transaction is aborted/);
      await client.query("ROLLBACK");
      expect((await client.query({ text: later, values: [5] })).rows).toEqual([{ after_abort: 5 }]);
      expect((await client.query({ text: later, values: [6] })).rows).toEqual([{ after_abort: 6 }]);
    } finally {
      client.release();
    }
    const prepared = await preparedTexts();
    expect(prepared).toEqual(expect.arrayContaining(["SELECT $1::int AS in_transaction", "SELECT $1::int AS after_abort"]));
  });

  it(`holds at most ${MAX_PER_CONNECTION} prepared statements on a connection, and answers the rest unnamed`, async () => {
    const texts = Array.from({ length: MAX_PER_CONNECTION + 40 }, (_, i) => `SELECT $1::int + ${i} AS shifted`);
    for (const text of texts) await pool.query({ text, values: [1] });
    for (const [i, text] of texts.entries()) expect((await pool.query({ text, values: [1] })).rows).toEqual([{ shifted: 1 + i }]);
    const prepared = await preparedTexts();
    expect(prepared.length).toBe(MAX_PER_CONNECTION);
    // The ones beyond the bound still run, every time, with their own values.
    const last = texts.at(-1)!;
    expect(prepared).not.toContain(last);
    expect((await pool.query({ text: last, values: [100] })).rows).toEqual([{ shifted: 100 + texts.length - 1 }]);
  });
});
