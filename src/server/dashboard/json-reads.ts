import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "../db/create-client";

/**
 * One of the dashboard's reads as a scalar sub-select that yields JSON, with the function that turns
 * that JSON back into what the read returns. Several of them share one statement (`readTogether`):
 * the page fits issue 15's 6 statements, and reads in one statement see one snapshot.
 */
export type JsonRead<T> = { sql: Prisma.Sql; parse: (json: unknown) => T };

/** Every row of `query` as a JSON array of objects keyed by column name ([] when there are none). */
export const jsonRows = (query: Prisma.Sql) => Prisma.sql`(SELECT coalesce(json_agg(q), '[]'::json) FROM (${query}) q)`;

/** The single row of `query` as a JSON object (null when there is none). */
export const jsonRow = (query: Prisma.Sql) => Prisma.sql`(SELECT row_to_json(q) FROM (${query}) q)`;

type Parsed<T extends Record<string, JsonRead<unknown>>> = { [K in keyof T]: T[K] extends JsonRead<infer R> ? R : never };

/** Runs the reads as the columns of one SELECT: one statement, one snapshot. */
export async function readTogether<T extends Record<string, JsonRead<unknown>>>(db: Db, reads: T): Promise<Parsed<T>> {
  const names = Object.keys(reads);
  if (names.some((name) => !/^[A-Za-z]+$/.test(name))) throw new Error(`Read names are plain words: ${names.join(", ")}`);
  const columns = Prisma.join(names.map((name) => Prisma.sql`${reads[name]!.sql} AS ${Prisma.raw(`"${name}"`)}`));
  const [row] = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`SELECT ${columns}`);
  return Object.fromEntries(names.map((name) => [name, reads[name]!.parse(row?.[name] ?? null)])) as Parsed<T>;
}
