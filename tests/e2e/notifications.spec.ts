import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, screenshotAtBothWidths, signIn, sweepNow } from "./support";

// In the demo seed the interpreter stages of two people in OP-HEATHER-2 are overdue; police own the
// interpreter stage, so the police lead is told. The job runner inside `next start` sweeps as soon as
// the server starts, and again every minute.
const POLICE_LEAD = "police.lead@demo.example";
const OVERDUE_TITLE = "Independent interpreter arranged is overdue";

/** The header's count, as a screen reader announces the link: "Notifications, 2 unread". */
async function unreadInHeader(page: Page): Promise<number> {
  const link = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Notifications/ });
  const match = /^Notifications, (\d+) unread$/.exec((await link.getAttribute("aria-label")) ?? "");
  return match ? Number(match[1]) : 0;
}

test("an agency lead is told of an overdue stage, follows the notice to it and marks notices read", async ({ page }) => {
  // The e2e server swept before the app started; one more now, in case an earlier spec's sweep failed.
  await sweepNow("escalation-sweep");
  await signIn(page, POLICE_LEAD);

  // The runner polls for the sweep every 2 s: reload until it has run.
  await expect(async () => {
    await page.reload();
    expect(await unreadInHeader(page)).toBeGreaterThanOrEqual(2);
  }).toPass({ timeout: 20_000, intervals: [500, 1_000, 2_000] });
  const unread = await unreadInHeader(page);
  await expect(page.getByRole("link", { name: `Notifications, ${unread} unread`, exact: true })).toBeVisible();
  await expect(page.getByTestId("unread-count")).toHaveText(String(unread));

  await page.getByRole("link", { name: /^Notifications, \d+ unread$/ }).click();
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  await expect(page.getByTestId("unread-summary")).toHaveText(`You have ${unread} unread notices.`);
  const overdue = page.getByTestId("notification").filter({ hasText: OVERDUE_TITLE });
  await expect(overdue).toHaveCount(2);
  // Unread is said in words, not shown by colour alone.
  await expect(overdue.first()).toContainText("Unread");
  await expect(overdue.first()).toContainText(/Case VCP-\S+: Independent interpreter arranged was due .* and was overdue by/);
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "notifications");

  // Mark one as read: it says so, and the header counts one fewer.
  await overdue.first().getByRole("button", { name: `Mark as read (${OVERDUE_TITLE})`, exact: true }).click();
  await expect(page.getByTestId("notification-banner")).toHaveText(/Notice marked as read\./);
  expect(await unreadInHeader(page)).toBe(unread - 1);
  await expect(page.getByTestId("notification").filter({ hasText: OVERDUE_TITLE }).filter({ hasText: "Unread" })).toHaveCount(1);

  // Follow a notice to the stage it is about.
  await page.getByRole("link", { name: OVERDUE_TITLE }).first().click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]+\/stages\/[0-9a-f-]+$/);
  await expect(page.getByRole("heading", { name: "Independent interpreter arranged", level: 1 })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Notifications/ }).click();
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByTestId("notification-banner")).toHaveText(/All notices marked as read\./);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  await expect(page.getByTestId("unread-count")).toHaveCount(0);
  await expect(page.getByTestId("unread-summary")).toHaveText("You have no unread notices.");
  await expect(page.getByRole("button", { name: "Mark all as read" })).toHaveCount(0);
  await expect(page.getByTestId("notification").filter({ hasText: "Unread" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
