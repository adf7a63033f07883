import { expect, test } from "./fixtures";
import { POLICE_CASEWORKER, signIn } from "./support";

test("a rejected rescue keeps everything typed, for every person, with the error next to the field", async ({ page }) => {
  await signIn(page, POLICE_CASEWORKER);
  await page.goto("/rescues/new");
  await page.getByLabel("Place").fill("12 High Street, Middlesbrough");
  await page.getByLabel("Operation reference (optional)").fill("OP-KEEP-TYPED");
  const first = page.getByTestId("person-fieldset").nth(0);
  await first.getByLabel("Description").fill("Woman, about 25 (fictional)");
  await first.getByRole("group", { name: "Age group" }).getByLabel("Adult", { exact: true }).check();
  await first.getByLabel("Rest").check();
  await page.getByRole("button", { name: "Add another person" }).click();
  const second = page.getByTestId("person-fieldset").nth(1);
  await second.getByLabel("Name (if known)").fill("Fictional Second Person");
  await second.getByRole("group", { name: "Age group" }).getByLabel("Age disputed (treated as a child)").check();

  await page.getByRole("button", { name: "Log rescue and start pathways" }).click();

  const summary = page.getByTestId("error-summary");
  await expect(summary).toContainText("not a full address");
  await expect(page.locator("#field-place-error")).toContainText("not a full address");
  await expect(page.locator("#field-people-1-gender-error")).toContainText("Select a gender");
  await expect(page.locator("#field-people-0-gender-error")).toContainText("Select a gender");

  await expect(page.getByLabel("Place")).toHaveValue("12 High Street, Middlesbrough");
  await expect(page.getByLabel("Operation reference (optional)")).toHaveValue("OP-KEEP-TYPED");
  await expect(page.getByTestId("person-fieldset")).toHaveCount(2);
  await expect(first.getByLabel("Description")).toHaveValue("Woman, about 25 (fictional)");
  await expect(first.getByRole("group", { name: "Age group" }).getByLabel("Adult", { exact: true })).toBeChecked();
  await expect(first.getByLabel("Rest")).toBeChecked();
  await expect(second.getByLabel("Name (if known)")).toHaveValue("Fictional Second Person");
  await expect(second.getByRole("group", { name: "Age group" }).getByLabel("Age disputed (treated as a child)")).toBeChecked();

  // Fix the answers and send: the same form (same key) now logs the rescue once.
  await page.getByLabel("Place").fill("Middlesbrough");
  for (const person of [first, second]) {
    await person.getByRole("group", { name: "Gender" }).getByLabel("Not known").check();
    await person.getByRole("group", { name: "Is an interpreter needed?" }).getByLabel("No", { exact: true }).check();
  }
  await page.getByRole("button", { name: "Log rescue and start pathways" }).click();
  await expect(page.getByTestId("notification-banner")).toContainText("2 people are now on the pathway");
  // No interpreter asked for, so no interpreter stage: 8 child stages.
  await expect(page.getByText("Adult · 7 stages")).toBeVisible();
  await expect(page.getByText("Age disputed (treated as a child) · 8 stages")).toBeVisible();
});
