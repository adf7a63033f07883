import { WRONG_EMAIL_OR_PASSWORD } from "../../src/domain/auth/sign-in-messages";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, screenshotAtBothWidths, signIn, withDatabase } from "./support";

// Demo accounts no other spec signs in as: this spec switches one off and resets the other's password.
const SWITCHED_OFF = "vcas.lead@demo.example";
const RESET = "salvationarmy.caseworker2@demo.example";

test("an administrator finds users and, by keyboard alone, creates a caseworker and gets the activation link", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, "admin@demo.example");
  await page.getByRole("link", { name: "Users", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();

  await page.getByLabel("Name or email").fill("council");
  await page.getByLabel("Switched on or off").selectOption({ label: "Switched on" });
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("user-total")).toHaveText("3 users");
  await expect(page.getByTestId("user-row")).toHaveCount(3);
  await expect(page.getByRole("link", { name: "Demo Council Lead: view account" })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "admin-users-list");

  await page.getByRole("link", { name: "Create a user" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Create a user", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "admin-users-create");

  // Back link, then each field in order, then the button.
  await page.getByRole("link", { name: "Back to users" }).focus();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Full name")).toBeFocused();
  await page.keyboard.type("Fictional Frankie Moor");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Email address")).toBeFocused();
  await page.keyboard.type("Police.Caseworker@demo.example");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("radio", { name: "Caseworker" })).toBeFocused();
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Agency", { exact: true })).toBeFocused();
  await page.keyboard.type("Teesmoor Police");
  await expect(page.locator("#field-agencyId option:checked")).toHaveText("Teesmoor Police");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Create user" })).toBeFocused();
  await page.keyboard.press("Enter");

  // The address is taken: said next to the field, and the summary's link leads back to it.
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(page.locator("#field-email-error")).toContainText("Another account already uses this email address");
  await expectNoAxeViolations(page);
  await summary.getByRole("link", { name: /Another account already uses this email address/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Email address")).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("frankie.moor@demo.example");
  await page.keyboard.press("Enter");

  const issued = page.getByTestId("issued-link");
  await expect(issued).toBeFocused();
  await expect(issued).toContainText("Account created for Fictional Frankie Moor");
  await expect(issued).toContainText("The app sends no email");
  const url = await page.getByLabel("Link", { exact: true }).inputValue();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/activate\/[A-Za-z0-9_-]{40,}$/);
  await expect(page.getByTestId("issued-link-expiry")).toHaveText(/^\d{1,2} \w{3} \d{4}, \d{2}:\d{2} (GMT|BST)$/);
  await page.getByRole("button", { name: "Copy link" }).focus();
  await page.keyboard.press("Enter");
  await expect(issued).toContainText("Link copied.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "admin-users-created");

  // The new account is listed, waiting for activation; the link is shown nowhere else.
  await page.getByRole("link", { name: "Go to Fictional Frankie Moor's account" }).click();
  await expect(page.getByRole("heading", { name: "Fictional Frankie Moor", level: 1 })).toBeVisible();
  await expect(page.getByText("Not yet activated")).toBeVisible();
  await expect(page.getByTestId("history-row")).toContainText(["Created a staff account"]);
  expect(await page.content()).not.toContain(url.split("/activate/")[1]);
});

test("switching off a signed-in user sends their next click to sign in; a reset password stops working at once", async ({ page, browser }) => {
  test.setTimeout(60_000);
  const { passwordHash } = await withDatabase(async (client) => (await client.query<{ passwordHash: string }>(`SELECT "passwordHash" FROM "User" WHERE email = $1`, [RESET])).rows[0]!);
  const other = await browser.newContext();
  const them = await other.newPage();
  try {
    await signIn(them, SWITCHED_OFF);
    await signIn(page, "admin@demo.example");

    await page.goto(`/admin/users?q=${encodeURIComponent(SWITCHED_OFF)}`);
    await page.getByRole("link", { name: "Demo VCAS Lead: view account" }).click();
    await expect(page.getByRole("heading", { name: "Demo VCAS Lead", level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshotAtBothWidths(page, "admin-user-page");

    // The change of role shows what it takes away before anything changes.
    await page.getByRole("link", { name: "Change role or agency of Demo VCAS Lead" }).click();
    await page.getByRole("radio", { name: "Caseworker" }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { name: "Check the change", level: 1 })).toBeVisible();
    await expect(page.getByTestId("permissions-lost")).toContainText("Assign and reassign their agency's stages to colleagues");
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Change your answers" }).click();
    await page.getByRole("link", { name: "Back to Demo VCAS Lead's account" }).click();

    await page.getByRole("button", { name: "Switch off Demo VCAS Lead's account" }).click();
    await expect(page.getByTestId("notification-banner")).toContainText("switched off");
    await expect(page.getByText("Switched off", { exact: true })).toBeVisible();

    await them.getByRole("link", { name: "People" }).click();
    await expect(them).toHaveURL(/\/sign-in/);

    await page.getByRole("button", { name: "Switch on Demo VCAS Lead's account" }).click();
    await expect(page.getByTestId("notification-banner")).toContainText("switched on");

    // A password reset: the link appears once, and the old password no longer signs in.
    await page.goto(`/admin/users?q=${encodeURIComponent(RESET)}`);
    await page.getByRole("link", { name: "Demo Salvation Army Caseworker Two: view account" }).click();
    await page.getByRole("button", { name: "Reset password for Demo Salvation Army Caseworker Two" }).click();
    await expect(page.getByTestId("issued-link")).toContainText("Password reset");
    await expect(page.getByLabel("Link", { exact: true })).toHaveValue(/\/activate\/[A-Za-z0-9_-]{40,}$/);

    await them.goto("/sign-in");
    await them.getByLabel("Email address").fill(RESET);
    await them.getByLabel("Password").fill("demo-pathway-2026");
    await them.getByRole("button", { name: "Sign in" }).click();
    await expect(them.getByText(WRONG_EMAIL_OR_PASSWORD)).toBeVisible();
    await expect(them).toHaveURL(/\/sign-in/);
  } finally {
    await other.close();
    // Put the demo back for the specs that follow: the password cannot be set again without the activation page.
    await withDatabase((client) => client.query(`UPDATE "User" SET "passwordHash" = $1, active = true WHERE email = $2`, [passwordHash, RESET]));
    await withDatabase((client) => client.query(`UPDATE "User" SET active = true WHERE email = $1`, [SWITCHED_OFF]));
  }
});

test("a caseworker has no users link and the pages are not found", async ({ page }) => {
  await signIn(page, "council.caseworker@demo.example");
  await expect(page.getByRole("link", { name: "Users", exact: true })).toHaveCount(0);
  expect((await page.goto("/admin/users"))?.status()).toBe(404);
  expect((await page.goto("/admin/users/new"))?.status()).toBe(404);
});
