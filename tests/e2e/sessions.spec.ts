import type { APIResponse, BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import pg from "pg";
import { expectNoAxeViolations, POLICE_CASEWORKER, screenshotAtBothWidths, signInAfresh, signOut } from "./support";

// Server-side sessions (docs/decisions/0004-server-side-sessions.md). The idle clock is moved by
// writing the session's last-seen time in the e2e database and by Playwright's fake browser clock;
// the app has no test-only way in.

type SessionRow = { id: string; lastSeenAt: Date; expiresAt: Date; endedAt: Date | null; endReason: string | null };

async function withDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
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

/** The newest session of a user: the one the browser just signed in with. */
async function latestSession(email: string): Promise<SessionRow> {
  return withDb(async (client) => {
    const { rows } = await client.query<SessionRow>(
      `SELECT s.id, s."lastSeenAt", s."expiresAt", s."endedAt", s."endReason"::text AS "endReason"
         FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1 ORDER BY s."createdAt" DESC LIMIT 1`,
      [email],
    );
    if (!rows[0]) throw new Error(`no session for ${email}`);
    return rows[0];
  });
}

async function setLastSeenMinutesAgo(sessionId: string, minutes: number) {
  await withDb((client) => client.query(`UPDATE "Session" SET "lastSeenAt" = now() - make_interval(mins => $2) WHERE id = $1`, [sessionId, minutes]));
}

/** Any Set-Cookie that would give the browser a session token (a deletion, with an empty value, is fine). */
function sessionCookiesSet(response: APIResponse): string[] {
  return response
    .headersArray()
    .filter((header) => header.name.toLowerCase() === "set-cookie" && /authjs\.session-token(\.\d+)?=[^;]/.test(header.value))
    .map((header) => header.value);
}

/** The page's timeout watch has started (its deadline is adopted): moving the clock earlier would not be seen. */
async function timeoutWatchRunning(page: Page) {
  await expect(page.getByTestId("session-timeout")).toHaveAttribute("data-watching", "");
}

async function sessionTokens(context: BrowserContext) {
  return (await context.cookies()).filter((cookie) => /authjs\.session-token/.test(cookie.name) && cookie.value !== "");
}

test("a cookie copied before sign-out is refused afterwards: a person's page, adding a note, /api/live, the session endpoint", async ({ page, context, browser }) => {
  await signInAfresh(page, POLICE_CASEWORKER);
  await page.goto("/people");
  const personHref = await page.locator('main a[href^="/people/"]').first().getAttribute("href");
  expect(personHref).toMatch(/^\/people\/[0-9a-f-]{36}$/);
  const session = await latestSession(POLICE_CASEWORKER);

  // Someone copies the cookie (a shared computer, a stolen laptop image) and opens the same person.
  const thief = await browser.newContext();
  const copied = await sessionTokens(context);
  expect(copied.length).toBeGreaterThan(0);
  await thief.addCookies(copied);
  const thiefPage = await thief.newPage();
  await thiefPage.goto(personHref!);
  await expect(thiefPage.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(thiefPage).toHaveURL(personHref!);
  await thiefPage.getByText("Add a note", { exact: true }).click();
  const note = `Copied-cookie note ${Date.now()} (fictional)`;
  await thiefPage.getByLabel("Note").fill(note);

  // Before sign-out the session endpoint answers, but neither re-issues the cookie nor moves any expiry.
  const before = await thief.request.get("/api/auth/session");
  expect(before.status()).toBe(200);
  expect(await before.json()).toMatchObject({ user: { id: expect.any(String) }, expires: session.expiresAt.toISOString() });
  expect(sessionCookiesSet(before)).toEqual([]);
  expect(await latestSession(POLICE_CASEWORKER)).toMatchObject({ expiresAt: session.expiresAt, endedAt: null });

  await signOut(page);
  const ended = await latestSession(POLICE_CASEWORKER);
  expect(ended).toMatchObject({ id: session.id, endReason: "SIGNED_OUT", expiresAt: session.expiresAt });

  const after = await thief.request.get("/api/auth/session");
  expect(await after.json()).toBeNull();
  expect(sessionCookiesSet(after)).toEqual([]);
  // Auth.js's update (POST) revives nothing either.
  const csrf = (await (await thief.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const update = await thief.request.post("/api/auth/session", { data: { csrfToken: csrf.csrfToken }, headers: { "Content-Type": "application/json" } });
  expect(sessionCookiesSet(update)).toEqual([]);
  expect(await latestSession(POLICE_CASEWORKER)).toEqual(ended);

  // The endpoint told the browser to delete the cookie; a thief keeps their copy anyway.
  await thief.addCookies(copied);
  const live = await thief.request.get("/api/live", { headers: { Accept: "text/event-stream" } });
  expect(live.status()).toBe(401);

  await thiefPage.getByRole("button", { name: "Add note" }).click();
  await expect(thiefPage).toHaveURL(/\/sign-in$/);
  const notes = await withDb(async (client) => (await client.query(`SELECT count(*)::int AS n FROM "TimelineEvent" WHERE text = $1`, [note])).rows[0].n);
  expect(notes).toBe(0);

  await thiefPage.goto(personHref!);
  await expect(thiefPage).toHaveURL(/\/sign-in$/);
  await thief.close();
});

// setUserActive itself (which also ends the rows) is tested in tests/integration/sessions.test.ts;
// here the running app meets a user switched off under it.
test("a user switched off is signed out on their next request", async ({ page, context }) => {
  const email = "vcas.caseworker@demo.example";
  await signInAfresh(page, email);
  await expect(page).toHaveURL(/\/queue/);
  const session = await latestSession(email);
  const setActive = (active: boolean) => withDb((client) => client.query(`UPDATE "User" SET active = $2 WHERE email = $1`, [email, active]));
  try {
    await setActive(false);
    await page.goto("/queue");
    await expect(page).toHaveURL(/\/sign-in$/);
    expect(await latestSession(email)).toMatchObject({ id: session.id, endReason: "USER_SWITCHED_OFF" });
    // Switched on again, the old cookie stays dead.
    await setActive(true);
    await context.addCookies(await sessionTokens(context));
    expect((await context.request.get("/api/live")).status()).toBe(401);
    await page.goto("/queue");
    await expect(page).toHaveURL(/\/sign-in$/);
  } finally {
    await setActive(true);
  }
});

test("two minutes before the idle timeout a warning asks; 'Stay signed in' by keyboard keeps the session", async ({ page }) => {
  await page.clock.install();
  await signInAfresh(page, POLICE_CASEWORKER);
  await expect(page.getByTestId("queue-row").first()).toBeVisible();
  const session = await latestSession(POLICE_CASEWORKER);
  const dialog = page.getByRole("dialog", { name: "You’re about to be signed out" });
  await expect(dialog).toBeHidden();

  // 28 idle minutes pass, on the server and in the browser.
  await timeoutWatchRunning(page);
  await setLastSeenMinutesAgo(session.id, 28);
  await page.clock.fastForward("28:00");
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleDescription(/For your security, we will sign you out in 2 minutes ?\. Anything you have not saved will be lost\./);
  await expect(page.getByTestId("session-timeout-countdown")).toHaveText(/^(2 minutes|1 minute \d+ seconds?)$/);
  const stay = dialog.getByRole("button", { name: "Stay signed in" });
  await expect(stay).toBeFocused();
  // Tab stays in the dialog.
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Sign out" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(stay).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(dialog.getByRole("button", { name: "Sign out" })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "session-timeout-warning");

  // The countdown speaks every half minute, not every second.
  await page.clock.fastForward("00:31");
  await expect(page.getByTestId("session-timeout-announcement")).toHaveText(/^We will sign you out in 1 minute 30 seconds\.$/);

  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  const kept = await latestSession(POLICE_CASEWORKER);
  expect(Date.now() - kept.lastSeenAt.getTime()).toBeLessThan(30_000);
  expect(kept).toMatchObject({ endedAt: null, expiresAt: session.expiresAt });

  // Escape also means "stay signed in".
  await setLastSeenMinutesAgo(session.id, 28);
  await page.clock.fastForward("28:00");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  expect(Date.now() - (await latestSession(POLICE_CASEWORKER)).lastSeenAt.getTime()).toBeLessThan(30_000);
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/queue/);
});

test("tabs share the deadline: staying signed in from one tab closes the warning in the other", async ({ context }) => {
  await context.clock.install();
  const first = await context.newPage();
  await signInAfresh(first, POLICE_CASEWORKER);
  const second = await context.newPage();
  await second.goto("/people");
  const session = await latestSession(POLICE_CASEWORKER);
  const warning = (page: typeof first) => page.getByRole("dialog", { name: "You’re about to be signed out" });

  await timeoutWatchRunning(first);
  await timeoutWatchRunning(second);
  await setLastSeenMinutesAgo(session.id, 28);
  await context.clock.fastForward("28:00");
  await expect(warning(first)).toBeVisible();
  await expect(warning(second)).toBeVisible();

  await warning(first).getByRole("button", { name: "Stay signed in" }).click();
  await expect(warning(first)).toBeHidden();
  await expect(warning(second)).toBeHidden();
});

test("at the idle timeout the page goes to sign-in and says why; the session is over", async ({ page }) => {
  await page.clock.install();
  await signInAfresh(page, POLICE_CASEWORKER);
  await expect(page.getByTestId("queue-row").first()).toBeVisible();
  const session = await latestSession(POLICE_CASEWORKER);

  await timeoutWatchRunning(page);
  await setLastSeenMinutesAgo(session.id, 31);
  await page.clock.fastForward("30:05");

  await expect(page).toHaveURL(/\/sign-in\?timedOut=30$/);
  await expect(page.getByTestId("signed-out-reason")).toHaveText("You were signed out because you were inactive for 30 minutes.");
  expect(await latestSession(POLICE_CASEWORKER)).toMatchObject({ id: session.id, endReason: "IDLE" });
  await expectNoAxeViolations(page);
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("an administrator sets the idle timeout: digits only, 5 to 120 minutes", async ({ page }) => {
  await signInAfresh(page, "admin@demo.example");
  await page.goto("/admin/settings");
  const field = page.getByLabel("Sign users out after this many minutes without activity");
  await expect(field).toHaveValue("30");

  await field.fill("0x10");
  await page.getByRole("button", { name: "Save idle timeout" }).click();
  await expect(page.locator("#field-idleTimeoutMinutes-error")).toContainText("using digits only");
  await field.fill("200");
  await page.getByRole("button", { name: "Save idle timeout" }).click();
  await expect(page.locator("#field-idleTimeoutMinutes-error")).toContainText("Enter 120 minutes or fewer");
  await expectNoAxeViolations(page);

  await field.fill("45");
  await page.getByRole("button", { name: "Save idle timeout" }).click();
  await expect(page.getByTestId("notification-banner")).toContainText("new idle timeout");
  await expect(field).toHaveValue("45");
  // The administrator's own partnership (other specs add partnerships of their own to this database).
  const stored = await withDb(
    async (client) =>
      (
        await client.query(
          `SELECT p."idleTimeoutMinutes" AS m FROM "Partnership" p JOIN "Agency" a ON a."partnershipId" = p.id JOIN "User" u ON u."agencyId" = a.id WHERE u.email = $1`,
          ["admin@demo.example"],
        )
      ).rows,
  );
  expect(stored).toEqual([{ m: 45 }]);

  // Put the demo back for the tests that follow.
  await field.fill("30");
  await page.getByRole("button", { name: "Save idle timeout" }).click();
  await expect(page.getByTestId("notification-banner")).toBeVisible();
});
