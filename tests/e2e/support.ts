import { readFileSync } from "node:fs";
import type { Cookie, Page } from "@playwright/test";
import type { AxeResults, RunOptions } from "axe-core";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import pg from "pg";
import PgBoss from "pg-boss";
import { expect } from "./fixtures";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../../prisma/demo-accounts";
import { TOTP_DIGITS, TOTP_PERIOD_SECONDS, totpStepAt } from "../../src/domain/auth/totp-steps";

export const POLICE_CASEWORKER = "police.caseworker@demo.example";
export const COUNCIL_CASEWORKER = "council.caseworker@demo.example";

/** The database the e2e server uses (Playwright's webServer passes its URL), for checks and set-up. */
export async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set (Playwright's webServer passes it)");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The code of a TOTP secret for one 30-second step, computed with the library the app uses. */
export function totpCode(secret: string, step: number): string {
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(step), TOTP_DIGITS);
}

/**
 * A code the app will accept for this account now. Each step is accepted once per account, so it
 * reads the last step used and takes the earliest later one the app accepts (one step either side
 * of now). The step before now is used only well inside the current step, so that the clock turning
 * over between here and the server cannot make it too old. When a spec has signed one account in
 * three times within one step, all are used: rather than wait up to 30 seconds, the helper stands in
 * for that time passing and moves the account's record of its last step back (as the throttle spec
 * stands in for wrong passwords typed earlier). Replays themselves are tested where they are the point.
 */
export async function nextTotpCode(email: string, secret = DEMO_TOTP_SECRET): Promise<string> {
  const { rows } = await withDatabase((client) => client.query(`SELECT "totpLastUsedStep" AS step FROM "User" WHERE email = $1`, [email]));
  const last: number | null = rows[0]?.step ?? null;
  const now = Date.now();
  const current = totpStepAt(new Date(now));
  const msIntoStep = now % (TOTP_PERIOD_SECONDS * 1000);
  const candidates = [...(msIntoStep < 25_000 ? [current - 1] : []), current, current + 1];
  const step = candidates.find((candidate) => last === null || candidate > last);
  if (step !== undefined) return totpCode(secret, step);
  await withDatabase((client) => client.query(`UPDATE "User" SET "totpLastUsedStep" = $2 WHERE email = $1`, [email, current - 1]));
  return totpCode(secret, current);
}

/**
 * Asks the app's job runner for a sweep now instead of waiting for its minute (the runner's queues in
 * src/server/jobs/runner.ts, which the tests cannot import: it is server-only). The queue keeps one
 * sweep waiting at most, so when one is already waiting this adds nothing and that one runs. The runner
 * polls every 2 s; the sweep raises everything due, because the e2e server cleared the seed's backlog.
 */
export async function sweepNow(queue: "escalation-sweep" | "contact-gap-sweep"): Promise<void> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set (Playwright's webServer passes it)");
  const boss = new PgBoss({ connectionString: url, schema: "pgboss", migrate: false, supervise: false, schedule: false, max: 1 });
  await boss.start();
  try {
    await boss.send(queue, {});
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

/**
 * Session cookies this worker's sign-ins were given, by account. Signing in costs a
 * deliberately slow password hash and two form posts: a journey signing in as an account this worker
 * has signed in before takes up that session again, as a person returning to their desk would, while
 * it still stands. A session that has ended (signed out, switched off, timed out) sends "/" to the
 * sign-in page, and the account then signs in afresh.
 */
const sessionsTaken = new Map<string, Cookie[]>();
const SESSION_COOKIE = /authjs\.session-token/;

/**
 * Signed in as this account, on its landing page: the session this worker last had for it if that
 * still stands, or else both steps of signing in (`signInAfresh`).
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  // A worker process talks to one server all its life (tests/e2e/fixtures.ts): the account is the key.
  const key = `${email} ${password}`;
  const cookies = sessionsTaken.get(key);
  if (cookies) {
    await page.context().addCookies(cookies);
    await page.goto("/");
    if (!new URL(page.url()).pathname.startsWith("/sign-in")) return;
    sessionsTaken.delete(key);
  }
  await signInAfresh(page, email, password);
  sessionsTaken.set(key, (await page.context().cookies()).filter((cookie) => SESSION_COOKIE.test(cookie.name)));
}

/**
 * Both steps of signing in: the password, then a code from the demo accounts' published TOTP secret.
 * A session of its own: for tests about sessions, or two browsers of one account.
 */
export async function signInAfresh(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in\/code$/);
  await enterCode(page, email);
  await expect(page).not.toHaveURL(/sign-in/);
}

/** The code page's step; tries again if another sign-in of the same account took that step first. */
export async function enterCode(page: Page, email: string, secret = DEMO_TOTP_SECRET) {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt > 0) await page.goto("/sign-in/code");
    await page.getByLabel("Code from your authenticator app").fill(await nextTotpCode(email, secret));
    await page.getByRole("button", { name: "Continue" }).click();
    const outcome = await Promise.race([
      page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: 10_000 }).then(() => "signed-in"),
      page.getByTestId("error-summary").getByText("already been used").waitFor({ timeout: 10_000 }).then(() => "taken"),
    ]).catch(() => "other");
    if (outcome !== "taken") return;
  }
}

/**
 * Hands the browser to a journey's next user: its cookies go, as if someone else sat down at another
 * desk, but the session stays open on the server, so a later `signIn` of the same account in this
 * worker takes it up again instead of paying for a password hash and a code. Signing out itself is
 * tested where it is the point (sign-out.spec.ts, sessions.spec.ts, page by page in the canary's forms).
 */
export async function leaveBrowser(page: Page) {
  await page.context().clearCookies();
}

/** Signs out with the page's own button: the session ends on the server. */
export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

/**
 * WCAG 2.2 AA checks with axe: any violation fails the test and names the rule. A page without a
 * <title> fails first, by name (pages render theirs with their content: src/components/page-title.tsx).
 */
export async function expectNoAxeViolations(page: Page) {
  await expect(page).toHaveTitle(/\S/);
  const violations = await runAxe(page);
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}

// axe-core's own build, put into the page once per document and run with its documented axe.run.
// @axe-core/playwright's AxeBuilder evaluated the 500 kB script twice on every check (once for the
// page, once more for each frame) and asked for every passing node's details too: about 2.6 s a check
// on CI's machine, of which this keeps about 1 s. The app has no frames, so nothing is lost.
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const AXE_OPTIONS: RunOptions = {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
  // Only the failures are reported; passes and "incomplete" would be worked out in full for nothing.
  resultTypes: ["violations"],
};

async function runAxe(page: Page): Promise<AxeResults["violations"]> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === "object");
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (options) => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    return (await axe.run(document, options)).violations;
  }, AXE_OPTIONS);
}

/**
 * Full-page screenshots at phone and desktop widths, kept in screenshots/ for people to look at
 * (not in CI). * At each width the page must fit: nothing may make the whole page scroll sideways (wide tables
 * scroll inside their own region).
 */
export async function screenshotAtBothWidths(page: Page, name: string) {
  const original = page.viewportSize();
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth, `${name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(width);
    // The pictures are for people to look at; a CI run's are thrown away with its clone.
    if (!process.env.CI) await page.screenshot({ path: `screenshots/${name}-${width}.png`, fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}

/**
 * `task` for every item, at most `limit` at a time (under the app's 8 pages in flight, so none waits
 * to be let in); the results in the items' order.
 */
export async function inParallel<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

