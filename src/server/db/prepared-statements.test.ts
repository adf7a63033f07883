import { describe, expect, it } from "vitest";
import { MAX_TEXTS, preparesStatements, statementName } from "./prepared-statements";

describe("statementName", () => {
  it("names a statement from its second sighting, and keeps that name", () => {
    const text = `SELECT 1 AS "first sighting test" WHERE $1::int = 1`;
    expect(statementName(text)).toBeNull();
    const name = statementName(text);
    expect(name).toMatch(/^vcp_\d+$/);
    expect(statementName(text)).toBe(name);
    expect(statementName(`${text} `)).toBeNull();
  });

  it("gives different statements different names", () => {
    const a = `SELECT $1::text AS "a, names test"`;
    const b = `SELECT $1::text AS "b, names test"`;
    statementName(a);
    statementName(b);
    expect(statementName(a)).not.toBe(statementName(b));
  });

  it("never names transaction control or other commands", () => {
    for (const text of ["BEGIN", "COMMIT", "ROLLBACK", "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE", "SAVEPOINT a", "LISTEN live"]) {
      statementName(text);
      expect(statementName(text), text).toBeNull();
    }
    const write = `  with x as (select 1) update "Stage" set "state" = $1 -- lower case, leading space`;
    statementName(write);
    expect(statementName(write)).not.toBeNull();
  });

  it("remembers a bounded number of texts: one-off texts make room, named ones keep their names", () => {
    const named = `SELECT $1::int AS "kept through the flood"`;
    statementName(named);
    const name = statementName(named);
    for (let i = 0; i < MAX_TEXTS + 500; i++) statementName(`SELECT ${i} AS "one-off flood" WHERE $1::int = 1`);
    expect(statementName(named)).toBe(name);
    // A text first seen during the flood is remembered again after it, and named at its second sighting.
    const late = `SELECT $1::int AS "after the flood"`;
    expect(statementName(late)).toBeNull();
    expect(statementName(late)).toMatch(/^vcp_\d+$/);
  });
});

describe("preparesStatements", () => {
  it("follows DATABASE_PREPARED_STATEMENTS, and is off by default only on the embedded database's one-connection pool", () => {
    expect(preparesStatements({ DATABASE_POOL_MAX: 10, DATABASE_PREPARED_STATEMENTS: undefined })).toBe(true);
    expect(preparesStatements({ DATABASE_POOL_MAX: 1, DATABASE_PREPARED_STATEMENTS: undefined })).toBe(false);
    expect(preparesStatements({ DATABASE_POOL_MAX: 10, DATABASE_PREPARED_STATEMENTS: "off" })).toBe(false);
    expect(preparesStatements({ DATABASE_POOL_MAX: 1, DATABASE_PREPARED_STATEMENTS: "on" })).toBe(true);
  });
});
