// Every page has its own <title> after a client-side navigation, the same one it has when loaded
// afresh: a screen reader announces it, and the browser's tab and history show it. Clicks come as
// soon as each page is there, before it has settled, which is when Next's head swap lost the title.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { COUNCIL_CASEWORKER, signIn } from "./support";

const COUNCIL_LEAD = "council.lead@demo.example";
const ADMIN = "admin@demo.example";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/'/g, "&#x27;").replace(/"/g, "&quot;");
}

/** The title each address has when loaded afresh (what the server writes in the HTML's <head>). */
async function titlesOnFullLoad(page: Page, hrefs: string[]): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  for (const href of hrefs) {
    await page.goto(href);
    const title = await page.title();
    expect(title, `${href} has a title when loaded afresh`).toMatch(/\S – Victim Care Pathway$/);
    // In the HTML's <head> as the server sends it, for a browser before its scripts run: once.
    const html = await (await page.request.get(href)).text();
    const head = html.slice(0, html.indexOf("</head>"));
    expect(head.match(/<title>[^<]*<\/title>/g), `${href}'s <head>`).toEqual([`<title>${escapeHtml(title)}</title>`]);
    titles.set(href, title);
  }
  return titles;
}

async function mainLinks(page: Page): Promise<string[]> {
  const nav = page.getByRole("navigation", { name: "Main" });
  return nav.getByRole("link").evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
}

/** Follows each link in turn by clicking it the moment the previous page's heading shows. */
async function followQuickly(page: Page, titles: Map<string, string>, rounds: number) {
  const nav = page.getByRole("navigation", { name: "Main" });
  for (let round = 0; round < rounds; round++) {
    for (const [href, title] of titles) {
      await nav.locator(`a[href="${href}"]`).click();
      await expect(page).toHaveURL(new RegExp(`${href.replace(/[/]/g, "\\/")}(\\?|$)`));
      await expect(page, `the title after following the link to ${href} (round ${round + 1})`).toHaveTitle(title);
      await expect(page.locator("title"), "one <title>: the last page's went with it").toHaveCount(1);
    }
  }
}

test("every main link of a lead's pages gives the page its own title, followed in quick succession", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, COUNCIL_LEAD);
  const titles = await titlesOnFullLoad(page, await mainLinks(page));
  expect(titles.size).toBeGreaterThanOrEqual(5);
  await page.goto("/queue");
  await followQuickly(page, titles, 1);
});

test("an administrator's pages keep their titles from the users list to a user and back", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, ADMIN);
  await page.goto("/admin/users");
  const userLinks = await page.getByRole("main").getByRole("link").evaluateAll((links) =>
    links.map((link) => new URL((link as HTMLAnchorElement).href).pathname).filter((path) => /^\/admin\/users\/[^/]+$/.test(path) && !path.endsWith("/new")),
  );
  const someUsers = userLinks.slice(0, 4);
  expect(someUsers.length).toBeGreaterThan(0);
  const titles = await titlesOnFullLoad(page, ["/admin/users", ...someUsers]);
  for (let round = 0; round < 2; round++) {
    for (const href of someUsers) {
      await page.goto("/admin/users");
      await page.locator(`main a[href="${href}"]`).first().click();
      await expect(page).toHaveURL(href);
      await expect(page).toHaveTitle(titles.get(href)!);
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
      await expect(page).toHaveURL("/admin/users");
      await expect(page).toHaveTitle(titles.get("/admin/users")!);
    }
  }
});

test("a filtered list has its own title, and keeps it as the filters change in the page", async ({ page }) => {
  await signIn(page, COUNCIL_CASEWORKER);
  await page.goto("/queue");
  const filterLinks = await page.getByRole("main").locator('a[href^="/queue?"]').evaluateAll((links) =>
    links.map((link) => { const url = new URL((link as HTMLAnchorElement).href); return url.pathname + url.search; }),
  );
  const filters = [...new Set(filterLinks)].slice(0, 4);
  expect(filters.length).toBeGreaterThan(1);
  const titles = await titlesOnFullLoad(page, filters);
  expect(new Set(titles.values()).size, "filter views have titles of their own").toBeGreaterThan(1);
  for (const href of filters) {
    await page.goto("/queue");
    await page.locator(`main a[href="${href}"]`).first().click();
    await expect(page).toHaveURL(href);
    await expect(page).toHaveTitle(titles.get(href)!);
  }
});
