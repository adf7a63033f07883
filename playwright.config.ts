import { defineConfig, devices } from "@playwright/test";

// E2E_PORT lets two checkouts run their end-to-end suites side by side.
const PORT = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
const isCI = !!process.env.CI;

const browserUse = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    // The real binary: the /usr/bin/chromium wrapper injects API keys and flags.
    executablePath: process.env.CHROMIUM_PATH || "/usr/lib/chromium/chromium",
    // No sandbox (runs as root in CI) and no calls home (no internet here).
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      "--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,Translate",
    ],
  },
};

export default defineConfig({
  testDir: "tests/e2e",
  // Two cores. Journeys run one at a time (several change shared demo data: settings, the sign-in
  // throttle); only the canary's account walks, which change nothing another walk reads, run two at
  // once, after every journey (the "canary" project below).
  workers: 2,
  fullyParallel: false,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL,
    locale: "en-GB",
    timezoneId: "Europe/London",
    trace: "on-first-retry",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "chromium", testIgnore: /canary\.spec\.ts$/, workers: 1, use: browserUse },
    // Run one file alone with `--no-deps` (npx playwright test tests/e2e/canary.spec.ts --no-deps).
    { name: "canary", testMatch: /canary\.spec\.ts$/, dependencies: ["chromium"], workers: 2, use: browserUse },
  ],
  // Playwright starts the web server before any globalSetup, so the server script prepares the
  // database itself (fresh database on DATABASE_URL's server, or embedded Postgres), then builds if
  // needed and runs `next start`; SIGTERM makes it stop Next and drop the database.
  webServer: {
    command: "node --import tsx scripts/e2e-server.ts",
    url: baseURL,
    env: {
      E2E_PORT: String(PORT),
      AUTH_SECRET: "e2e-test-secret-not-for-production-0123456789abcdef",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    // Tests may read E2E_DATABASE_URL to check what the app stored.
    wait: { stdout: /e2e database ready: (?<e2e_database_url>\S+)/ },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
