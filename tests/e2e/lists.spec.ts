import { expect, test } from "./fixtures";
import { expectNoAxeViolations, POLICE_CASEWORKER, screenshotAtBothWidths, signIn, withDatabase } from "./support";

const COORDINATOR = "coordinator@demo.example";
const COUNT = /^Showing ([\d,]+)–([\d,]+) of ([\d,]+) (people|person|cases|case)/;

async function countOf(page: import("@playwright/test").Page): Promise<{ first: number; last: number; total: number }> {
  const text = (await page.getByTestId("list-count").innerText()).trim();
  const match = COUNT.exec(text);
  expect(match, text).not.toBeNull();
  const n = (s: string) => Number(s.replace(/,/g, ""));
  return { first: n(match![1]!), last: n(match![2]!), total: n(match![3]!) };
}

/** Submits the filter form from the keyboard: focus Apply and press Enter. */
async function apply(page: import("@playwright/test").Page) {
  await page.getByRole("button", { name: "Apply" }).focus();
  await page.keyboard.press("Enter");
}

test("a police caseworker filters, pages, sorts and searches the people list by keyboard", async ({ page }) => {
  await signIn(page, POLICE_CASEWORKER);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(page).toHaveTitle(/^People: live/);
  const live = await countOf(page);
  expect(live.first).toBe(1);
  expect(await page.getByTestId("person-row").count()).toBe(live.last);
  expect(live.last).toBeLessThanOrEqual(50);

  // Closed cases: a bigger list than one page, each row saying why the case closed.
  await page.getByLabel("Cases", { exact: true }).selectOption("closed");
  await apply(page);
  await expect(page).toHaveURL(/\/people\?status=closed$/);
  await expect(page).toHaveTitle(/^People: closed/);
  const closed = await countOf(page);
  expect(closed.total).toBeGreaterThan(50);
  await expect(page.getByTestId("person-row")).toHaveCount(50);
  await expect(page.getByTestId("closed-reason").first()).toContainText("Closed");

  const nav = page.getByRole("navigation", { name: "Pagination" });
  await nav.getByRole("link", { name: "Next page" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/status=closed&page=2/);
  await expect(page).toHaveTitle(/^People: closed — page 2/);
  expect(await countOf(page)).toMatchObject({ first: 51, total: closed.total });
  await expect(nav.locator('[aria-current="page"]')).toHaveText("Page 2");
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "people-closed-page-2");

  // Sorted by name, the rows run A to Z.
  await page.getByLabel("Sort by").selectOption("name");
  await apply(page);
  await expect(page).toHaveTitle(/^People: closed/);
  const names = await page.getByTestId("person-row").locator("th a").allInnerTexts();
  expect(names.length).toBeGreaterThan(1);
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));

  // The search box: part of a name, live cases again.
  await page.goto("/people");
  await page.getByLabel("Name, date of birth or reference").focus();
  await page.keyboard.type("testescu");
  await page.keyboard.press("Enter");
  await expect(page).toHaveTitle(/^People: live, search results/);
  const rows = page.getByTestId("person-row");
  expect(await rows.count()).toBeGreaterThan(0);
  for (const text of await rows.allInnerTexts()) expect(text).toContain("Testescu");
  expect(await page.title()).not.toMatch(/testescu/i);
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "people-search");

  // Only the overdue: every row's next stage says so in words.
  await page.goto("/people");
  await page.getByLabel(/Only cases with a stage overdue/).focus();
  await page.keyboard.press("Space");
  await apply(page);
  await expect(page).toHaveTitle(/^People: live, overdue/);
  const overdue = page.getByTestId("person-row");
  expect(await overdue.count()).toBeGreaterThan(0);
  for (const text of await overdue.allInnerTexts()) expect(text).toMatch(/Overdue by/);
  await screenshotAtBothWidths(page, "people-overdue");
});

test("hostile list addresses show the plain list, never an error", async ({ page }) => {
  await signIn(page, POLICE_CASEWORKER);
  for (const url of ["/people?status=%00&page=-1&sort=__proto__&age=x&agency=y", "/people?page=99999&status=live&status=closed", "/people?q=%00"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  }
  await expect(page.getByTestId("error-summary")).toContainText("hidden characters");
});

test("the coordinator filters cases by agency, finds one by reference, and never sees a name", async ({ page }) => {
  const { reference, names } = await withDatabase(async (client) => {
    const live = await client.query(
      `SELECT p."caseReference" FROM "Person" p JOIN "Rescue" r ON r."id" = p."rescueId" WHERE p."closedAt" IS NULL ORDER BY r."occurredAt" DESC LIMIT 1`,
    );
    const named = await client.query(`SELECT i."name" FROM "PersonIdentity" i WHERE i."name" IS NOT NULL LIMIT 200`);
    return { reference: live.rows[0].caseReference as string, names: named.rows.map((row) => row.name as string) };
  });
  await signIn(page, COORDINATOR);
  await page.goto("/cases");
  await expect(page).toHaveTitle(/^Cases: live/);
  const all = await countOf(page);

  const agency = page.getByLabel("Agency with stages on the case");
  const council = (await agency.locator("option").allInnerTexts()).find((label) => /council/i.test(label));
  expect(council).toBeTruthy();
  await agency.selectOption({ label: council! });
  await expect(agency).not.toHaveValue("");
  await apply(page);
  await expect(page).toHaveURL(/\/cases\?agency=[0-9a-f-]{36}$/);
  await expect(page).toHaveTitle(new RegExp(`^Cases: live, ${council!.replace(/[()]/g, "\\$&")}`));
  expect((await countOf(page)).total).toBeLessThanOrEqual(all.total);
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "cases-by-agency");

  const body = await page.locator("main").innerText();
  for (const name of names) expect(body).not.toContain(name);

  await page.goto("/cases");
  await page.getByLabel("Case reference").focus();
  await page.keyboard.type(reference.toLowerCase());
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("case-row")).toHaveCount(1);
  await expect(page.getByTestId("case-row").getByRole("link", { name: reference })).toBeVisible();

  await page.getByLabel("Case reference").fill("Ardi Testescu");
  await apply(page);
  await expect(page.getByTestId("error-summary")).toContainText("search by case reference");
  await expect(page.getByTestId("case-row")).toHaveCount(0);

  await page.goto("/cases?status=closed");
  await expect(page.getByTestId("closed-reason").first()).toBeVisible();
  await screenshotAtBothWidths(page, "cases-closed");
});
