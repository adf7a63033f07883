import { expect, test } from "./fixtures";
import { signInAfresh, signOut } from "./support";

// A busy queue page prefetches many links and listens for live updates. Signing out while those
// requests are in flight must still sign out: no response may hand the browser its session back.
test("signing out from a busy page ends the session, every time", async ({ page, context }) => {
  test.setTimeout(90_000);
  for (const email of ["council.lead@demo.example", "health.lead@demo.example", "police.caseworker@demo.example"]) {
    await signInAfresh(page, email);
    await expect(page.getByTestId("queue-row").first()).toBeVisible();
    await signOut(page);
    // Give anything still in flight time to land, then try a page that needs a session.
    await page.waitForTimeout(1_500);
    await page.goto("/queue");
    await expect(page).toHaveURL(/\/sign-in$/);
    const cookies = await context.cookies();
    expect(cookies.filter((cookie) => /authjs\.session-token/.test(cookie.name) && cookie.value !== "")).toEqual([]);
  }
});
