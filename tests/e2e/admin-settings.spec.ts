import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, screenshotAtBothWidths, signIn } from "./support";

test("an administrator changes the escalation thresholds; a bad value is explained next to its field", async ({ page }) => {
  await signIn(page, "admin@demo.example");
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Escalation settings", level: 1 })).toBeVisible();
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

test("a caseworker has no settings link and the page is not found", async ({ page }) => {
  await signIn(page, "council.caseworker@demo.example");
  await expect(page.getByRole("link", { name: "Settings" })).toHaveCount(0);
  const response = await page.goto("/admin/settings");
  expect(response?.status()).toBe(404);
});
