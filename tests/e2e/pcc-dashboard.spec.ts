import type { Page } from "@playwright/test";
import pg from "pg";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, inParallel, screenshotAtBothWidths, signIn } from "./support";

const PCC = "pcc@demo.example";

type Person = { id: string; name: string | null; description: string | null; rescueId: string; stageId: string };
let people: Person[] = [];

// Every person in the demo, read straight from the e2e database: ids to try, names that must never show.
test.beforeAll(async () => {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set (Playwright's webServer passes it)");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query<Person>(
      `SELECT p.id, i.name, i.description, p."rescueId", (SELECT s.id FROM "Stage" s WHERE s."personId" = p.id LIMIT 1) AS "stageId"
         FROM "Person" p LEFT JOIN "PersonIdentity" i ON i."personId" = p.id
        ORDER BY p."closedAt" NULLS FIRST, p."createdAt" DESC`,
    );
    people = rows.rows;
  } finally {
    await client.end();
  }
  expect(people.length).toBeGreaterThan(100);
});

async function tile(page: Page, label: RegExp): Promise<string> {
  return (await page.getByTestId("headline-tile").filter({ hasText: label }).locator("p").nth(1).innerText()).trim();
}

test("the PCC office sees the dashboard with real numbers, and filters change them", async ({ page }) => {
  // Several whole dashboards and a PDF: past the 30 s default on a busy two-core machine.
  test.setTimeout(90_000);
  await signIn(page, PCC);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  // The default period is the last complete month, whatever day of this month it is.
  const lastMonth = await tile(page, /^People rescued/);
  expect(lastMonth).toMatch(/^(\d+|\[c\]\s*hidden)$/);
  await expect(page.getByTestId("suppression-key")).toContainText("[c]: hidden, because it counts 1 to 4 people");
  await expect(page.getByTestId("perturbation-key")).toHaveText("Figures are slightly adjusted to protect people, so rows and columns may not add up exactly.");
  // Every section: a table, and for most a chart that links to it.
  for (const id of ["timeliness", "trend", "breaches", "escalations", "escalations-by-agency", "volumes", "gender", "exploitation-type", "uk-overseas", "county-lines", "age-at-exploitation", "referrer-type", "nationality", "nrm", "completeness"]) {
    await expect(page.getByTestId(`table-${id}`), id).toBeVisible();
  }
  await expect(page.getByTestId("table-timeliness").getByRole("row", { name: /Emergency accommodation/ })).toBeVisible();
  await expect(page.getByTestId("table-volumes").getByRole("row", { name: /^All months/ })).toBeVisible();
  await expect(page.getByTestId("table-completeness")).toContainText("Missing the type of exploitation");
  // A month has no trend chart (one point a stage): twelve charts.
  await expect(page.locator("figure[data-chart]")).toHaveCount(12);
  await page.getByRole("link", { name: "The same figures are in the table below" }).first().click();
  await expect(page).toHaveURL(/#table-timeliness$/);
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "pcc-dashboard");

  // A whole year holds the seeded year of history: hundreds of people.
  await page.getByLabel("Period", { exact: true }).selectOption({ label: "Year" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/kind=year/);
  const year = Number(await tile(page, /^People rescued/));
  expect(year).toBeGreaterThan(100);
  await expect(page.getByTestId("table-volumes").locator("tbody tr")).toHaveCount(13);
  // Seeded history: NRM decisions (consent and Duty to Notify) and escalations are counted.
  const nrmTotal = page.getByTestId("table-nrm").getByRole("row", { name: /^All months/ }).getByRole("cell").last();
  expect(Number(await nrmTotal.innerText())).toBeGreaterThan(10);
  const escalated = page.getByTestId("table-escalations").getByRole("row", { name: /^All stages/ }).getByRole("cell").first();
  expect(Number(await escalated.innerText())).toBeGreaterThan(10);
  // The table downloads as CSV, named after the period, with suppressed cells as on the page.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download “People rescued by month and age group” (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^pcc-dashboard_volumes_\d{4}\.csv$/);
  const csv = await (await import("node:fs/promises")).readFile((await download.path())!, "utf8");
  expect(csv).toMatch(/^Victim Care Pathway: PCC dashboard,People rescued by month and age group\r\nPeriod,\d{4}\r\n/);
  expect(csv).toContain("Month,Adult,Child,Age disputed (treated as a child),All");
  expect(csv).toContain('Adjustment,"Figures are slightly adjusted to protect people, so rows and columns may not add up exactly"');
  // Printing leaves out the filters and links, and fits A4: at its printable width (210 mm less two
  // 15 mm margins, 680 CSS pixels) no table is cut off and nothing runs past the right edge.
  const screenSize = page.viewportSize()!;
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 680, height: 960 });
  await expect(page.getByRole("form", { name: "Choose the period and filters" })).toBeHidden();
  await expect(page.getByTestId("table-timeliness")).toBeVisible();
  await expect(page.locator("figure[data-chart]").first()).toBeVisible();
  const printed = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    cut: [...document.querySelectorAll("table")].filter((table) => table.parentElement!.scrollWidth > table.parentElement!.clientWidth + 1).map((table) => table.closest("[data-testid]")?.getAttribute("data-testid")),
  }));
  expect(printed).toEqual({ width: 680, cut: [] });
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize(screenSize);

  // Children only: the headline becomes exactly the year's children, as the unfiltered age table
  // counted them (a seeded year has far more than the threshold, so neither figure is hidden). Both
  // are perturbed, from the same people's keys, so they agree (decision record 0018).
  const yearChildren = await page.getByTestId("table-volumes").getByRole("row", { name: /^All months/ }).getByRole("cell").nth(1).innerText();
  expect(yearChildren.trim()).toMatch(/^\d+$/);
  await page.getByLabel("Age group", { exact: true }).selectOption({ label: "Child" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/ageGroup=CHILD/);
  const children = await tile(page, /^People rescued/);
  expect(children).toBe(yearChildren.trim());
  expect(Number(children)).toBeLessThan(year);
  // Hidden cells appear where counts are small, and never show a number.
  const hidden = page.locator("td[data-suppressed]");
  expect(await hidden.count()).toBeGreaterThan(0);
  for (const text of await hidden.allInnerTexts()) expect(text.replace(/\s+/g, " ").trim()).toBe("[c] hidden");

  // A custom range is whole months; days are refused with the message next to the field.
  await page.getByLabel("Period", { exact: true }).selectOption({ label: "Custom range" });
  await page.getByLabel("First month").fill("01/09/2025");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.locator("#field-from-error")).toContainText("Enter the first month, like 09/2026");
  await page.getByLabel("First month").fill("01/2026");
  await page.getByLabel("Last month").fill("03/2026");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByText("January 2026 to March 2026").first()).toBeVisible();
  await expect(page.getByTestId("table-volumes").locator("tbody tr")).toHaveCount(4);
  await expectNoAxeViolations(page);
});

test("the PCC office cannot reach any person's record, and sees no name anywhere", async ({ page }) => {
  // Nineteen CSV downloads, each a whole year's dashboard, then every person URL.
  test.setTimeout(180_000);
  await signIn(page, PCC);
  const names = people.flatMap((person) => [person.name, person.description]).filter((text): text is string => Boolean(text && text.length > 6));
  for (const path of ["/dashboard", "/dashboard?kind=year", "/notifications"]) {
    await page.goto(path);
    const body = await page.content();
    for (const name of names) expect(body, `${path} shows "${name}"`).not.toContain(name);
  }
  // Every CSV download of a year's dashboard, fetched with the PCC user's session: no name either.
  await page.goto("/dashboard?kind=year");
  const downloads = await page.getByRole("link", { name: /^Download .*\(CSV\)$/ }).evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  expect(downloads.length).toBe(19);
  await inParallel(downloads, 4, async (url) => {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(200);
    const csv = await response.text();
    for (const name of names) expect(csv, `${url} holds "${name}"`).not.toContain(name);
  });
  // Every person URL, as a page and as the RSC payload a client-side navigation would get, over HTTP
  // with the PCC user's session (what the server sends is the point, not how a browser draws it).
  const personPaths = people
    .slice(0, 8)
    .flatMap((person) => [`/people/${person.id}`, `/people/${person.id}/stages/${person.stageId}`, `/people/${person.id}/access-log`, `/rescues/${person.rescueId}`, `/cases/${person.id}`].map((path) => ({ path, name: person.name })));
  const requests = personPaths.flatMap(({ path, name }) => ([{}, { RSC: "1" }] as Record<string, string>[]).map((headers) => ({ path, name, headers })));
  await inParallel(requests, 4, async ({ path, name, headers }) => {
    const response = await page.request.get(path, { headers });
    // An RSC payload is sent with 200 and carries the not-found page (Next's way); the page itself is a 404.
    if (!headers.RSC) expect(response.status(), path).toBe(404);
    const body = await response.text();
    expect(body, `${path} ${JSON.stringify(headers)}`).toContain("Error: Page not found");
    if (name) expect(body, path).not.toContain(name);
  });
  // And one in the browser: the not-found page, with no way to people.
  const response = await page.goto(personPaths[0]!.path);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByRole("link", { name: "People" })).toHaveCount(0);
});
