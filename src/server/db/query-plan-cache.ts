import "server-only";

/**
 * Prisma 6's Rust-free client compiles every query to a plan (SQL and how to shape its rows) in wasm,
 * on the event loop, each time it is sent: 13 ms of CPU for a person's page read, half the page's
 * CPU (issue 15; docs/decisions/0034). Prisma 7.4 caches plans by query shape; 6.19 does not. Its
 * compiler already takes named parameters (`{"$type": "Param", "value": name}`), and its executor
 * reads them from the plan, so a read can be compiled once per shape with its ids as parameters, and
 * the plan reused with the next request's ids put in.
 *
 * Only reads, and only ids are parameters (uuids and session-secret hashes: what differs from user to
 * user and record to record); every other value stays part of the shape. A plan is trusted only
 * after the shape's parameterised plan, with the ids put back, came out identical to the compiler's
 * own plan for the literal query on two separate sightings; a shape that ever differs is never cached.
 * So a cached plan is, by check, the plan the compiler would have made: same SQL, same arguments,
 * same row shaping.
 */

type Plan = unknown;
type CompileFn = (this: unknown, request: string) => Plan;

const READ_ACTIONS = new Set(["findFirst", "findFirstOrThrow", "findUnique", "findUniqueOrThrow", "findMany", "count", "aggregate", "groupBy"]);
// A uuid, or a base64url SHA-256 (the session secret's hash, session-secret.ts).
const ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-z0-9_-]{43})$/i;
const TRUSTED_AFTER = 2;
const MAX_SHAPES = 500;

type Entry = { plan?: Plan; matches: number; broken: boolean };

/** The query with every id replaced by a named parameter (p0, p1, … in order); the ids in `values`. */
export function parameterise(value: unknown, values: string[]): unknown {
  if (typeof value === "string") {
    if (!ID.test(value)) return value;
    values.push(value);
    return { $type: "Param", value: `p${values.length - 1}` };
  }
  if (Array.isArray(value)) return value.map((item) => parameterise(item, values));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = parameterise(item, values);
    return out;
  }
  return value;
}

const isParam = (value: object): value is { prisma__type: "param"; prisma__value: { name: string } } =>
  (value as { prisma__type?: unknown }).prisma__type === "param";

/** A fresh copy of a parameterised plan with the values put in where the compiler left parameters. */
export function substitute(plan: Plan, values: readonly string[]): Plan {
  if (Array.isArray(plan)) return plan.map((item) => substitute(item, values));
  if (plan !== null && typeof plan === "object") {
    if (isParam(plan)) {
      const match = /^p(\d+)$/.exec(plan.prisma__value.name);
      const value = match ? values[Number(match[1])] : undefined;
      // A parameter this cache did not name: the caller treats the shape as not cacheable.
      if (value === undefined) throw new Error(`Unknown query parameter ${plan.prisma__value.name}`);
      return value;
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(plan)) out[key] = substitute(item, values);
    return out;
  }
  return plan;
}

/** Wraps a compile function with the cache. Exported for the unit test; the app uses installQueryPlanCache. */
export function cachingCompile(compile: CompileFn, maxShapes = MAX_SHAPES): CompileFn & { shapes: Map<string, Entry> } {
  const shapes = new Map<string, Entry>();
  const cached = function (this: unknown, request: string): Plan {
    let query: { action?: string; query?: unknown };
    try {
      query = JSON.parse(request) as typeof query;
    } catch {
      return compile.call(this, request);
    }
    if (!query.action || !READ_ACTIONS.has(query.action)) return compile.call(this, request);
    const values: string[] = [];
    const shape = JSON.stringify({ ...query, query: parameterise(query.query, values) });
    if (values.length === 0) return compile.call(this, request);

    const entry = shapes.get(shape);
    if (entry && !entry.broken && entry.matches >= TRUSTED_AFTER) {
      shapes.delete(shape);
      shapes.set(shape, entry);
      return substitute(entry.plan, values);
    }
    const literal = compile.call(this, request);
    if (!entry) {
      shapes.set(shape, { matches: 0, broken: false });
      if (shapes.size > maxShapes) shapes.delete(shapes.keys().next().value!);
      return literal;
    }
    if (entry.broken) return literal;
    try {
      entry.plan ??= compile.call(this, shape);
      if (JSON.stringify(substitute(entry.plan, values)) === JSON.stringify(literal)) entry.matches += 1;
      else entry.broken = true;
    } catch {
      entry.broken = true;
    }
    if (entry.broken) entry.plan = undefined;
    return literal;
  };
  return Object.assign(cached, { shapes });
}

const INSTALLED = Symbol.for("victim-care-pathway.query-plan-cache");

/**
 * Puts the cache in front of the query compiler the generated client loads (the same module
 * instance, so the same class). Asynchronous because the compiler is an ES module; queries sent before
 * it lands are compiled as before.
 */
export async function installQueryPlanCache(): Promise<void> {
  // The same specifier as the generated client's, so the bundler gives both the one module (and class).
  const runtime = await import("@prisma/client/runtime/query_compiler_bg.postgresql.mjs");
  const prototype = runtime.QueryCompiler?.prototype;
  if (!prototype || prototype[INSTALLED] || typeof prototype.compile !== "function") return;
  prototype.compile = cachingCompile(prototype.compile as CompileFn);
  prototype[INSTALLED] = true;
}
