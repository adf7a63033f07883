import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { INTEGRATION_WORKERS } from "./tests/integration/workers";

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    // "server-only" throws outside React Server Components; the tests call server code directly.
    alias: { "server-only": fileURLToPath(new URL("./tests/support/empty.ts", import.meta.url)) },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["src/**/*.test.ts"],
          environment: "node",
          // Pure code: the files share their workers' modules instead of each loading them afresh
          // (about 15 s instead of 50 s here). Nothing here may depend on a fresh module (no vi.mock);
          // an environment variable a test sets is put back after it.
          isolate: false,
          unstubEnvs: true,
          // Code that signs or reads session tokens finds a secret, the same one whatever file runs first.
          env: { AUTH_SECRET: "unit-test-secret-not-for-production-0123456789abcdef" },
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          // Each worker has a database of its own (tests/integration/workers.ts, global-setup.ts).
          maxWorkers: INTEGRATION_WORKERS,
          fileParallelism: INTEGRATION_WORKERS > 1,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
