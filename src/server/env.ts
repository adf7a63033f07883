import "server-only";
// Kept free of "server-only" (like db/create-client.ts): scripts and integration tests read it too.
// It is still server code: nothing under src/components or src/domain may import it (eslint).
import { z } from "zod";

const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .refine((value) => value >= min && value <= max, `${name} must be from ${min} to ${max}`);

/**
 * Every setting the server reads from its environment, checked once. A bad value stops the server
 * with a message naming it, rather than surfacing later as a confusing failure.
 */
const serverEnvSchema = z.object({
  /** Optional here so a script given its own URL needs none; databaseUrl() insists. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL").optional(),
  /** Connections per pool. 1 on the embedded database (PGlite), which is a single Postgres session. */
  DATABASE_POOL_MAX: wholeNumber("DATABASE_POOL_MAX", 1, 100).default(10),
  /** "off" on a server that only serves pages, when another process runs the jobs. */
  JOB_RUNNER: z.enum(["on", "off"], { error: "JOB_RUNNER must be on or off" }).default("on"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Signs session tokens (Auth.js reads it too) and keys the sign-in throttle's HMACs. */
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  /** Proxies in front that append to X-Forwarded-For; 0 ignores the header (README "Sign-in throttling"). */
  TRUSTED_PROXY_COUNT: wholeNumber("TRUSTED_PROXY_COUNT", 0, 10).default(0),
  /** Password hashes (scrypt, 128 MiB each) one server runs at once; unset: half the cores. */
  SIGN_IN_HASH_CONCURRENCY: wholeNumber("SIGN_IN_HASH_CONCURRENCY", 1, 64).optional(),
  /** Sign-ins that may wait for a hash before the rest are told the service is busy. */
  SIGN_IN_HASH_QUEUE: wholeNumber("SIGN_IN_HASH_QUEUE", 0, 1000).default(8),
  /**
   * Where staff reach the app (https://pathway.example.gov.uk), for the absolute links administrators
   * pass on. Unset: the address the administrator's own browser used.
   */
  APP_URL: z.url({ protocol: /^https?$/, error: "APP_URL must be an http:// or https:// URL" }).optional(),
  /**
   * "on" counts SQL statements per request for the load benchmark (scripts/bench-load.ts); the app
   * server then logs them. Off in real use: nothing is measured.
   */
  REQUEST_STATS: z.enum(["on", "off"], { error: "REQUEST_STATS must be on or off" }).default("off"),
  /** "off" compiles every Prisma read afresh, as Prisma 6 does (src/server/db/query-plan-cache.ts, decision record 0034). */
  QUERY_PLAN_CACHE: z.enum(["on", "off"], { error: "QUERY_PLAN_CACHE must be on or off" }).default("on"),
  /**
   * "on" prepares repeated statements once per connection (src/server/db/prepared-statements.ts,
   * decision record 0039); "off" sends every statement unnamed, planned afresh each time, as for a
   * connection pooler in transaction mode. Unset: on, except with DATABASE_POOL_MAX=1, the embedded
   * database, which is one Postgres session under every connection: a statement one connection
   * prepared would be a name another connection cannot prepare again.
   */
  DATABASE_PREPARED_STATEMENTS: z.enum(["on", "off"], { error: "DATABASE_PREPARED_STATEMENTS must be on or off" }).optional(),
  /** Set by Next: which runtime and phase this module is loaded in. */
  NEXT_RUNTIME: z.enum(["nodejs", "edge"]).optional(),
  NEXT_PHASE: z.string().optional(),
});

export type ServerEnv = z.output<typeof serverEnvSchema>;

/** The environment checked; throws one error listing every bad setting. */
export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  // An empty variable is an unset one (a blank line in .env), so defaults apply.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = serverEnvSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `- ${issue.path.join(".")}: ${issue.message}`).join("\n");
  throw new Error(`The server's environment is not valid:\n${problems}`);
}

let cached: ServerEnv | undefined;

/** Read on first use, not at import: `next build` loads server modules with no database configured. */
export function serverEnv(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}

/** The app's database, which every server process needs. */
export function databaseUrl(): string {
  const url = serverEnv().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  return url;
}

export function authSecret(): string {
  const secret = serverEnv().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  return secret;
}

/** True while `next build` prerenders: no job runner, no database listener. */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}
