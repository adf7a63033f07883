import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { COUNCIL_CASEWORKER, POLICE_CASEWORKER, expectNoAxeViolations, signIn } from "./support";

const COUNCIL_LEAD = "council.lead@demo.example";
// Long enough for a busy two-core machine; a change that is not pushed never arrives (there is no polling).
const LIVE_TIMEOUT_MS = 10_000;

declare global {
  interface Window {
    liveMarker?: string;
  }
}

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Logs a rescue of one person through the form and returns the URL of their pathway page. */
async function logOnePerson(page: Page, description: string): Promise<string> {
  await page.goto("/rescues/new");
  await page.getByLabel("Place").fill("Stockton (fictional)");
  const fieldset = page.getByTestId("person-fieldset").first();
  await fieldset.getByLabel("Description").fill(description);
  await fieldset.getByRole("group", { name: "Age group" }).getByLabel("Adult", { exact: true }).check();
  await fieldset.getByRole("group", { name: "Gender" }).getByLabel("Female", { exact: true }).check();
  await fieldset.getByLabel("Languages").fill("English");
  await fieldset.getByRole("group", { name: "Is an interpreter needed?" }).getByLabel("No", { exact: true }).check();
  await page.getByRole("button", { name: "Log rescue and start pathways" }).click();
  await page.getByRole("link", { name: description }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(description);
  return page.url();
}

/** Marks the page, so that a reload or navigation (which would clear the mark) is caught. */
async function markPage(page: Page) {
  await page.evaluate(() => {
    window.liveMarker = "still the same page";
  });
}

async function expectSamePage(page: Page, url: string) {
  expect(await page.evaluate(() => window.liveMarker)).toBe("still the same page");
  expect(page.url()).toBe(url);
}

test("a stage another council user starts shows on an open pathway page without a reload", async ({ browser }) => {
  const description = `Woman, about 35, live-update check ${Date.now()} (fictional)`;
  const watcher = await signedInPage(browser, COUNCIL_CASEWORKER);
  const personUrl = await logOnePerson(watcher, description);
  const accommodation = watcher.getByTestId("stage-accommodation");
  await expect(accommodation).toContainText("Not started");
  await expect(watcher.getByTestId("live-status")).toHaveAttribute("data-connection", "open");
  await markPage(watcher);

  const lead = await signedInPage(browser, COUNCIL_LEAD);
  await lead.goto(personUrl);
  await lead.getByTestId("stage-accommodation").getByRole("link", { name: "Update Emergency accommodation" }).click();
  const stageForm = lead.locator("form").filter({ has: lead.getByLabel("Start this stage") });
  await stageForm.getByLabel("Start this stage").check();
  await stageForm.getByRole("button", { name: "Save" }).click();
  await expect(lead.getByTestId("notification-banner")).toContainText("Emergency accommodation started.");

  await expect(accommodation).toContainText("In progress", { timeout: LIVE_TIMEOUT_MS });
  await expect(watcher.getByTestId("timeline").locator("li").first()).toContainText("by Demo Council Lead");
  await expect(watcher.getByTestId("live-status")).toHaveText("Updated just now");
  await expectSamePage(watcher, personUrl);
  await expectNoAxeViolations(watcher);

  await Promise.all([watcher.context().close(), lead.context().close()]);
});

test("a rescue logged by police appears on an open people list without a reload", async ({ browser }) => {
  const description = `Man, about 50, live-list check ${Date.now()} (fictional)`;
  const watcher = await signedInPage(browser, COUNCIL_CASEWORKER);
  await watcher.goto("/people");
  await expect(watcher.getByTestId("live-status")).toHaveAttribute("data-connection", "open");
  await expect(watcher.getByRole("link", { name: description })).toHaveCount(0);
  await markPage(watcher);
  const listUrl = watcher.url();

  const police = await signedInPage(browser, POLICE_CASEWORKER);
  await logOnePerson(police, description);

  await expect(watcher.getByRole("link", { name: description })).toBeVisible({ timeout: LIVE_TIMEOUT_MS });
  await expectSamePage(watcher, listUrl);

  await Promise.all([watcher.context().close(), police.context().close()]);
});

test("the PCC office, who sees only aggregates, is refused the event stream", async ({ browser }) => {
  const pcc = await signedInPage(browser, "pcc@demo.example");
  const answer = await pcc.evaluate(async () => {
    const response = await fetch("/api/live");
    return { status: response.status, type: response.headers.get("content-type") };
  });
  expect(answer.status).toBe(403);
  expect(answer.type).not.toContain("text/event-stream");
  await pcc.context().close();
});

test("a signed-out browser gets 401, not a stream or a redirect, and does not keep retrying", async ({ page, request }) => {
  const direct = await request.get("/api/live", { maxRedirects: 0 });
  expect(direct.status()).toBe(401);
  expect(direct.headers()["content-type"] ?? "").not.toContain("text/event-stream");

  const attempts: string[] = [];
  page.on("request", (sent) => {
    if (new URL(sent.url()).pathname === "/api/live") attempts.push(sent.url());
  });
  await page.goto("/sign-in");
  await page.evaluate(() => {
    (window as unknown as { liveSource: EventSource }).liveSource = new EventSource("/api/live");
  });
  // CLOSED (2) means EventSource gave up for good; it would be CONNECTING (0) while retrying.
  await page.waitForFunction(() => (window as unknown as { liveSource: EventSource }).liveSource.readyState === 2);
  // Longer than the browser's default reconnection delay (3 s in Chromium).
  await page.waitForTimeout(3_500);
  expect(await page.evaluate(() => (window as unknown as { liveSource: EventSource }).liveSource.readyState)).toBe(2);
  expect(attempts).toHaveLength(1);
});
