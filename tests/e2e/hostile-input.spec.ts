// Hostile and malformed requests against the built server: the attacker gets a plain answer (a form
// error, 404 or 413), and everyone else keeps working.
import { readdirSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join, relative } from "node:path";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import pg from "pg";
import { COUNCIL_CASEWORKER, POLICE_CASEWORKER, signIn } from "./support";

const PLACE = "Hostilebury";

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

async function rescuesAt(place: string): Promise<number> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set (Playwright's webServer passes it)");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "Rescue" WHERE place = $1`, [place]);
    return Number(rows[0]!.count);
  } finally {
    await client.end();
  }
}

test("a rescue form posted with hostile field names is refused, and other users carry on", async ({ browser }) => {
  const attacker = await signedInPage(browser, POLICE_CASEWORKER);
  const colleague = await signedInPage(browser, COUNCIL_CASEWORKER);

  await attacker.goto("/rescues/new");
  await attacker.getByLabel("Place").fill(PLACE);
  const person = attacker.getByTestId("person-fieldset").nth(0);
  await person.getByLabel("Description").fill("Woman, about 30 (fictional)");
  await person.getByRole("group", { name: "Age group" }).getByLabel("Adult", { exact: true }).check();
  await person.getByRole("group", { name: "Gender" }).getByLabel("Not known").check();
  await person.getByRole("group", { name: "Is an interpreter needed?" }).getByLabel("No", { exact: true }).check();
  await attacker.evaluate(() => {
    const form = document.querySelector("form:has([name=idempotencyKey])")!;
    for (const name of ["__proto__.polluted", "constructor.prototype.polluted", "people.4294967294.name"]) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = "yes";
      form.append(input);
    }
  });

  const started = Date.now();
  await attacker.getByRole("button", { name: "Log rescue and start pathways" }).click();
  await expect(attacker.getByTestId("error-summary")).toContainText("This form could not be read");
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(await rescuesAt(PLACE)).toBe(0);

  // Another user's page, and the sign-in page for someone new, still work.
  const response = await colleague.goto("/people");
  expect(response?.status()).toBe(200);
  await expect(colleague.getByRole("heading", { level: 1 })).toBeVisible();
  const visitor = await (await browser.newContext()).newPage();
  expect((await visitor.goto("/sign-in"))?.status()).toBe(200);
  await signIn(visitor, "health.caseworker@demo.example");

  // The attacker's own next, ordinary submission goes through: the server was never poisoned.
  await attacker.goto("/rescues/new");
  await attacker.getByLabel("Place").fill(PLACE);
  await person.getByLabel("Description").fill("Woman, about 30 (fictional)");
  await person.getByRole("group", { name: "Age group" }).getByLabel("Adult", { exact: true }).check();
  await person.getByRole("group", { name: "Gender" }).getByLabel("Not known").check();
  await person.getByRole("group", { name: "Is an interpreter needed?" }).getByLabel("No", { exact: true }).check();
  await attacker.getByRole("button", { name: "Log rescue and start pathways" }).click();
  await expect(attacker.getByTestId("notification-banner")).toContainText("now on the pathway");
  expect(await rescuesAt(PLACE)).toBe(1);
});

// Every dynamic page under src/app, found from the file system so a new one is covered too.
// Playwright runs from the repository root (playwright.config.ts).
const APP_DIR = join(process.cwd(), "src/app");
function dynamicPages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return dynamicPages(path);
    const route = relative(APP_DIR, dir);
    return entry.name === "page.tsx" && /\[[a-zA-Z]+\]/.test(route) ? [route] : [];
  });
}
const ROUTES = dynamicPages(APP_DIR).map((route) => "/" + route.split("/").filter((part) => !/^\(.*\)$/.test(part)).join("/"));
// Who would open each page: a refusal by role must not hide the id check.
const ACCOUNT_FOR = (route: string) =>
  route.startsWith("/admin") ? "admin@demo.example" : route.startsWith("/cases") ? "coordinator@demo.example" : POLICE_CASEWORKER;
const BAD_IDS = ["not-a-uuid", "'", "' OR '1'='1", "00000000-0000-0000-0000-00000000000g", "%00", "1"];
const MISSING = "5f0c8a52-3c8e-4f8e-9a57-3a4f2b6c9d10";

test("every dynamic page answers a malformed id with the not-found page", async ({ browser }) => {
  expect(ROUTES).toEqual(expect.arrayContaining(["/people/[personId]", "/rescues/[rescueId]", "/people/[personId]/stages/[stageId]"]));
  const pages = new Map<string, Page>();
  for (const route of ROUTES) {
    const account = ACCOUNT_FOR(route);
    if (!pages.has(account)) pages.set(account, await signedInPage(browser, account));
    const page = pages.get(account)!;
    const params = route.match(/\[[a-zA-Z]+\]/g)!;
    for (const bad of BAD_IDS) {
      // The bad id in each place in turn; any other place holds a well-formed id of no record.
      for (const [i] of params.entries()) {
        let n = 0;
        const url = route.replace(/\[[a-zA-Z]+\]/g, () => (n++ === i ? encodeURIComponent(bad) : MISSING));
        const response = await page.request.get(url, { maxRedirects: 0 });
        expect(response.status(), `${url} as ${account}`).toBe(404);
        expect(await response.text(), url).toContain("Page not found");
      }
    }
  }
});

test("the image optimiser is off: /_next/image answers 4xx", async ({ request }) => {
  // With the optimiser on, a url of a page or of a missing file gave a 500.
  const urls = ["/", "/people", "/nope.png", "/icon.svg", "http://127.0.0.1/icon.svg"].map((url) => `/_next/image?url=${encodeURIComponent(url)}&w=64&q=75`);
  for (const url of [...urls, "/_next/image?url=x"]) {
    const response = await request.get(url);
    expect(response.status(), url).toBeGreaterThanOrEqual(400);
    expect(response.status(), url).toBeLessThan(500);
  }
});

/** A raw HTTP POST, so the test decides the headers: a declared length, or chunks with none. */
function rawPost(baseURL: string, path: string, size: number, chunked: boolean): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, baseURL);
    const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", origin: url.origin };
    if (!chunked) headers["content-length"] = String(size);
    const req = httpRequest(url, { method: "POST", headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // The server may answer and close before the whole body is sent; the answer is what counts.
    req.on("error", (error) => (/EPIPE|ECONNRESET/.test(String(error)) ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const writeMore = () => {
      while (sent < size) {
        const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += part.length;
        if (!req.write(part)) return void req.once("drain", writeMore);
      }
      req.end();
    };
    writeMore();
  });
}

test.describe("a request body over 1 MB", () => {
  for (const path of ["/sign-in", "/rescues/new"]) {
    test(`with a declared length, to ${path}, gets a plain 413 page`, async ({ baseURL }) => {
      const { status, body } = await rawPost(baseURL!, path, 2 * 1024 * 1024, false);
      expect(status).toBe(413);
      expect(body).toContain("That was too much to send");
    });

    test(`sent in chunks with no length, to ${path}, gets a plain 413 page`, async ({ baseURL }) => {
      const { status, body } = await rawPost(baseURL!, path, 2 * 1024 * 1024, true);
      expect(status).toBe(413);
      expect(body).toContain("That was too much to send");
    });
  }

  test("just under 1 MB is let through to the page as usual", async ({ baseURL }) => {
    const { status } = await rawPost(baseURL!, "/sign-in", 1024 * 1024 - 1024, true);
    expect(status).not.toBe(413);
    expect(status).toBeLessThan(500);
  });
});
