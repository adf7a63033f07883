// Many rows in one statement: every column travels as one text[] parameter and is unnested and cast
// to the column's own type, so a statement has as many parameters as columns, whatever the row count.
// Prisma's createMany is far slower at this size (about 15 s per 1,000 people with their stages).
import type { Prisma } from "../../src/generated/prisma/client";

type Raw = Pick<Prisma.TransactionClient, "$executeRawUnsafe" | "$queryRawUnsafe">;

const columnTypes = new Map<string, Map<string, string>>();

async function typesOf(db: Raw, table: string): Promise<Map<string, string>> {
  const known = columnTypes.get(table);
  if (known) return known;
  const rows = await db.$queryRawUnsafe<{ column_name: string; udt_name: string }[]>(
    `SELECT column_name::text AS column_name, udt_name::text AS udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
    table,
  );
  const types = new Map(rows.map((row) => [row.column_name, row.udt_name.startsWith("_") ? `"${row.udt_name.slice(1)}"[]` : `"${row.udt_name}"`]));
  columnTypes.set(table, types);
  return types;
}

const arrayLiteral = (items: unknown[]) =>
  `{${items.map((item) => `"${String(item).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return arrayLiteral(value);
  return String(value);
}

/** Inserts `rows` into `table`; a key missing from a row is stored as null. */
export async function bulkInsert(db: Raw, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const types = await typesOf(db, table);
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  for (const column of columns) if (!types.has(column)) throw new Error(`${table} has no column ${column}`);
  const params = columns.map((column) => rows.map((row) => asText(row[column])));
  const aliases = columns.map((_, i) => `c${i}`);
  await db.$executeRawUnsafe(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")})
     SELECT ${columns.map((column, i) => `u.c${i}::${types.get(column)}`).join(", ")}
     FROM unnest(${columns.map((_, i) => `$${i + 1}::text[]`).join(", ")}) AS u(${aliases.join(", ")})`,
    ...params,
  );
}
