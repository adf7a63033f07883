import { expect, test } from "./fixtures";
import { expectNoAxeViolations, screenshotAtBothWidths, signIn } from "./support";

test("an administrator changes the escalation thresholds; a bad value is explained next to its field", async ({ page }) => {
  await signIn(page, "admin@demo.example");
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings", exact: true, level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Escalation", exact: true, level: 2 })).toBeVisible();
  const coordinator = page.getByLabel("Tell the partnership coordinator after (hours overdue)");
  const pcc = page.getByLabel("Tell the PCC office after (hours overdue)");
  await expect(coordinator).toHaveValue("4");
  await expect(pcc).toHaveValue("24");
  await expectNoAxeViolations(page);

  await coordinator.fill("8");
  await pcc.fill("6");
  await page.getByRole("button", { name: "Save thresholds" }).click();
  await expect(page.locator("#field-pccAfterHours-error")).toContainText("The PCC office must be told later than the coordinator");
  await expect(coordinator).toHaveValue("8");
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "admin-settings-error");

  await pcc.fill("48");
  await page.getByRole("button", { name: "Save thresholds" }).click();
  await expect(page.getByTestId("notification-banner")).toContainText("uses the new thresholds");
  await page.reload();
  await expect(coordinator).toHaveValue("8");
  await expect(pcc).toHaveValue("48");

  // Put the demo back as it was for the tests that follow.
  await coordinator.fill("4");
  await pcc.fill("24");
  await page.getByRole("button", { name: "Save thresholds" }).click();
  await expect(page.getByTestId("notification-banner")).toBeVisible();
});

test("an administrator changes the small-number threshold with the keyboard alone; a bad value is explained next to its field", async ({ page }) => {
  await signIn(page, "admin@demo.example");
  await page.goto("/admin/settings");
  await expect(page.getByRole("heading", { name: "Small numbers shown to the PCC office", level: 2 })).toBeVisible();
  const threshold = page.getByLabel("Small-number threshold");
  await expect(threshold).toHaveValue("4");
  await expect(threshold).toHaveAccessibleDescription(/4 means counts of 1 to 4 are hidden; the PCC office sees “\[c\]” instead/);

  // Tab order runs from the escalation form's button into the threshold and on to its own button.
  await page.getByRole("button", { name: "Save thresholds" }).focus();
  await page.keyboard.press("Tab");
  await expect(threshold).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("abc");
  await page.keyboard.press("Tab");
  const save = page.getByRole("button", { name: "Save small-number threshold" });
  await expect(save).toBeFocused();
  await page.keyboard.press("Enter");

  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(page.locator("#field-suppressionThreshold-error")).toContainText("Enter the small-number threshold as a whole number from 1 to 20");
  await expect(threshold).toHaveValue("abc");
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "admin-settings-threshold-error");

  // The summary's link takes focus back to the field.
  await summary.getByRole("link", { name: "Enter the small-number threshold as a whole number from 1 to 20" }).focus();
  await page.keyboard.press("Enter");
  await expect(threshold).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("6");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("notification-banner")).toContainText("hide small numbers under the new threshold");
  await page.goto("/admin/settings");
  await expect(threshold).toHaveValue("6");

  // Put the demo back as it was: the dashboard's tests expect the default threshold.
  await threshold.fill("4");
  await save.click();
  await expect(page.getByTestId("notification-banner")).toBeVisible();
  await page.goto("/admin/settings");
  await expect(threshold).toHaveValue("4");
});

test("a caseworker has no settings link and the page is not found", async ({ page }) => {
  await signIn(page, "council.caseworker@demo.example");
  await expect(page.getByRole("link", { name: "Settings" })).toHaveCount(0);
  const response = await page.goto("/admin/settings");
  expect(response?.status()).toBe(404);
});
