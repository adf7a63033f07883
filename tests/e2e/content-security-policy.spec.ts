import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// The fixture in ./fixtures fails any test whose pages report a violation. These prove it hears one:
// a script an attacker got into the page's markup, with no nonce, is blocked and reported.
async function openSignInWithInjectedScript(page: Page) {
  await page.route("**/sign-in", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace("</main>", "<script>window.injectedScriptRan = true;</script></main>");
    await route.fulfill({ response, body: html });
  });
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
}

test("a script in the markup without the request's nonce is blocked, and the fixture records it", async ({ page, cspViolations }) => {
  await openSignInWithInjectedScript(page);
  await expect.poll(() => cspViolations.some((violation) => violation.directive === "script-src-elem")).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { injectedScriptRan?: boolean }).injectedScriptRan)).toBeUndefined();
  // Provoked on purpose: emptied so that this test itself passes.
  cspViolations.splice(0);
});

test.fail("a test whose page reports a violation fails, though its own steps pass", async ({ page }) => {
  await openSignInWithInjectedScript(page);
});
