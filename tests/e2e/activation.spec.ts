import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";
import { createTestAccount, issueTestLink } from "./accounts";
import { expectNoAxeViolations, nextTotpCode, screenshotAtBothWidths, signInAfresh, totpCode } from "./support";
import { DEMO_PASSWORD } from "../../prisma/demo-accounts";
import { totpStepAt } from "../../src/domain/auth/totp-steps";

const NEW_PASSWORD = "lantern orchard pebble";

test("a new caseworker sets a password, sets up an authenticator, saves recovery codes, and signs in with password and code", async ({ page }) => {
  test.setTimeout(90_000);
  const email = `new.caseworker.${randomUUID().slice(0, 8)}@demo.example`;
  const userId = await createTestAccount(email, { withPassword: false, enrolled: false });
  const link = await issueTestLink(userId);

  // The link's own response sends no referrer and moves the token out of the address bar.
  const landed = await page.goto(link);
  const linkResponse = await landed!.request().redirectedFrom()!.response();
  expect(linkResponse!.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(page).toHaveURL(/\/activate$/);
  await expect(page.getByRole("heading", { name: "Set up your account", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "activate-password");

  // A common password is refused next to the field, in plain words.
  await page.getByLabel("New password", { exact: true }).fill("password1234");
  await page.getByLabel("Type the new password again").fill("password1234");
  await page.getByRole("button", { name: "Save password" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("This password is too common");
  await expectNoAxeViolations(page);
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Type the new password again").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Save password" }).click();

  await expect(page.getByRole("heading", { name: "Set up your authenticator app", level: 1 })).toBeVisible();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "activate-authenticator");
  await page.getByLabel("Code from your authenticator app").fill(totpCode(secret, totpStepAt(new Date())));
  await page.getByRole("button", { name: "Confirm code" }).click();

  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeFocused();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "activate-recovery-codes");
  await page.getByRole("link", { name: /continue to sign in/ }).click();

  await expect(page).toHaveURL(/\/sign-in\?ready=1$/);
  await expect(page.getByTestId("signed-out-reason")).toContainText("Your account is ready");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  // The code page, by keyboard alone.
  await expect(page).toHaveURL(/\/sign-in\/code$/);
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "sign-in-code");
  const codeField = page.getByLabel("Code from your authenticator app");
  for (let i = 0; i < 10 && !(await codeField.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(codeField).toBeFocused();
  await page.keyboard.type(await nextTotpCode(email, secret));
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { name: "Teesmoor Police queue", level: 1 })).toBeVisible();

  // The link was used: it now reads like any link that does not work.
  const again = await page.goto(link);
  expect(again!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This link does not work", level: 1 })).toBeVisible();
});

test("an unknown link and a made-up one get the same plain page, with a 404", async ({ page }) => {
  for (const path of [`/activate/${"x".repeat(43)}`, "/activate/short", "/activate"]) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "This link does not work", level: 1 })).toBeVisible();
  }
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "activate-link-does-not-work");
});

test("a wrong code is refused on the code page in plain words, and until the code is right there is no session", async ({ page }) => {
  test.setTimeout(60_000);
  const email = `recovery.caseworker.${randomUUID().slice(0, 8)}@demo.example`;
  await createTestAccount(email);
  const signInWithPassword = async () => {
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/sign-in\/code$/);
  };
  await signInWithPassword();
  await page.getByLabel("Code from your authenticator app").fill("000000");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("The code is not right");
  await expect(page).toHaveURL(/\/sign-in\/code$/);
  await expectNoAxeViolations(page);
  // No session yet: a page of the app sends to sign in.
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a caseworker changes their own password at Your account: a weak one is refused, and their other browser is signed out", async ({ browser }) => {
  test.setTimeout(90_000);
  const email = `changing.caseworker.${randomUUID().slice(0, 8)}@demo.example`;
  await createTestAccount(email);
  const [desk, phone] = await Promise.all([browser.newContext(), browser.newContext()]);
  const [page, other] = await Promise.all([desk.newPage(), phone.newPage()]);
  await signInAfresh(page, email);
  await signInAfresh(other, email);

  await page.goto("/account");
  await page.getByLabel("Current password").fill(DEMO_PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("iloveyou2026");
  await page.getByLabel("Type the new password again").fill("iloveyou2026");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("This password is too common");
  // Nothing typed comes back: every password box is empty again.
  await expect(page.getByLabel("Current password")).toHaveValue("");
  await expectNoAxeViolations(page);

  await page.getByLabel("Current password").fill(DEMO_PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Type the new password again").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("notification-banner")).toContainText("Your password has been changed");
  await screenshotAtBothWidths(page, "account-password-changed");

  await other.goto("/queue");
  await expect(other).toHaveURL(/\/sign-in$/);
  await page.goto("/queue");
  await expect(page.getByRole("heading", { name: "Teesmoor Police queue", level: 1 })).toBeVisible();
  await Promise.all([desk.close(), phone.close()]);
});

test("without the phone, a recovery code signs in once; the same code is refused the second time", async ({ page }) => {
  test.setTimeout(90_000);
  const email = `phoneless.caseworker.${randomUUID().slice(0, 8)}@demo.example`;
  const userId = await createTestAccount(email, { withPassword: false, enrolled: false });
  await page.goto(await issueTestLink(userId));
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Type the new password again").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Save password" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await page.getByLabel("Code from your authenticator app").fill(totpCode(secret, totpStepAt(new Date())));
  await page.getByRole("button", { name: "Confirm code" }).click();
  const listed = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(listed).toHaveCount(10);
  const codes = (await listed.allTextContents()).map((code) => code.trim());
  const [recoveryCode] = codes;

  const withRecoveryCode = async () => {
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/sign-in\/code$/);
    await page.getByRole("link", { name: "I do not have my phone: use a recovery code" }).click();
    await expect(page.getByRole("heading", { name: "Enter a recovery code", level: 1 })).toBeVisible();
    await page.getByLabel("Recovery code").fill(recoveryCode!);
    await page.getByRole("button", { name: "Continue" }).click();
  };

  await withRecoveryCode();
  await expect(page.getByRole("heading", { name: "Teesmoor Police queue", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  // Spent: the same code does not sign in again, and there is still no session.
  await withRecoveryCode();
  await expect(page.getByTestId("error-summary")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\/code/);
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/sign-in$/);
});
