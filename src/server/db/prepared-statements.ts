import "server-only";
import pg from "pg";
import type { ServerEnv } from "../env";

/**
 * Statements the app sends again and again, prepared once per connection (docs/decisions/0039).
 *
 * Prisma's adapter sends every statement unnamed, so Postgres parses and plans it afresh each time:
 * on the 50,000-person history that was most of the database's work for a page (about 2 ms to plan
 * the queue's stage read against 1.5 ms to run it; 8 ms of Postgres CPU for a person's page, 2 ms once
 * prepared). A named statement is parsed once per connection, and after five runs Postgres keeps one
 * generic plan for it whenever that plan is estimated no dearer than the ones made for each run's
 * values (`plan_cache_mode = auto`); otherwise it goes on planning per run, as before.
 *
 * Bounded, so varying text cannot fill memory here or on the server: a statement is named from its
 * second sighting in this process (one-off text, such as a list of ids of a new length, stays
 * unnamed), the process remembers at most `MAX_TEXTS` texts, and a connection holds at most
 * `MAX_PER_CONNECTION` prepared statements (beyond that, statements go unnamed on it). Only reads
 * and writes are named (SELECT, INSERT, UPDATE, DELETE, WITH), never transaction control.
 *
 * `DATABASE_PREPARED_STATEMENTS=off` sends everything unnamed: for a connection pooler in
 * transaction mode, which hands each statement to any server connection.
 */
export const MAX_TEXTS = 2_000;
export const MAX_PER_CONNECTION = 200;
const PREPARABLE = /^\s*(?:SELECT|INSERT|UPDATE|DELETE|WITH)\b/i;

/**
 * Whether the app's pool prepares statements: as DATABASE_PREPARED_STATEMENTS says, and when it is
 * unset, everywhere but the embedded database (DATABASE_POOL_MAX=1): that is one Postgres session under
 * every connection, where a name one connection prepared is one another cannot prepare again.
 */
export function preparesStatements(env: Pick<ServerEnv, "DATABASE_PREPARED_STATEMENTS" | "DATABASE_POOL_MAX">): boolean {
  return (env.DATABASE_PREPARED_STATEMENTS ?? (env.DATABASE_POOL_MAX === 1 ? "off" : "on")) === "on";
}

/** A text seen once has no name yet; from its second sighting, its name for the life of the process. */
type Sighting = { name: string | null };

const sightings = new Map<string, Sighting>();
let nextName = 1;

/** The statement's name, or null while it has been seen only once (or is not a read or a write). */
export function statementName(text: string): string | null {
  const sighting = sightings.get(text);
  if (!sighting) {
    if (!PREPARABLE.test(text)) return null;
    // Full: forget the texts seen once, which were never named; named ones keep their names.
    if (sightings.size >= MAX_TEXTS) for (const [key, value] of sightings) if (value.name === null) sightings.delete(key);
    if (sightings.size >= MAX_TEXTS) return null;
    sightings.set(text, { name: null });
    return null;
  }
  // One name per text: a connection that prepared it reuses it.
  sighting.name ??= `vcp_${nextName++}`;
  return sighting.name;
}

type QueryConfig = { text?: unknown; name?: unknown; values?: unknown };

/** A pg client that names repeated statements (above); everything else it sends as pg does. */
export class PreparingClient extends pg.Client {
  #prepared = new Set<string>();

  // pg's overloads (text, config, callbacks, submittables) all pass through: only a plain
  // { text, values } config, as Prisma's adapter and pg's pool send, is given a name.
  query(...args: unknown[]): never {
    const [config] = args;
    if (config && typeof config === "object" && !("submit" in config)) {
      const query = config as QueryConfig;
      if (typeof query.text === "string" && query.name === undefined && Array.isArray(query.values)) {
        const name = statementName(query.text);
        if (name && (this.#prepared.has(name) || this.#prepared.size < MAX_PER_CONNECTION)) {
          this.#prepared.add(name);
          args[0] = { ...query, name };
        }
      }
    }
    return (super.query as (...all: unknown[]) => never)(...args);
  }
}
