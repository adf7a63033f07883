// Reads written in SQL go straight to the pool (src/server/db/read-rows.ts): on a real Postgres they
// must answer exactly as `$queryRaw` does for every column type our reads select, in any time zone the
// server runs in, and inside a transaction they must see what the transaction wrote. Writes by the same
// road (the audit rows) must land as written, and inside a transaction roll back with it.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { Prisma } from "../../src/generated/prisma/client";
import { createPrismaClient } from "../../src/server/db/create-client";
import { readRows, runStatement } from "../../src/server/db/read-rows";

const db = createPrismaClient();
const zoneBefore = process.env.TZ;

afterEach(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

afterAll(async () => {
  await db.$disconnect();
});

// One row of every kind of column the app's SQL reads select, with parameters of every kind they pass.
const everyKind = (at: Date, on: Date, states: string[]) => Prisma.sql`
  SELECT ${at}::timestamp(3) AS "timestamp", ${at}::timestamptz AS "timestamptz", ${on}::date AS "date",
         '2026-03-10 09:15:00.123'::timestamp(3) AS "literalTimestamp", '2026-03-10 09:15:00.123+02'::timestamptz AS "literalTimestamptz",
         json_build_object('at', ${at}::timestamp(3), 'n', 7, 'list', json_build_array('a', null)) AS "json",
         jsonb_build_object('b', true) AS "jsonb",
         42::int4 AS "int4", 7::int2 AS "int2", 0.5::float8 AS "float8", true AS "bool", 'Ada Fictional'::text AS "text",
         'f47ac10b-58cc-4372-a567-0e02b2c3d479'::uuid AS "uuid", 'IN_PROGRESS'::"StageState" AS "enum",
         NULL::timestamp(3) AS "nothing", NULL::text AS "noText",
         ${[...states]}::"StageState"[] @> ARRAY['PAUSED']::"StageState"[] AS "hasPaused",
         ${at}::timestamp(3) = ${at}::timestamptz AS "sameInstant"`;

describe("reads sent straight to the pool", () => {
  for (const zone of ["UTC", "America/New_York", "Asia/Kolkata"]) {
    it(`answers as $queryRaw does, value for value, with the server in ${zone}`, async () => {
      process.env.TZ = zone;
      const at = new Date("2026-03-29T00:30:00.250Z"); // the night the UK's clocks go forward
      const on = new Date("2026-03-10T00:00:00Z");
      const query = everyKind(at, on, ["NOT_STARTED", "PAUSED"]);
      const direct = await readRows<Record<string, unknown>>(db, query);
      const throughPrisma = await db.$queryRaw<Record<string, unknown>[]>(query);
      expect(direct).toEqual(throughPrisma);
      const [row] = direct;
      expect((row!.timestamp as Date).toISOString()).toBe("2026-03-29T00:30:00.250Z");
      expect((row!.timestamptz as Date).toISOString()).toBe("2026-03-29T00:30:00.250Z");
      expect((row!.date as Date).toISOString()).toBe("2026-03-10T00:00:00.000Z");
      expect((row!.literalTimestamptz as Date).toISOString()).toBe("2026-03-10T07:15:00.123Z");
      expect(row!.json).toEqual({ at: "2026-03-29T00:30:00.25", n: 7, list: ["a", null] });
      expect(row).toMatchObject({ int4: 42, bool: true, uuid: "f47ac10b-58cc-4372-a567-0e02b2c3d479", enum: "IN_PROGRESS", nothing: null, hasPaused: true });
    });
  }

  it("reads inside a transaction on the transaction's connection: it sees the transaction's own writes", async () => {
    const probe = `read-rows probe ${crypto.randomUUID()}`;
    const count = (client: Parameters<typeof readRows>[0]) =>
      readRows<{ n: number }>(client, Prisma.sql`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "action" = ${probe}`);
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO "AuditEvent" ("occurredAt", "action", "entity", "outcome") VALUES (now(), ${probe}, 'probe', 'ok')`;
        expect(await count(tx as unknown as typeof db)).toEqual([{ n: 1 }]);
        // Outside the transaction, nothing yet.
        expect(await count(db)).toEqual([{ n: 0 }]);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await count(db)).toEqual([{ n: 0 }]);
  });

  it("writes straight to the pool outside a transaction, and on the transaction's connection inside one", async () => {
    // Throttle rows of keys no sign-in uses (the audit log would keep its rows for ever): removed at the end.
    const prefix = `run-statement probe ${crypto.randomUUID()}`;
    const at = new Date("2026-03-29T00:30:00.250Z");
    const insert = (label: string) =>
      Prisma.sql`INSERT INTO "SignInThrottle" ("key", "failures", "windowStartedAt", "expiresAt") VALUES (${`${prefix} ${label} 1`}, 1, ${at}, ${at}), (${`${prefix} ${label} 2`}, 2, ${at}, ${at})`;
    const stored = (client: Pick<typeof db, "signInThrottle"> = db) =>
      client.signInThrottle.findMany({ where: { key: { startsWith: prefix } }, select: { failures: true, windowStartedAt: true }, orderBy: { key: "asc" } });
    try {
      expect(await runStatement(db, insert("outside"))).toBe(2);
      expect(await stored()).toEqual([{ failures: 1, windowStartedAt: at }, { failures: 2, windowStartedAt: at }]);
      await expect(
        db.$transaction(async (tx) => {
          expect(await runStatement(tx, insert("inside"))).toBe(2);
          expect(await stored(tx)).toHaveLength(4);
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      expect(await stored()).toHaveLength(2);
    } finally {
      await db.signInThrottle.deleteMany({ where: { key: { startsWith: prefix } } });
    }
  });

  it("turns a failed statement into an error for its caller, and the pool keeps working", async () => {
    await expect(readRows(db, Prisma.sql`SELECT 1 / ${0}::int AS "never"`)).rejects.toThrow(/division by zero/);
    expect(await readRows(db, Prisma.sql`SELECT ${2}::int AS "two"`)).toEqual([{ two: 2 }]);
  });
});
