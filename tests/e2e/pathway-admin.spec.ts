import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, leaveBrowser, POLICE_CASEWORKER, screenshotAtBothWidths, signIn } from "./support";

const ADMIN = "admin@demo.example";
const PCC = "pcc@demo.example";
const HEALTH_CHECK = "Health check (triage)";

/** The six whole months before this one (London time), as the dashboard's custom range. */
function earlierMonthsUrl(): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "2-digit" }).formatToParts(new Date());
  const year = Number(parts.find((part) => part.type === "year")!.value);
  const month = Number(parts.find((part) => part.type === "month")!.value);
  const monthsAgo = (n: number) => {
    const index = year * 12 + (month - 1) - n;
    return `${String((index % 12) + 1).padStart(2, "0")}/${Math.floor(index / 12)}`;
  };
  return `/dashboard?kind=custom&from=${encodeURIComponent(monthsAgo(6))}&to=${encodeURIComponent(monthsAgo(1))}`;
}

/** The within-target figures the PCC office sees for earlier months: the month-by-month table and each stage's share. */
async function pastWithinTarget(page: Page) {
  await page.goto(earlierMonthsUrl());
  await expect(page.getByTestId("table-trend")).toBeVisible();
  const trend = await page.getByTestId("table-trend").locator("tbody tr").allInnerTexts();
  const shares = await page
    .getByTestId("table-timeliness")
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((row) => `${row.firstElementChild?.textContent}: ${row.lastElementChild?.textContent}`));
  expect(trend.length).toBe(6);
  return { trend, shares };
}

async function logOneAdult(page: Page, description: string): Promise<string> {
  await page.goto("/rescues/new");
  await page.getByLabel("Place").fill("Middlesbrough");
  const person = page.getByTestId("person-fieldset").nth(0);
  await person.getByLabel("Description").fill(description);
  await person.getByRole("group", { name: "Age group" }).getByLabel("Adult", { exact: true }).check();
  await person.getByRole("group", { name: "Gender" }).getByLabel("Female", { exact: true }).check();
  await person.getByRole("group", { name: "Is an interpreter needed?" }).getByLabel("No", { exact: true }).check();
  await person.getByLabel("Food and water").check();
  await page.getByRole("button", { name: "Log rescue and start pathways" }).click();
  await expect(page.getByTestId("notification-banner")).toBeVisible();
  await page.getByRole("link", { name: description }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(description);
  return page.url();
}

const healthTarget = (page: Page) => page.getByTestId("stage-health-check").getByTestId("stage-target");

async function publishHealthCheckTarget(page: Page, hours: string) {
  await page.goto("/admin/pathway/edit");
  const health = page.getByRole("group", { name: HEALTH_CHECK, exact: true });
  await health.getByLabel("Target", { exact: true }).fill(hours);
  await page.getByRole("button", { name: /^Publish version \d+$/ }).click();
  await expect(page.getByTestId("notification-banner")).toContainText(/Version \d+ published/);
}

test("an administrator changes the health check target: a later rescue gets it, an earlier person keeps the old one, and past figures stay", async ({ page }) => {
  await signIn(page, PCC);
  const before = await pastWithinTarget(page);
  await leaveBrowser(page);

  await signIn(page, POLICE_CASEWORKER);
  const earlierUrl = await logOneAdult(page, "Woman, about 35, rescued before the change (fictional)");
  await expect(healthTarget(page)).toHaveText("Target: 4 hours");
  await leaveBrowser(page);

  await signIn(page, ADMIN);
  await page.getByRole("link", { name: "Pathway", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Pathway", level: 1 })).toBeVisible();
  const currentVersion = Number((await page.getByRole("heading", { name: /^Current version: version \d+$/ }).innerText()).match(/\d+$/)![0]);
  const healthRow = page.getByTestId("pathway-stage-health-check");
  await expect(healthRow).toContainText("Teesmoor NHS Health");
  await expect(healthRow.getByTestId("stage-target")).toHaveText("4 hours");
  await expect(healthRow).toContainText("Adults and children");
  // The version people are on right now counts them, the one just logged included.
  const liveBefore = Number(await page.getByTestId(`pathway-version-${currentVersion}`).getByTestId("live-people").innerText());
  expect(liveBefore).toBeGreaterThan(0);
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "admin-pathway");

  await page.getByRole("link", { name: "Edit the pathway" }).click();
  await expect(page.getByRole("heading", { name: "Edit the pathway", level: 1 })).toBeVisible();
  const health = page.getByRole("group", { name: HEALTH_CHECK, exact: true });
  const target = health.getByLabel("Target", { exact: true });
  await expect(target).toHaveValue("4");
  await target.fill("0");
  // Switching off the accommodation stage would break recording the address: refused, in plain words.
  const accommodation = page.getByRole("group", { name: "Emergency accommodation", exact: true });
  await accommodation.getByRole("group", { name: "On or off" }).getByLabel("Off", { exact: true }).check();
  await page.getByRole("button", { name: `Publish version ${currentVersion + 1}` }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toContainText(`${HEALTH_CHECK}: target: Enter a target of 1 or more`);
  await expect(summary).toContainText("Emergency accommodation: on or off: This stage cannot be switched off");
  await expect(health.locator("[id$='targetValue-error']")).toContainText("Enter a target of 1 or more");
  await expect(target).toHaveValue("0");
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "admin-pathway-edit-error");

  await target.fill("6");
  await accommodation.getByRole("group", { name: "On or off" }).getByLabel("On", { exact: true }).check();
  await page.getByRole("button", { name: `Publish version ${currentVersion + 1}` }).click();
  await expect(page.getByTestId("notification-banner")).toContainText(`Version ${currentVersion + 1} published`);
  await expect(page.getByTestId("pathway-stage-health-check").getByTestId("stage-target")).toHaveText("6 hours");
  await expect(page.getByTestId(`pathway-version-${currentVersion + 1}`)).toContainText("Demo Administrator");
  await expect(page.getByTestId(`pathway-version-${currentVersion + 1}`).getByTestId("live-people")).toHaveText("0");
  await expect(page.getByTestId(`pathway-version-${currentVersion}`).getByTestId("live-people")).toHaveText(String(liveBefore));
  await leaveBrowser(page);

  await signIn(page, POLICE_CASEWORKER);
  await logOneAdult(page, "Woman, about 28, rescued after the change (fictional)");
  await expect(healthTarget(page)).toHaveText("Target: 6 hours");
  await page.goto(earlierUrl);
  await expect(healthTarget(page)).toHaveText("Target: 4 hours");
  await leaveBrowser(page);

  await signIn(page, PCC);
  expect(await pastWithinTarget(page)).toEqual(before);
  await leaveBrowser(page);

  // Put the demo's target back for the tests that follow (one more version; people keep theirs).
  await signIn(page, ADMIN);
  await publishHealthCheckTarget(page, "4");
});

test("an administrator edits the pathway with the keyboard alone", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/admin/pathway/edit");
  const health = page.getByRole("group", { name: HEALTH_CHECK, exact: true });
  const target = health.getByLabel("Target", { exact: true });
  const targetId = await target.getAttribute("id");
  const publish = page.getByRole("button", { name: /^Publish version \d+$/ });

  // Tab from the top of the page to the health check's target.
  for (let i = 0; i < 200 && !(await target.evaluate((element) => element === document.activeElement)); i += 1) await page.keyboard.press("Tab");
  await expect(target).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("four");
  // On through every field to the publish button.
  for (let i = 0; i < 300 && !(await publish.evaluate((element) => element === document.activeElement)); i += 1) await page.keyboard.press("Tab");
  await expect(publish).toBeFocused();
  await page.keyboard.press("Enter");

  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  const link = summary.getByRole("link", { name: `${HEALTH_CHECK}: target: Enter the target as a whole number, such as 4` });
  await expect(link).toHaveAttribute("href", `#${targetId}`);
  await page.keyboard.press("Tab");
  await expect(link).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(target).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("5");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("notification-banner")).toContainText(/Version \d+ published/);
  await expect(page.getByTestId("pathway-stage-health-check").getByTestId("stage-target")).toHaveText("5 hours");
  await expectNoAxeViolations(page);

  await publishHealthCheckTarget(page, "4");
  await expect(page.getByTestId("pathway-stage-health-check").getByTestId("stage-target")).toHaveText("4 hours");
});
