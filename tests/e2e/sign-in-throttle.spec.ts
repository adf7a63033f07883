import { createHmac } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import pg from "pg";
import { DEMO_PASSWORD } from "../../prisma/demo-accounts";
import { SIGN_IN_BUSY } from "../../src/domain/auth/sign-in-messages";
import { createTestAccount, E2E_AUTH_SECRET } from "./accounts";
import { expectNoAxeViolations, nextTotpCode, screenshotAtBothWidths } from "./support";

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
const failuresOnRecord = (failures: number, prefix: "account" | "code-account" = "account") =>
  withDatabase((client) =>
    client.query(`UPDATE "SignInThrottle" SET "failures" = $1, "blockedUntil" = NULL WHERE "key" LIKE $2`, [failures, `${prefix}:%`]),
  );

test.beforeAll(async () => {
  // Fictional caseworkers with the demo password and the demo TOTP secret.
  const existing = await withDatabase(async (client) => (await client.query(`SELECT email FROM "User" WHERE email = ANY($1)`, [[FORM_ACCOUNT, CALLBACK_ACCOUNT]])).rows);
  for (const email of [FORM_ACCOUNT, CALLBACK_ACCOUNT]) if (!existing.some((row) => row.email === email)) await createTestAccount(email);
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
async function postCallback(request: APIRequestContext, fields: Record<string, string>) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", { form: { csrfToken, ...fields, callbackUrl: "/" }, maxRedirects: 0 });
  const location = response.headers()["location"] ?? "";
  const setCookie = response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  return {
    status: response.status(),
    code: new URL(location, "http://x").searchParams.get("code"),
    signedIn: setCookie.some((cookie) => /^(__Secure-)?authjs\.session-token=[^;]+/.test(cookie)),
  };
}

/** Sign-in's first step in the browser; returns the challenge the code step needs (from its cookie). */
async function passwordStep(page: Page, email: string): Promise<string> {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in\/code$/);
  return (await page.context().cookies()).find((cookie) => cookie.name === "vcp-sign-in-challenge")!.value;
}

test("Auth.js's callback endpoint signs nobody in with a password; code guesses through it are throttled and locked like the form's", async ({
  request,
  page,
}) => {
  test.setTimeout(90_000);
  // A right password alone gets no session there: the endpoint takes only a challenge and its code.
  expect(await postCallback(request, { email: CALLBACK_ACCOUNT, password: DEMO_PASSWORD })).toMatchObject({ status: 302, signedIn: false });
  expect(await (await request.get("/api/auth/session")).json()).toBeNull();

  const challenge = await passwordStep(page, CALLBACK_ACCOUNT);
  expect(await postCallback(request, { challenge, code: "000000" })).toMatchObject({ code: "wrong-code", signedIn: false });
  // Nine wrong codes so far: the tenth locks, and then even the right code is refused.
  await failuresOnRecord(9, "code-account");
  expect(await postCallback(request, { challenge, code: "000001" })).toMatchObject({ code: "wrong-code", signedIn: false });
  expect(await postCallback(request, { challenge, code: await nextTotpCode(CALLBACK_ACCOUNT) })).toMatchObject({
    status: 302,
    code: "too-many-attempts",
    signedIn: false,
  });
  expect(await (await request.get("/api/auth/session")).json()).toBeNull();

  // Once the lock is gone (here: forgotten), the same request signs in.
  await forgetAllThrottles();
  expect(await postCallback(request, { challenge, code: await nextTotpCode(CALLBACK_ACCOUNT) })).toMatchObject({ signedIn: true });
});

type CapturedAction = { headers: Record<string, string>; body: string; email: string };

/**
 * The sign-in form's server action as the browser posts it, captured once so that a script can
 * send it again with another email (a flood, or a forged header) without a browser per request.
 */
async function captureSignInAction(page: Page): Promise<CapturedAction> {
  const email = "capture@demo.example";
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("wrong");
  const posted = page.waitForRequest((request) => request.method() === "POST" && new URL(request.url()).pathname === "/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  const request = await posted;
  await request.response();
  const headers = Object.fromEntries(
    Object.entries(await request.allHeaders()).filter(([name]) => !["content-length", "cookie", "host", "x-forwarded-for"].includes(name) && !name.startsWith(":")),
  );
  return { headers, body: request.postDataBuffer()!.toString("utf8"), email };
}

async function postSignInForm(request: APIRequestContext, action: CapturedAction, email: string, headers: Record<string, string> = {}) {
  const response = await request.post("/sign-in", { headers: { ...action.headers, ...headers }, data: action.body.replace(action.email, email), maxRedirects: 0 });
  const text = await response.text();
  // Refused: a wrong password, or (past the address's 20 free failures an hour) too many attempts.
  return { status: response.status(), busy: text.includes(SIGN_IN_BUSY), refused: /The email address or password is not right|Too many attempts/.test(text) };
}

test("a client cannot pick a fresh address with X-Forwarded-For when no proxy is trusted", async ({ request, page }) => {
  test.setTimeout(90_000);
  const action = await captureSignInAction(page);
  await forgetAllThrottles();
  for (const forged of ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) {
    expect(await postSignInForm(request, action, `nobody-${forged}@demo.example`, { "X-Forwarded-For": forged })).toMatchObject({ refused: true });
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
  return `address:${createHmac("sha256", E2E_AUTH_SECRET).update(`address:${address}`).digest("base64url")}`;
}

test("while a flood of sign-ins is hashing, other pages still answer promptly and the surplus is told 'busy'", async ({ request, playwright, baseURL, page }) => {
  test.setTimeout(120_000);
  const action = await captureSignInAction(page);
  const html = await (await request.get("/sign-in")).text();
  const script = html.match(/\/_next\/static\/[^"']+\.js/)?.[0];
  expect(script).toBeTruthy();

  // How long one sign-in takes here (about one hash): the yardstick, so a busy machine does not decide the test.
  const before = Date.now();
  await postSignInForm(request, action, "yardstick@demo.example");
  const oneSignIn = Date.now() - before;

  // Each sign-in gets its own client, so none waits behind another's connection.
  const contexts = await Promise.all(Array.from({ length: 24 }, () => playwright.request.newContext({ baseURL })));
  try {
    const flood = contexts.map((context, i) => postSignInForm(context, action, `flood-${i}@demo.example`));
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
    expect(outcomes.every((o) => o.status === 200 && (o.refused || o.busy))).toBe(true);
    // Without the limiter, the script (a file read on libuv's thread pool) waits behind every queued hash.
    expect(slowest.script).toBeLessThan(oneSignIn);
    expect(slowest.page).toBeLessThan(2 * oneSignIn);
    expect(outcomes.filter((o) => o.busy).length).toBeGreaterThan(0);
  } finally {
    await Promise.all(contexts.map((context) => context.dispose()));
  }
});
