import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// E2E_PORT lets two checkouts run their end-to-end suites side by side.
const PORT = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
const isCI = !!process.env.CI;
// One browser at a time by default. E2E_WORKERS=N runs N, each against its own app server and its own
// copy of the seeded database (scripts/e2e-server.ts), for a machine with cores to spare: on CI's two
// cores, two workers beside the integration tests saturated them and the run took longer, not less
// (integration 250 s → over 800 s). Embedded Postgres (no DATABASE_URL) is one session: one worker.
const WORKERS = process.env.DATABASE_URL ? Number(process.env.E2E_WORKERS || 1) : 1;
// Debian's old headless shell (package chromium-headless-shell) where it is installed: the browser
// Playwright itself runs headless, without the full browser's UI. For the same journeys it used about a
// third less CPU than the full chromium, the largest share of an e2e run. CHROMIUM_PATH picks another
// (the full /usr/lib/chromium/chromium for --headed).
const CHROMIUM = process.env.CHROMIUM_PATH || ["/usr/lib/chromium/chromium-headless-shell", "/usr/lib/chromium/chromium"].find((path) => existsSync(path));

export default defineConfig({
  testDir: "tests/e2e",
  workers: WORKERS,
  fullyParallel: false,
  forbidOnly: isCI,
  // One retry in CI, reported as flaky in the summary: a failure that repeats is a failure.
  retries: isCI ? 1 : 0,
  // A journey's time limit is a backstop for a hung test, not a speed check (benchmarks are): CI's
  // machine, two cores shared by the app, its database, the browser and the integration tests, has
  // taken twice as long for the same journeys on one day as on another.
  timeout: isCI ? 90_000 : 30_000,
  expect: { timeout: isCI ? 10_000 : 5_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    locale: "en-GB",
    timezoneId: "Europe/London",
    trace: "on-first-retry",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          // The real binary: the /usr/bin/chromium wrapper injects API keys and flags.
          executablePath: CHROMIUM,
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
      },
    },
  ],
  // Playwright starts the web server before any globalSetup, so the server script prepares the
  // database itself (fresh database on DATABASE_URL's server, or embedded Postgres), then builds if
  // needed and runs `next start`; SIGTERM makes it stop Next and drop the database.
  webServer: {
    command: "node --import tsx scripts/e2e-server.ts",
    url: baseURL,
    env: {
      E2E_PORT: String(PORT),
      E2E_SERVERS: String(WORKERS),
      // scripts/e2e-server.ts stops when this process is gone, however it went.
      E2E_PLAYWRIGHT_PID: String(process.pid),
      AUTH_SECRET: "e2e-test-secret-not-for-production-0123456789abcdef",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    // Tests read their worker's database (E2E_DATABASE_URL, tests/e2e/fixtures.ts) to check what the app stored.
    wait: { stdout: /e2e databases ready: (?<e2e_database_urls>\S+)/ },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
