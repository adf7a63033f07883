import { defineConfig } from "prisma/config";
import { cliAdapterFactory } from "./prisma/cli-adapter";

// With a config file Prisma stops reading .env itself, and without DATABASE_URL `generate` tries
// to download an engine.
try {
  process.loadEnvFile();
} catch {
  // no .env: the environment must provide DATABASE_URL
}
// `generate` never connects, but with no DATABASE_URL at all it tries to download a query engine
// (no internet here). A fresh clone's `npm install` runs generate before any database exists.
if (!process.env.DATABASE_URL && process.argv.includes("generate")) {
  process.env.DATABASE_URL = "postgresql://generate-only@127.0.0.1:5432/unused";
}

// The wasm schema engine starts 10 s / 60 s timers it never clears, which keeps every CLI command
// alive long after it finished. Long timers must not hold the process open.
const timers = globalThis as unknown as Record<"setTimeout" | "setInterval", (...args: unknown[]) => NodeJS.Timeout>;
for (const name of ["setTimeout", "setInterval"] as const) {
  const original = timers[name];
  timers[name] = Object.assign((handler: unknown, ms?: number, ...rest: unknown[]) => {
    const timer = original(handler, ms, ...rest);
    if ((ms ?? 0) >= 5_000) timer.unref?.();
    return timer;
  }, original);
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  adapter: async () => cliAdapterFactory(process.env.DATABASE_URL ?? ""),
});
