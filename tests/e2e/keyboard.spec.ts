import { expect, test } from "./fixtures";
import { POLICE_CASEWORKER, signIn } from "./support";

test("a rescue can be logged with the keyboard alone, and every error links to its field", async ({ page }) => {
  await signIn(page, POLICE_CASEWORKER);
  await page.goto("/rescues/new");

  // Submit the empty form from the keyboard: focus moves to the error summary.
  await page.getByRole("button", { name: "Log rescue and start pathways" }).focus();
  await page.keyboard.press("Enter");
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Enter the town or postcode district");
  await expect(summary).toContainText("Select an age group");
  await expect(summary).toContainText("Enter a name, or a description");

  // Each error is a link that takes focus to its field.
  await summary.getByRole("link", { name: "Enter the town or postcode district" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Place")).toBeFocused();
  await page.keyboard.type("TS1");

  await page.getByLabel("Description").focus();
  await page.keyboard.type("Person found by keyboard test (fictional)");
  // Radios: Tab into the group, arrows choose within it.
  await page.getByRole("group", { name: "Age group" }).getByLabel("Adult", { exact: true }).focus();
  await page.keyboard.press("Space");
  await page.getByRole("group", { name: "Gender" }).getByLabel("Not known").focus();
  await page.keyboard.press("Space");
  await page.getByRole("group", { name: "Is an interpreter needed?" }).getByLabel("No", { exact: true }).focus();
  await page.keyboard.press("Space");

  // Tab order reaches "Add another person" and then the submit button.
  await page.getByLabel("Other needs (optional)").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Add another person" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Log rescue and start pathways" })).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page.getByTestId("notification-banner")).toContainText("1 person is now on the pathway");
});
