import type { Page } from "@playwright/test";
import { WRONG_EMAIL_OR_PASSWORD } from "../../src/domain/auth/sign-in-messages";
import { expect, test } from "./fixtures";
import { enterCode, nextTotpCode, signIn } from "./support";

// Issue 11's whole journey, with no test-made accounts or links: an administrator creates a
// caseworker, who activates the account from the link and signs in with a password and a code; the
// administrator switches them off (their open page is refused on the next click), and a password
// reset gives a new link while the old password stops working.
const NAME = "Fictional Robin Vale";
const FIRST_PASSWORD = "meadow lantern copper";
const SECOND_PASSWORD = "harbour thistle engine";

async function createCaseworker(admin: Page, email: string): Promise<string> {
  await admin.goto("/admin/users/new");
  await admin.getByLabel("Full name").fill(NAME);
  await admin.getByLabel("Email address").fill(email);
  await admin.getByRole("radio", { name: "Caseworker" }).check();
  await admin.getByLabel("Agency", { exact: true }).selectOption({ label: "Teesmoor Police" });
  await admin.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByTestId("issued-link")).toContainText(`Account created for ${NAME}`);
  return admin.getByLabel("Link", { exact: true }).inputValue();
}

async function choosePassword(page: Page, password: string) {
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Type the new password again").fill(password);
  await page.getByRole("button", { name: "Save password" }).click();
}

async function signInWithCode(page: Page, email: string, password: string, secret: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in\/code$/);
  await enterCode(page, email, secret);
  await expect(page.getByRole("heading", { name: "Teesmoor Police queue", level: 1 })).toBeVisible();
}

test("an administrator creates a caseworker who activates, enrols an authenticator and signs in; switched off, then reset", async ({ page: admin, browser }) => {
  test.setTimeout(120_000);
  const email = `robin.vale.${Date.now()}@demo.example`;
  await signIn(admin, "admin@demo.example");
  const firstLink = await createCaseworker(admin, email);
  expect(new URL(firstLink).pathname).toMatch(/^\/activate\/[A-Za-z0-9_-]{40,}$/);

  const theirs = await browser.newContext();
  const caseworker = await theirs.newPage();
  try {
    // The new caseworker opens the link, chooses a password and sets up the authenticator.
    await caseworker.goto(firstLink);
    await expect(caseworker.getByRole("heading", { name: "Set up your account", level: 1 })).toBeVisible();
    await choosePassword(caseworker, FIRST_PASSWORD);
    await expect(caseworker.getByRole("heading", { name: "Set up your authenticator app", level: 1 })).toBeVisible();
    const secret = (await caseworker.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await enterCodeToConfirm(caseworker, email, secret);
    await expect(caseworker.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
    await caseworker.getByRole("link", { name: /continue to sign in/ }).click();

    // Password and code: their agency's queue.
    await signInWithCode(caseworker, email, FIRST_PASSWORD, secret);

    // The administrator sees the account active, and switches it off.
    await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
    await admin.getByRole("link", { name: `${NAME}: view account` }).click();
    await expect(admin.getByRole("heading", { name: NAME, level: 1 })).toBeVisible();
    await admin.getByRole("button", { name: `Switch off ${NAME}'s account` }).click();
    await expect(admin.getByTestId("notification-banner")).toContainText("switched off");

    // The caseworker's open page: the next click is refused and goes to sign-in.
    await caseworker.getByRole("link", { name: "People" }).click();
    await expect(caseworker).toHaveURL(/\/sign-in/);

    // Switched on again and the password reset: a new link, and the old password no longer works.
    await admin.getByRole("button", { name: `Switch on ${NAME}'s account` }).click();
    await expect(admin.getByTestId("notification-banner")).toContainText("switched on");
    await admin.getByRole("button", { name: `Reset password for ${NAME}` }).click();
    await expect(admin.getByTestId("issued-link")).toContainText("Password reset");
    const resetLink = await admin.getByLabel("Link", { exact: true }).inputValue();
    expect(resetLink).not.toBe(firstLink);

    await caseworker.goto("/sign-in");
    await caseworker.getByLabel("Email address").fill(email);
    await caseworker.getByLabel("Password").fill(FIRST_PASSWORD);
    await caseworker.getByRole("button", { name: "Sign in" }).click();
    await expect(caseworker.getByText(WRONG_EMAIL_OR_PASSWORD)).toBeVisible();

    // The first link was used up; the new one sets a new password, and the authenticator still works.
    const used = await caseworker.goto(firstLink);
    expect(used!.status()).toBe(404);
    await caseworker.goto(resetLink);
    await expect(caseworker.getByRole("heading", { name: "Choose a new password", level: 1 })).toBeVisible();
    await choosePassword(caseworker, SECOND_PASSWORD);
    await expect(caseworker).toHaveURL(/\/sign-in\?ready=1$/);
    await signInWithCode(caseworker, email, SECOND_PASSWORD, secret);
  } finally {
    await theirs.close();
  }
});

/** The enrolment step's own code field (the sign-in helper's enterCode is for the sign-in page). */
async function enterCodeToConfirm(page: Page, email: string, secret: string) {
  await page.getByLabel("Code from your authenticator app").fill(await nextTotpCode(email, secret));
  await page.getByRole("button", { name: "Confirm code" }).click();
}
