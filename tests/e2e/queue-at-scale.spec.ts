// The queue of a busy agency (issue 15: 216 open stages drew one page 49,738 px tall with 216 forms):
// a partnership of its own with 75 people, so the demo's accounts and figures stay as they are. Its
// council lead filters, sorts, pages and bulk-assigns by keyboard.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Page } from "@playwright/test";
import { E2E_AUTH_SECRET } from "./accounts";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, screenshotAtBothWidths, signIn } from "./support";

const PEOPLE = 75;
let leadEmail: string;
let caseworkerName: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "tests/e2e/seed-busy-queue.ts"], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, AUTH_SECRET: E2E_AUTH_SECRET },
  });
  ({ leadEmail, caseworkerName } = JSON.parse(stdout.trim().split("\n").at(-1)!) as { leadEmail: string; caseworkerName: string });
});

const rows = (page: Page) => page.getByTestId("queue-row");

test("a 200-stage queue draws one page of 50 rows, one clock timer and a bounded number of controls", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, leadEmail);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/queue$/);
  const total = Number((await page.getByTestId("count-all").innerText()).replace(/\D/g, ""));
  expect(total).toBeGreaterThan(200);
  await expect(page.getByTestId("queue-showing")).toHaveText(`Showing 1–50 of ${total} stages`);
  await expect(rows(page)).toHaveCount(50);
  await expect(page.locator("[data-queue-clock]")).toHaveCount(50);
  // The filter form, the claim form, the bulk assignment and the layout's own (sign out, session): no form per row.
  expect(await page.locator("form").count()).toBeLessThanOrEqual(6);
  const focusable = await page.locator("a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex='-1'])").count();
  // Per row at most: the stage, the person, its checkbox and a claim button; plus the page's own controls.
  expect(focusable).toBeLessThanOrEqual(50 * 4 + 80);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThan(12_000);
  // The team's workload is reachable from the top of the page.
  await expect(page.getByTestId("queue-contents").getByRole("link", { name: "Team workload" })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "queue-at-scale");
});

test("a lead filters, sorts, pages and bulk-assigns with the keyboard only", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, leadEmail);

  // Filter: stage and age group, by keyboard, through the GET form; the URL and the title follow.
  await page.getByLabel("Stage", { exact: true }).focus();
  await page.getByLabel("Stage", { exact: true }).press("ArrowDown");
  const stageTitle = await page.getByLabel("Stage", { exact: true }).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]!.text);
  await page.getByRole("button", { name: "Apply filters" }).press("Enter");
  await expect(page).toHaveURL(/[?&]stage=[a-z-]+/);
  await expect(page).toHaveTitle(new RegExp(`^Queue: ${stageTitle} – `));
  const stageTotal = Number((await page.getByTestId("count-all").innerText()).replace(/\D/g, ""));
  expect(stageTotal).toBeGreaterThan(0);
  for (const title of await page.getByTestId("queue-stage-link").evaluateAll((links) => links.map((link) => link.firstChild?.textContent))) expect(title).toBe(stageTitle);
  await page.getByRole("link", { name: "Clear filters" }).press("Enter");
  await expect(page).toHaveURL(/\/queue$/);
  // The form shows the view the page is on, not the stage picked before.
  await expect(page.getByLabel("Stage", { exact: true })).toHaveValue("");

  // Sort by person, then the other way: aria-sort says which.
  await page.getByRole("link", { name: /^Person, sort ascending/ }).press("Enter");
  await expect(page).toHaveURL(/sort=person/);
  await expect(page.getByRole("columnheader", { name: /Person/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(rows(page).first()).toContainText("Scale Person 001 (fictional)");
  await page.getByRole("link", { name: /^Person, sort descending/ }).press("Enter");
  await expect(page.getByRole("columnheader", { name: /Person/ })).toHaveAttribute("aria-sort", "descending");
  await expect(rows(page).first()).toContainText(`Scale Person ${String(PEOPLE).padStart(3, "0")} (fictional)`);
  await expect(page.getByRole("columnheader", { name: /Due/ })).not.toHaveAttribute("aria-sort", /.*/);

  // Page 2 keeps the sort; its title says the page.
  const total = Number((await page.getByTestId("count-all").innerText()).replace(/\D/g, ""));
  await page.getByRole("link", { name: "Next page" }).press("Enter");
  await expect(page).toHaveURL(/sort=person&order=desc&page=2/);
  await expect(page).toHaveTitle(/^Queue: by person, reversed — page 2 – /);
  await expect(page.getByTestId("queue-showing")).toHaveText(`Showing 51–100 of ${total} stages`);
  await expect(page.getByRole("link", { name: "Page 2" })).toHaveAttribute("aria-current", "page");
  await expectNoAxeViolations(page);

  // Bulk assign: tick two unassigned rows with Space, choose the caseworker, send with Enter.
  await page.getByRole("link", { name: /^Unassigned/ }).press("Enter");
  await expect(page).toHaveURL(/filter=unassigned/);
  const picked = [rows(page).filter({ hasText: "Unassigned" }).first(), rows(page).filter({ hasText: "Unassigned" }).nth(1)];
  const stageIds: string[] = [];
  for (const row of picked) {
    const title = await row.getByTestId("queue-stage-link").evaluate((link) => link.firstChild?.textContent ?? "");
    const reference = (await row.getByTestId("queue-case-reference").innerText()).trim();
    stageIds.push((await row.getAttribute("data-stage-id"))!);
    // The checkbox names its row.
    const box = page.getByRole("checkbox", { name: `Select ${title} for ${reference}` });
    await box.focus();
    await page.keyboard.press("Space");
    await expect(box).toBeChecked();
  }
  const assignTo = page.getByLabel("Assign selected stages to");
  await assignTo.focus();
  await assignTo.selectOption({ label: caseworkerName });
  await page.getByRole("button", { name: "Assign selected" }).press("Enter");
  await expect(page.getByTestId("bulk-assign-report")).toHaveText(`2 stages are now assigned to ${caseworkerName}.`);
  // They leave the unassigned view, and the team's workload counts them.
  for (const id of stageIds) await expect(page.locator(`[data-stage-id="${id}"]`)).toHaveCount(0);
  await expect(page.getByTestId("team-workload").getByRole("row", { name: new RegExp(caseworkerName.replace(/[()]/g, "\\$&")) }).getByRole("cell").nth(1)).toHaveText("2");
  await screenshotAtBothWidths(page, "queue-bulk-assigned");
});

test("a row's links open their pages in the app, by keyboard or click, and a modified click is left to the browser", async ({ page, context }) => {
  test.setTimeout(90_000);
  await signIn(page, leadEmail);
  // A mark on this document: it survives a navigation in the app and is gone after a full page load.
  const markDocument = () => page.evaluate(() => ((window as unknown as { vcpMark?: string }).vcpMark = "same document"));
  const mark = () => page.evaluate(() => (window as unknown as { vcpMark?: string }).vcpMark ?? "new document");

  const first = rows(page).first();
  const stageLink = first.getByTestId("queue-stage-link");
  const stageHref = (await stageLink.getAttribute("href"))!;
  const stageTitle = await stageLink.evaluate((link) => link.firstChild?.textContent ?? "");
  await markDocument();
  await stageLink.press("Enter");
  await expect(page).toHaveURL(stageHref);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(stageTitle);
  expect(await mark()).toBe("same document");

  await page.goBack();
  await expect(page).toHaveURL(/\/queue$/);
  const personLink = rows(page).first().getByRole("link").nth(1);
  const personHref = (await personLink.getAttribute("href"))!;
  expect(personHref).toMatch(/^\/people\/[0-9a-f-]{36}$/);
  await markDocument();
  await personLink.click();
  await expect(page).toHaveURL(personHref);
  expect(await mark()).toBe("same document");

  // Ctrl-click: a new tab, as for any link; this page stays where it is.
  await page.goBack();
  await expect(page).toHaveURL(/\/queue$/);
  const opened = context.waitForEvent("page");
  await rows(page).first().getByTestId("queue-stage-link").click({ modifiers: ["Control"] });
  const tab = await opened;
  await tab.waitForURL((url) => url.pathname === stageHref);
  await tab.close();
  await expect(page).toHaveURL(/\/queue$/);
});
