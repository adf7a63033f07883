import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../../src/generated/prisma/client";
import { countedPool } from "../../src/server/db/create-client";
import { runWithRequestStats, type RequestStats } from "../../src/lib/request-stats";

// The load benchmark's "SQL statements per page" comes from this count (scripts/bench-load.ts).
const pool = countedPool({ connectionString: process.env.DATABASE_URL, max: 1 });
const db = new PrismaClient({ adapter: new PrismaPg(pool) });

afterAll(async () => {
  await db.$disconnect();
});

const fresh = (): RequestStats => ({ statements: 0, sqlMs: 0 });

// Prisma's queries are lazy: they run when awaited, so each is awaited inside the request's context,
// as every page and action is.

describe("counting SQL statements per request", () => {
  it("counts single statements and every statement of a transaction once, with the time spent", async () => {
    const single = fresh();
    await runWithRequestStats(single, async () => await db.partnership.findMany({ take: 1 }));
    expect(single.statements).toBe(1);
    expect(single.sqlMs).toBeGreaterThan(0);

    const transaction = fresh();
    await runWithRequestStats(transaction, async () => {
      await db.$transaction(async (tx) => {
        await tx.partnership.count();
        await tx.agency.count();
      });
    });
    // BEGIN, the two counts, COMMIT.
    expect(transaction.statements).toBe(4);

    // The connection the transaction used now serves single statements again: counted once, not twice.
    const after = fresh();
    await runWithRequestStats(after, async () => await db.partnership.count());
    expect(after.statements).toBe(1);
  });

  it("charges each statement to the request that sent it, when one connection is handed from request to request", async () => {
    const first = fresh();
    const second = fresh();
    // One connection: the second request's statements wait for the first's to free it.
    await Promise.all([
      runWithRequestStats(first, async () => {
        for (let i = 0; i < 3; i++) await db.partnership.count();
      }),
      runWithRequestStats(second, async () => {
        await db.$transaction(async (tx) => {
          await tx.agency.count();
        });
        for (let i = 0; i < 2; i++) await db.agency.count();
      }),
    ]);
    expect(first.statements).toBe(3);
    expect(second.statements).toBe(5);
  });

  it("charges a statement sent outside any request (the job runner's sweeps) to no request", async () => {
    const earlier = fresh();
    await runWithRequestStats(earlier, async () => await db.partnership.count());
    // Same connection, later, from no request.
    await db.partnership.count();
    await db.$transaction(async (tx) => {
      await tx.agency.count();
    });
    expect(earlier.statements).toBe(1);
  });
});

describe("SQL time", () => {
  it("counts statements running side by side once, as wall-clock time", async () => {
    const wide = countedPool({ connectionString: process.env.DATABASE_URL, max: 4 });
    try {
      const stats = fresh();
      const started = performance.now();
      await runWithRequestStats(stats, async () => {
        await Promise.all([0, 1, 2, 3].map(() => wide.query("SELECT pg_sleep(0.2)")));
      });
      const elapsed = performance.now() - started;
      expect(stats.statements).toBe(4);
      // Four 200 ms sleeps at once: about 200 ms of SQL time, not 800.
      expect(stats.sqlMs).toBeGreaterThanOrEqual(195);
      expect(stats.sqlMs).toBeLessThanOrEqual(elapsed + 1);
    } finally {
      await wide.end();
    }
  });
});
