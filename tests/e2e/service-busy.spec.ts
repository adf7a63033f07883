import { expect, test } from "./fixtures";
import { POLICE_CASEWORKER, signIn } from "./support";

// Past capacity the server turns the surplus away at once with a plain "service busy" page
// (scripts/serve.ts, src/lib/http/admission-gate.ts) rather than slowing down for everyone. The e2e
// server runs with roomier limits than the defaults (scripts/e2e-server.ts: 8 pages at once, 64
// waiting up to 2 s, no standing-queue rule), which a burst of 150 still overflows.

test("a burst of page requests past capacity: the surplus is told 'busy' with Retry-After, the rest are served, sign-in stays open", async ({ page, playwright, baseURL }) => {
  test.setTimeout(90_000);
  // Someone about to sign in has no session: a signed-in browser's /sign-in redirects to its queue,
  // which is in the burst's lane.
  const signedOut = await playwright.request.newContext({ baseURL });
  await signIn(page, POLICE_CASEWORKER);
  // page.request shares the signed-in browser's cookies.
  const burst = Array.from({ length: 150 }, () => page.request.get("/queue", { maxRedirects: 0 }));
  // Sent while the burst is being served: the sign-in page has its own lane.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const signInPage = await signedOut.get("/sign-in", { maxRedirects: 0 });
  const responses = await Promise.all(burst);

  expect(signInPage.status()).toBe(200);
  await signedOut.dispose();
  const statuses = responses.map((response) => response.status());
  const busy = responses.filter((response) => response.status() === 503);
  expect(busy.length, `statuses: ${[...new Set(statuses)].join(", ")}`).toBeGreaterThan(0);
  // Those let in are whole pages: nothing else, no error.
  expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
  expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(0);
  for (const response of busy.slice(0, 5)) {
    expect(response.headers()["retry-after"]).toBe("2");
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(response.headers()["content-security-policy"]).toContain("script-src 'none'");
    const text = await response.text();
    expect(text).toContain("Sorry, the service is busy");
    // A plain page: no server error or stack trace behind it (its title starts "Error:", as every error page's does).
    expect(text).toMatch(/<title>Error: Sorry, the service is busy/);
    expect(text).not.toMatch(/Internal Server Error|stack|at .*\.js/);
  }

  // The service recovers at once: the page loads in the browser.
  await page.goto("/queue");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
