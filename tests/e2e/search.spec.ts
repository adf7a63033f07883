import { expect, test } from "./fixtures";
import { COUNCIL_CASEWORKER, expectNoAxeViolations, screenshotAtBothWidths, signIn, withDatabase } from "./support";

const SALVATION_ARMY_CASEWORKER = "salvationarmy.caseworker@demo.example";
const COORDINATOR = "coordinator@demo.example";

/** The live Ardi Testescu's case reference (the history holds other people of that invented name). */
async function liveArdiReference(): Promise<string> {
  return withDatabase(
    async (client) =>
      (
        await client.query(
          `SELECT p."caseReference" FROM "Person" p JOIN "PersonIdentity" i ON i."personId" = p."id" JOIN "Rescue" r ON r."id" = p."rescueId"
           WHERE i."name" = 'Ardi Testescu' AND p."closedAt" IS NULL ORDER BY r."occurredAt" DESC LIMIT 1`,
        )
      ).rows[0].caseReference as string,
  );
}

test("a council caseworker finds a person by part of their name with the keyboard alone, and opens their page", async ({ page }) => {
  await signIn(page, COUNCIL_CASEWORKER);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();

  await page.getByLabel("Name, date of birth or reference").focus();
  await page.keyboard.type("testescu");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("search-total")).toContainText(/\d+ results? by name/);
  const rows = page.getByTestId("search-row");
  expect(await rows.count()).toBeGreaterThan(0);
  for (const text of await rows.allTextContents()) expect(text).toContain("Testescu");
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "search-results");

  // Nothing typed is kept in the audit log.
  const audits = await withDatabase(async (client) => (await client.query(`SELECT "changes"::text AS changes FROM "AuditEvent" WHERE "action" = 'person.search'`)).rows);
  expect(audits.length).toBeGreaterThan(0);
  expect(audits.map((a) => a.changes).join(" ")).not.toMatch(/testescu/i);

  // A case reference finds exactly one person.
  const reference = await liveArdiReference();
  await page.getByLabel("Name, date of birth or reference").fill(reference);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("search-total")).toContainText("1 result by case reference");
  await page.getByTestId("search-row").getByRole("link", { name: "Ardi Testescu" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Ardi Testescu" })).toBeVisible();
});

test("an agency with no work for a person finds nothing about them; a bad date is refused next to the box", async ({ page }) => {
  await signIn(page, SALVATION_ARMY_CASEWORKER);
  // Council finds the live Ardi by this reference (above); the Salvation Army has no work for him.
  await page.goto(`/search?q=${await liveArdiReference()}`);
  await expect(page.getByTestId("search-total")).toContainText("0 results");
  await expect(page.getByTestId("search-empty")).toBeVisible();
  await expect(page.getByText("Ardi")).toHaveCount(0);

  await page.goto("/search?q=31%2F02%2F1990");
  await expect(page.getByTestId("error-summary")).toContainText("Enter a real date of birth");
  await expect(page.locator("#field-q-error")).toContainText("Enter a real date of birth");
});

test("the coordinator finds a pseudonymised case by its reference, and is told why a name is not searched", async ({ page }) => {
  const reference = await liveArdiReference();
  await signIn(page, COORDINATOR);
  await page.goto("/search");
  await page.getByRole("textbox", { name: "Case reference" }).fill(reference.toLowerCase());
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("search-row")).toHaveCount(1);
  await expect(page.getByTestId("search-results")).toContainText(reference);
  await expect(page.getByTestId("search-results")).not.toContainText("Ardi");
  await expectNoAxeViolations(page);

  await page.getByRole("textbox", { name: "Case reference" }).fill("Ardi Testescu");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("search by case reference");
  await expect(page.getByTestId("search-results")).toHaveCount(0);
});
