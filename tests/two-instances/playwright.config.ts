// The two-instance check, run by scripts/two-instances.ts once both app servers and nginx are up
// (it passes their URLs); not part of the e2e suite, which runs one server of its own.
import { defineConfig } from "@playwright/test";
import base from "../../playwright.config";

const proxy = process.env.TWO_INSTANCES_PROXY;
if (!proxy) throw new Error("Run this through scripts/two-instances.ts (npm run two-instances), which starts the servers");

export default defineConfig({
  ...base,
  testDir: ".",
  // Waiting for the job runner's minute: two sweeps or more.
  timeout: 240_000,
  retries: 0,
  workers: 1,
  // Two servers and a browser on a shared two-core machine: a sign-in's password hash can take a while.
  expect: { timeout: 15_000 },
  use: { ...base.use, baseURL: proxy },
  webServer: undefined,
});
