import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, leaveBrowser, POLICE_CASEWORKER, screenshotAtBothWidths, signIn, withDatabase } from "./support";

const PERSON = "Man, about 40, found at a fictional car wash (national categories)";
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function summaryValue(page: Page, key: string) {
  return page.locator("dt", { hasText: new RegExp(`^${key}$`) }).locator("xpath=following-sibling::dd");
}

/** London's month now, and the one before it, as the dashboard names them. */
function londonMonths(now = new Date()) {
  const [year, month] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit" })
    .format(now)
    .split("-")
    .map(Number) as [number, number];
  const last = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  return { current: `${year}-${String(month).padStart(2, "0")}`, lastLabel: `${MONTHS[last.month - 1]} ${last.year}` };
}

/** Keyboard only: focus the group's first radio, Space picks it, arrows move along to the answer. */
async function chooseByKeyboard(page: Page, group: Locator, answer: string) {
  const radios = group.getByRole("radio");
  await radios.first().focus();
  await page.keyboard.press("Space");
  const labels = await radios.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? ""));
  const index = labels.findIndex((label) => label === answer);
  expect(index, `${answer} in ${labels.join(", ")}`).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < index; i++) await page.keyboard.press("ArrowDown");
  await expect(group.getByLabel(answer, { exact: true })).toBeChecked();
  await expect(group.getByLabel(answer, { exact: true })).toBeFocused();
}

/** A published count: a whole number that is 0 or above the threshold, or the suppressed mark. */
function expectPublishable(text: string) {
  const cell = text.replace(/\s+/g, " ").trim();
  if (cell === "[c] hidden") return;
  expect(cell).toMatch(/^\d+$/);
  const value = Number(cell);
  expect(value === 0 || value > 4, `${cell} is a small count`).toBe(true);
}

test("a caseworker records the national categories by keyboard, choosing the nationality from the country list", async ({ page }) => {
  await signIn(page, POLICE_CASEWORKER);
  await page.goto("/rescues/new");
  await page.getByLabel("Place").fill("Redcar");
  const person = page.getByTestId("person-fieldset").nth(0);
  await person.getByLabel("Description").fill(PERSON);
  await person.getByRole("group", { name: "Age group" }).getByLabel("Adult", { exact: true }).check();
  await person.getByRole("group", { name: "Gender" }).getByLabel("Male", { exact: true }).check();
  await person.getByRole("group", { name: "Is an interpreter needed?" }).getByLabel("Yes", { exact: true }).check();

  // The type of organisation starts from the logging agency's kind: police.
  const referrer = person.getByRole("group", { name: "Type of organisation that referred or first found the person" });
  await expect(referrer.getByLabel("Police", { exact: true })).toBeChecked();

  // One country list serves every person row: only the few suggestions showing are drawn, so a
  // rescue of many people stays light.
  await page.getByRole("button", { name: "Add another person" }).click();
  await expect(page.getByTestId("person-fieldset")).toHaveCount(2);
  await expect(page.getByRole("option")).toHaveCount(0);
  await page.getByRole("button", { name: "Remove person 2" }).click();

  // An entry that is not on the list is refused next to the field, and nothing is logged.
  const nationality = person.getByLabel("Nationality (if known)");
  await nationality.focus();
  await page.keyboard.type("Atlantean");
  await page.getByRole("button", { name: "Log rescue and start pathways" }).click();
  await expect(page.locator("#field-people-0-nationality-error")).toContainText("Choose a country from the list, or ‘Not known’");
  await expect(page.getByTestId("person-fieldset").nth(0).getByLabel("Nationality (if known)")).toHaveValue("Atlantean");

  // Part of a name, typed in lower case: the suggestions offer the country, arrows and Enter choose it.
  const again = page.getByTestId("person-fieldset").nth(0);
  const field = again.getByRole("combobox", { name: "Nationality (if known)" });
  await field.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("alban");
  await expect(field).toHaveAttribute("aria-expanded", "true");
  await expect(again.getByRole("option").first()).toHaveText("Albania (Albanian)");
  await page.keyboard.press("ArrowDown");
  await expect(field).toHaveAttribute("aria-activedescendant", (await again.getByRole("option").first().getAttribute("id"))!);
  await page.keyboard.press("Enter");
  // Enter chose the country; it did not send the form.
  await expect(field).toHaveValue("Albania");
  await expect(field).toHaveAttribute("aria-expanded", "false");
  await expect(page).toHaveURL(/\/rescues\/new$/);
  // Escape closes the suggestions without changing what was typed.
  await page.keyboard.type("n");
  await expect(again.getByRole("option")).toHaveText(["Albania (Albanian)"]);
  await page.keyboard.press("Escape");
  await expect(again.getByRole("option")).toHaveCount(0);
  await expect(field).toHaveValue("Albanian");
  await chooseByKeyboard(page, again.getByRole("group", { name: "Where did the exploitation take place? (if known)" }), "Both UK and overseas");
  await chooseByKeyboard(page, again.getByRole("group", { name: "County lines? (if known)" }), "Yes");
  await chooseByKeyboard(page, again.getByRole("group", { name: "Age when exploited (if known)" }), "Child");
  await chooseByKeyboard(
    page,
    again.getByRole("group", { name: "Type of organisation that referred or first found the person" }),
    "Local authority",
  );
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "log-rescue-national-categories");
  await page.getByRole("button", { name: "Log rescue and start pathways" }).click();
  await expect(page.getByTestId("notification-banner")).toContainText("is now on the pathway");

  await page.getByRole("link", { name: PERSON }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PERSON);
  await expect(summaryValue(page, "Nationality")).toHaveText("Albania");
  await expect(summaryValue(page, "Where exploited")).toHaveText("Both UK and overseas");
  await expect(summaryValue(page, "County lines")).toHaveText("Yes");
  await expect(summaryValue(page, "Age at exploitation")).toHaveText("Child");
  await expect(summaryValue(page, "Referred or first found by")).toHaveText("Local authority");
  const personUrl = page.url();

  // A record from before the country list, whose free text matched no country, says so.
  const personId = new URL(personUrl).pathname.split("/")[2]!;
  await withDatabase((client) =>
    client.query(`UPDATE "Person" SET "nationalityCode" = NULL, "nationalityUnmatched" = $1 WHERE "id" = $2`, ["Albanese (legacy, fictional)", personId]),
  );
  await page.reload();
  await expect(summaryValue(page, "Nationality")).toHaveText("Recorded as ‘Albanese (legacy, fictional)’ — not matched to the list");

  // Health's minimal record leaves the national categories out.
  await leaveBrowser(page);
  await signIn(page, "health.caseworker@demo.example");
  await page.goto(personUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PERSON);
  for (const key of ["Nationality", "Where exploited", "County lines", "Age at exploitation", "Referred or first found by"]) {
    await expect(page.locator("dt", { hasText: new RegExp(`^${key}$`) })).toHaveCount(0);
  }
  await expect(page.getByText("Albanese")).toHaveCount(0);
});

test("the PCC dashboard opens on last month, lists its sections, and shows the national tables within the publishing rules", async ({ page }) => {
  // Three whole dashboards, axe and screenshots of a 16,000 px page.
  test.setTimeout(90_000);
  const { current, lastLabel } = londonMonths();
  await signIn(page, "pcc@demo.example");
  await expect(page).toHaveURL(/\/dashboard$/);
  // The default period is the last complete month.
  await expect(page.getByTestId("headline-tile").filter({ hasText: `People rescued, ${lastLabel}` })).toBeVisible();

  // The contents list links to each section's heading, by keyboard.
  const contents = page.getByRole("navigation", { name: "Contents" });
  await expect(contents.getByRole("link")).toHaveCount(18);
  const link = contents.getByRole("link", { name: "People rescued by where the exploitation took place" });
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#uk-overseas-heading$/);
  await expect(page.getByRole("heading", { name: "People rescued by where the exploitation took place" })).toBeInViewport();
  for (const href of await contents.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")!))) {
    await expect(page.locator(href), href).toHaveCount(1);
  }
  await contents.getByRole("link", { name: "NRM decisions received and how long they took" }).click();
  // The section holds the NRM figures (issue 13): referrals and Duty to Notify, decisions by kind, days to each.
  await expect(page.getByRole("heading", { name: "NRM decisions received and how long they took" })).toBeInViewport();
  await expect(page.getByTestId("nrm-decisions").getByRole("heading", { name: "Days from NRM referral to each decision" })).toBeVisible();

  // This month (with the rescue just logged) and the whole year: each new table has its rows, and
  // every figure is published or hidden by the rules, never a small count.
  const tables = {
    "uk-overseas": ["UK", "Overseas", "Both UK and overseas", "Not known", "Not recorded", "All people"],
    "county-lines": ["Yes", "No", "Not known", "Not recorded", "All people"],
    "age-at-exploitation": ["Adult", "Child", "Not known", "Not recorded", "All people"],
    "referrer-type": [
      "Police",
      "Local authority",
      "Home Office (UKVI, Immigration Enforcement, Border Force)",
      "Non-governmental organisation (charity)",
      "Other government agency",
      "Other",
      "Not known",
      "Not recorded",
      "All people",
    ],
  };
  for (const query of [`kind=month&month=${current}`, "kind=year"]) {
    await page.goto(`/dashboard?${query}`);
    for (const [id, labels] of Object.entries(tables)) {
      const table = page.getByTestId(`table-${id}`);
      await expect(table.locator("tbody th")).toHaveText(labels);
      for (const cell of await table.locator("tbody td").allInnerTexts()) expectPublishable(cell);
    }
    const nationality = page.getByTestId("table-nationality");
    for (const cell of await nationality.locator("tbody td").allInnerTexts()) expectPublishable(cell);
  }
  // A year of seeded history: named countries, not demonyms or spellings, and small groups folded.
  const nationalityRows = await page.getByTestId("table-nationality").locator("tbody th").allInnerTexts();
  expect(nationalityRows).toContain("Albania");
  expect(nationalityRows).toContain("Other");
  expect(nationalityRows).not.toContain("Albanian");
  await expect(page.getByTestId("table-completeness")).toContainText("Missing the nationality (or not matched to the country list)");
  await expect(page.getByTestId("table-completeness")).toContainText("Missing the type of referring organisation");

  // Each new table downloads as CSV.
  const csv = await page.request.get("/dashboard/export?kind=year&table=county-lines");
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain("County lines,People");

  // Printing keeps the sections and leaves the contents list out.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Contents" })).toBeHidden();
  await expect(page.getByTestId("table-referrer-type")).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  await expectNoAxeViolations(page);
  // The whole page fits both widths; the pictures are of the new sections.
  await screenshotAtBothWidths(page, "pcc-dashboard-national-categories-page");
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByTestId("who-was-rescued").screenshot({ path: `screenshots/pcc-dashboard-who-was-rescued-${width}.png` });
    await page.getByTestId("nrm-decisions").screenshot({ path: `screenshots/pcc-dashboard-nrm-decisions-${width}.png` });
    await page.getByTestId("dashboard-contents").screenshot({ path: `screenshots/pcc-dashboard-contents-${width}.png` });
  }
});
