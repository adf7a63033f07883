import { test as base, expect, type Browser, type BrowserContext } from "@playwright/test";

/** One thing the browser refused under the Content-Security-Policy, or its console message saying so. */
export interface CspViolation {
  url: string;
  directive: string;
  blocked: string;
  sample?: string;
}

const BINDING = "__reportCspViolation";
const CONSOLE_REFUSAL = /Content Security Policy/i;

/**
 * Every spec imports `test` and `expect` from here (ESLint refuses them from "@playwright/test"), so
 * every journey runs under the real policy and fails on any violation: a script, style, connection
 * or form the policy blocked is a page that does not work for its user. Pages opened in contexts the
 * test makes itself (`browser.newContext()`, as for two users at once) are watched too.
 *
 * A test that provokes a violation on purpose reads and empties `cspViolations` itself.
 */
export const test = base.extend<{ cspViolations: CspViolation[] }, { ownServer: void }>({
  // Each worker has an app server and a database of its own (scripts/e2e-server.ts starts one per
  // worker, on consecutive ports, each database a copy of the one seeded): specs running at the same
  // time never see each other's changes. parallelIndex is the worker's slot, kept by its replacement
  // after a failure, so a retry runs against the same server.
  ownServer: [
    async ({}, runWorker, workerInfo) => {
      const urls = (process.env.E2E_DATABASE_URLS ?? "").split(",").filter(Boolean);
      if (urls.length > 0) process.env.E2E_DATABASE_URL = urls[workerInfo.parallelIndex % urls.length];
      await runWorker();
    },
    { scope: "worker", auto: true },
  ],
  baseURL: async ({ baseURL }, runTest, testInfo) => {
    const url = new URL(baseURL!);
    url.port = String(Number(url.port) + testInfo.parallelIndex);
    await runTest(url.origin);
  },
  cspViolations: [
    async ({ browser, context }, runTest) => {
      const violations: CspViolation[] = [];
      await watchContext(context, violations);
      const restore = watchNewContexts(browser, violations);
      try {
        await runTest(violations);
      } finally {
        restore();
      }
      expect(violations, "the browser reported Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

async function watchContext(context: BrowserContext, violations: CspViolation[]) {
  await context.exposeBinding(BINDING, (_source, violation: CspViolation) => void violations.push(violation));
  // Registered before any of the page's own scripts run, so nothing the page does escapes it.
  await context.addInitScript((binding) => {
    document.addEventListener(
      "securitypolicyviolation",
      (event) => {
        const report = (window as unknown as Record<string, (v: unknown) => void>)[binding];
        report?.({ url: event.documentURI, directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample });
      },
      true,
    );
  }, BINDING);
  // Chromium also logs each refusal; this catches one raised before the listener could hear it.
  context.on("console", (message) => {
    if (message.type() === "error" && CONSOLE_REFUSAL.test(message.text())) {
      violations.push({ url: message.page()?.url() ?? "", directive: "(console)", blocked: message.text() });
    }
  });
}

function watchNewContexts(browser: Browser, violations: CspViolation[]): () => void {
  const original = browser.newContext;
  browser.newContext = async function (...args: Parameters<Browser["newContext"]>) {
    const context = await original.apply(browser, args);
    await watchContext(context, violations);
    return context;
  };
  return () => {
    browser.newContext = original;
  };
}
