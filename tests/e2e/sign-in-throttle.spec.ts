import { createHmac } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import pg from "pg";
import { DEMO_PASSWORD } from "../../prisma/demo-accounts";
import { expectNoAxeViolations, screenshotAtBothWidths } from "./support";

// Accounts of this spec's own, so locking them cannot get in the way of other specs. Every try
// here comes from 127.0.0.1 like every other spec's, so each test starts and ends with the
// throttle table empty.
const FORM_ACCOUNT = "throttle.form@demo.example";
const CALLBACK_ACCOUNT = "throttle.callback@demo.example";

async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set (Playwright's webServer passes it)");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const forgetAllThrottles = () => withDatabase((client) => client.query(`DELETE FROM "SignInThrottle"`));

/**
 * Stands in for wrong passwords typed before (and the delays waited out between them), so a test
 * need not sit through two minutes of growing delays. Keys are HMACs, so the one account row a
 * test made is found by its prefix.
 */
const failuresOnRecord = (failures: number) =>
  withDatabase((client) =>
    client.query(`UPDATE "SignInThrottle" SET "failures" = $1, "blockedUntil" = NULL WHERE "key" LIKE 'account:%'`, [failures]),
  );

test.beforeAll(async () => {
  await withDatabase(async (client) => {
    for (const email of [FORM_ACCOUNT, CALLBACK_ACCOUNT]) {
      // A fictional caseworker with the demo password, copied from the demo police caseworker.
      await client.query(
        `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "agencyId", "active")
         SELECT gen_random_uuid(), $1, 'Throttle Test Caseworker (fictional)', "passwordHash", "role", "agencyId", true
         FROM "User" WHERE "email" = 'police.caseworker@demo.example'
         ON CONFLICT ("email") DO NOTHING`,
        [email],
      );
    }
  });
});
test.beforeEach(forgetAllThrottles);
test.afterEach(forgetAllThrottles);

/**
 * Types and submits with the keyboard alone, then waits for the answer: the error summary takes
 * focus when it arrives (focus was on the form until then), so the next try cannot overtake it.
 */
async function submitByKeyboard(page: Page, email: string, password: string) {
  await page.getByLabel("Email address").focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(password);
  const answered = page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/sign-in");
  await page.keyboard.press("Enter");
  await answered;
  await expect(page.getByTestId("error-summary")).toBeFocused();
}

test("too many wrong passwords: the form says how long to wait, then when the lock ends, and the right password does not sign in", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto("/sign-in");
  const summary = page.getByTestId("error-summary");
  const notRight = "The email address or password is not right";
  const waitSeconds = /Too many attempts\. Wait \d+ seconds?, then try again\./;

  await submitByKeyboard(page, FORM_ACCOUNT, "wrong-password-1");
  await expect(summary).toContainText(notRight);
  // Five wrong so far: the sixth sets an 8-second delay, and a try within it is refused unchecked.
  await failuresOnRecord(5);
  await submitByKeyboard(page, FORM_ACCOUNT, "wrong-password-6");
  await expect(summary).toContainText(notRight);
  await submitByKeyboard(page, FORM_ACCOUNT, DEMO_PASSWORD);
  await expect(summary).toContainText(waitSeconds);
  // The error summary took focus (submitByKeyboard waits for it), so a screen reader reads it at once; the email is kept.
  await expect(page.getByLabel("Email address")).toHaveValue(FORM_ACCOUNT);

  // The tenth wrong password locks the account for 15 minutes; the right one is then refused.
  await failuresOnRecord(9);
  await submitByKeyboard(page, FORM_ACCOUNT, "wrong-password-10");
  await expect(summary).toContainText(notRight);
  await submitByKeyboard(page, FORM_ACCOUNT, DEMO_PASSWORD);
  await expect(summary).toContainText(/Too many attempts\. Try again at \d\d:\d\d (GMT|BST) \(in 1[56] minutes\)\./);
  await expect(page).toHaveURL(/\/sign-in$/);
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "sign-in-locked");
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/sign-in$/);

  // An email no account has gets the very same answers for the same tries.
  await forgetAllThrottles();
  const nobody = "no.such.person@demo.example";
  await submitByKeyboard(page, nobody, "wrong-password-1");
  await expect(summary).toContainText(notRight);
  await failuresOnRecord(5);
  await submitByKeyboard(page, nobody, "wrong-password-6");
  await expect(summary).toContainText(notRight);
  await submitByKeyboard(page, nobody, DEMO_PASSWORD);
  await expect(summary).toContainText(waitSeconds);
  await failuresOnRecord(9);
  await submitByKeyboard(page, nobody, "wrong-password-10");
  await expect(summary).toContainText(notRight);
  await submitByKeyboard(page, nobody, DEMO_PASSWORD);
  await expect(summary).toContainText(/Too many attempts\. Try again at \d\d:\d\d (GMT|BST) \(in 1[56] minutes\)\./);
});

/** Auth.js's own endpoint, posted as a script would: a CSRF token, then the form, no redirects followed. */
async function postCallback(request: APIRequestContext, email: string, password: string, headers: Record<string, string> = {}) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: "/" },
    headers,
    maxRedirects: 0,
  });
  const location = response.headers()["location"] ?? "";
  const setCookie = response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  return {
    status: response.status(),
    code: new URL(location, "http://x").searchParams.get("code"),
    signedIn: setCookie.some((cookie) => /^(__Secure-)?authjs\.session-token=[^;]+/.test(cookie)),
  };
}

test("Auth.js's callback endpoint is throttled and locked the same way, and a locked right password gets no session", async ({
  request,
}) => {
  test.setTimeout(90_000);
  expect(await postCallback(request, CALLBACK_ACCOUNT, "wrong-1")).toMatchObject({ code: "credentials", signedIn: false });
  await failuresOnRecord(5);
  expect(await postCallback(request, CALLBACK_ACCOUNT, "wrong-6")).toMatchObject({ code: "credentials", signedIn: false });
  expect(await postCallback(request, CALLBACK_ACCOUNT, DEMO_PASSWORD)).toMatchObject({ code: "too-many-attempts", signedIn: false });

  await failuresOnRecord(9);
  expect(await postCallback(request, CALLBACK_ACCOUNT, "wrong-10")).toMatchObject({ code: "credentials", signedIn: false });
  expect(await postCallback(request, CALLBACK_ACCOUNT, DEMO_PASSWORD)).toMatchObject({ status: 302, code: "too-many-attempts", signedIn: false });
  const session = await (await request.get("/api/auth/session")).json();
  expect(session).toBeNull();

  // Once the lock is gone (here: forgotten), the same request signs in.
  await forgetAllThrottles();
  expect(await postCallback(request, CALLBACK_ACCOUNT, DEMO_PASSWORD)).toMatchObject({ signedIn: true });
});

test("a client cannot pick a fresh address with X-Forwarded-For when no proxy is trusted, on either way in", async ({ request, page }) => {
  test.setTimeout(90_000);
  for (const forged of ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) {
    await postCallback(request, `nobody-${forged}@demo.example`, "wrong", { "X-Forwarded-For": forged });
  }
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": "198.51.100.4" });
  await page.goto("/sign-in");
  await submitByKeyboard(page, "nobody-form@demo.example", "wrong");
  const addressRows = await withDatabase(
    async (client) => (await client.query(`SELECT "key", "failures" FROM "SignInThrottle" WHERE "key" LIKE 'address:%'`)).rows,
  );
  // All four counted against the connection's real address, not invented ones, nor "unknown".
  expect(addressRows).toEqual([{ key: addressKey("127.0.0.1"), failures: 4 }]);
});

/** The throttle key of an address, made as src/server/auth/sign-in-throttle.ts makes it. */
function addressKey(address: string) {
  // The secret playwright.config.ts always gives the e2e server.
  const secret = "e2e-test-secret-not-for-production-0123456789abcdef";
  return `address:${createHmac("sha256", secret).update(`address:${address}`).digest("base64url")}`;
}

test("while a flood of sign-ins is hashing, other pages still answer promptly and the surplus is told 'busy'", async ({ request, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const html = await (await request.get("/sign-in")).text();
  const script = html.match(/\/_next\/static\/[^"']+\.js/)?.[0];
  expect(script).toBeTruthy();

  // How long one sign-in takes here (about one hash): the yardstick, so a busy machine does not decide the test.
  const before = Date.now();
  await postCallback(request, "yardstick@demo.example", "wrong");
  const oneSignIn = Date.now() - before;

  // Each sign-in gets its own client, so none waits behind another's connection.
  const contexts = await Promise.all(Array.from({ length: 24 }, () => playwright.request.newContext({ baseURL })));
  try {
    const flood = contexts.map((context, i) => postCallback(context, `flood-${i}@demo.example`, "wrong"));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const slowest = { page: 0, script: 0 };
    for (let i = 0; i < 3; i++) {
      let t = Date.now();
      expect((await request.get("/sign-in")).status()).toBe(200);
      slowest.page = Math.max(slowest.page, Date.now() - t);
      t = Date.now();
      expect((await request.get(script!)).status()).toBe(200);
      slowest.script = Math.max(slowest.script, Date.now() - t);
    }
    const outcomes = await Promise.all(flood);
    expect(outcomes.every((o) => o.status === 302 && !o.signedIn)).toBe(true);
    // Without the limiter, the script (a file read on libuv's thread pool) waits behind every queued hash.
    expect(slowest.script).toBeLessThan(oneSignIn);
    expect(slowest.page).toBeLessThan(2 * oneSignIn);
    expect(outcomes.filter((o) => o.code === "busy").length).toBeGreaterThan(0);
  } finally {
    await Promise.all(contexts.map((context) => context.dispose()));
  }
});
