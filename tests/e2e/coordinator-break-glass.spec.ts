import type { Page } from "@playwright/test";
import pg from "pg";
import { DEMO_AGENCIES } from "../../prisma/demo-accounts";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, leaveBrowser, screenshotAtBothWidths, signIn } from "./support";

const COORDINATOR = "coordinator@demo.example";
const ADMIN = "admin@demo.example";
// A live demo person with a name (prisma/seed/live.ts).
const NAMED_PERSON = "Ardi Testescu";
const REASON = "Police asked us to confirm who this is for today's strategy meeting (e2e, fictional)";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let identities: string[] = [];
let places: string[] = [];
// Named live people, the one above first. A retry takes the next: the first attempt's break-glass on
// its case is still open, and on the record, so its checks would be of that attempt.
let namedCases: { name: string; caseReference: string }[] = [];

// What the coordinator must never see without break-glass: every name and description of every live
// case, and where each rescue happened. Read from the e2e database, so the check covers all of them.
test.beforeAll(async () => {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set (Playwright's webServer passes it)");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const live = await client.query<{ name: string | null; description: string | null; place: string; caseReference: string }>(
      `SELECT i.name, i.description, r.place, p."caseReference"
         FROM "Person" p JOIN "PersonIdentity" i ON i."personId" = p.id JOIN "Rescue" r ON r.id = p."rescueId"
        WHERE p."closedAt" IS NULL`,
    );
    identities = live.rows.flatMap((row) => [row.name, row.description]).filter((text): text is string => Boolean(text));
    // A postcode district ("TS1") could turn up inside a random case reference, and the partnership's own
    // name ("Teesmoor") is in every agency's name: neither says where anyone was found.
    const agencyNames = Object.values(DEMO_AGENCIES).join(" ");
    places = [...new Set(live.rows.map((row) => row.place))].filter((place) => place.length >= 5 && !agencyNames.includes(place));
    namedCases = live.rows
      .flatMap((row) => (row.name ? [{ name: row.name, caseReference: row.caseReference }] : []))
      .sort((a, b) => Number(b.name === NAMED_PERSON) - Number(a.name === NAMED_PERSON) || a.name.localeCompare(b.name));
  } finally {
    await client.end();
  }
  expect(identities).toContain(NAMED_PERSON);
  expect(places).toContain("Hartlepool");
  expect(namedCases[0]?.name).toBe(NAMED_PERSON);
  expect(namedCases[1]?.caseReference).toMatch(/^VCP-/);
});

async function expectNoIdentityOnPage(page: Page) {
  const text = await page.locator("body").innerText();
  for (const secret of [...identities, ...places]) expect(text, `"${secret}" is on the page`).not.toContain(secret);
}

test("the coordinator sees cases by reference only, opens one identity with a reason, and the administrator reviews it", async ({ page }) => {
  const { name: namedPerson, caseReference } = namedCases[test.info().retry]!;
  await signIn(page, COORDINATOR);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cases" }).click();
  await expect(page.getByRole("heading", { name: "Cases", level: 1 })).toBeVisible();
  await expect(page.getByTestId("case-row").first()).toBeVisible();
  await expect(page.getByRole("link", { name: caseReference })).toBeVisible();
  await expectNoIdentityOnPage(page);
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "coordinator-cases");

  await page.getByRole("link", { name: caseReference }).click();
  await expect(page.getByRole("heading", { name: caseReference, level: 1 })).toBeVisible();
  await expect(page.getByTestId("stage-immediate-safety")).toContainText("Teesmoor Police");
  await expect(page.getByTestId("identity")).toHaveCount(0);
  await expectNoIdentityOnPage(page);
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "coordinator-case");

  // The reason is required, and a token reason is refused next to the field.
  const breakGlass = page.getByTestId("break-glass");
  await expect(breakGlass).toContainText("logged and reviewed by an administrator");
  await breakGlass.getByRole("button", { name: "View identity" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Enter why you need to see who this person is");
  const reason = page.getByLabel("Why do you need to see who this person is?");
  await reason.fill("Just checking");
  await breakGlass.getByRole("button", { name: "View identity" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Enter at least 20 characters");
  await expect(reason).toHaveValue("Just checking");
  await expect(page.locator("#field-reason-error")).toContainText("Enter at least 20 characters");
  await expectNoIdentityOnPage(page);
  await expectNoAxeViolations(page);

  await reason.fill(REASON);
  await breakGlass.getByRole("button", { name: "View identity" }).click();
  await expect(page.getByTestId("notification-banner")).toContainText(/Identity shown under break-glass until \d\d:\d\d (GMT|BST)/);
  const identity = page.getByTestId("identity");
  await expect(identity).toContainText(namedPerson);
  await expect(identity).toContainText(/Identity shown under break-glass until \d\d:\d\d (GMT|BST)/);
  await expect(page.getByTestId("break-glass")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "coordinator-break-glass");

  // The list stays pseudonymised: break-glass opens one record, not the list.
  await page.getByRole("link", { name: "Back to cases" }).click();
  await expect(page.getByRole("heading", { name: "Cases", level: 1 })).toBeVisible();
  await expectNoIdentityOnPage(page);
  await leaveBrowser(page);

  await signIn(page, ADMIN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Break-glass reviews" }).click();
  await expect(page.getByRole("heading", { name: "Break-glass reviews", level: 1 })).toBeVisible();
  const waiting = page.getByTestId("waiting-reviews").getByTestId("break-glass-row").filter({ hasText: caseReference });
  await expect(waiting).toContainText(REASON);
  await expect(waiting).toContainText("Demo Partnership Coordinator");
  await expect(page.locator("body")).not.toContainText(namedPerson);
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "admin-break-glass-reviews");

  await waiting.getByRole("link", { name: `Review access to ${caseReference} by Demo Partnership Coordinator` }).click();
  await expect(page.getByRole("heading", { name: caseReference, level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Review note (optional)").fill("Checked with the police lead: justified (e2e)");
  await page.getByRole("button", { name: "Mark reviewed" }).click();
  await expect(page.getByTestId("notification-banner")).toContainText(`Break-glass access to ${caseReference} marked reviewed.`);
  await expect(page.getByTestId("done-reviews").getByTestId("break-glass-row").filter({ hasText: caseReference })).toContainText(
    "Checked with the police lead: justified (e2e)",
  );

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit" }).click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("User").selectOption({ label: "Demo Partnership Coordinator (Partnership coordinator, Teesmoor Anti-Slavery Partnership team)" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/user=/);
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toBeVisible();
  // Other specs (the canary walk) may break glass on other cases first: this case's row is the one.
  const breakGlassRow = rows.filter({ hasText: "Opened identity (break-glass)" }).filter({ hasText: caseReference });
  await expect(breakGlassRow).toHaveCount(1);
  await expect(breakGlassRow).toContainText("Demo Partnership Coordinator");
  // The proxy gives each request an id, and the row carries it.
  expect((await breakGlassRow.locator("td").last().innerText()).trim()).toMatch(UUID);
  expect(await rows.filter({ hasNotText: "Demo Partnership Coordinator" }).count()).toBe(0);
  await expect(page.locator("body")).not.toContainText(namedPerson);
  await expect(page.locator("body")).not.toContainText(REASON);
  await screenshotAtBothWidths(page, "admin-audit");

  // A date that does not exist: the message is next to the field, and what was typed stays.
  await page.getByLabel("From").fill("31/02/2026");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Enter a real date, like 23/11/2026");
  await expect(page.locator("#field-from-error")).toContainText("Enter a real date");
  await expect(page.getByLabel("From")).toHaveValue("31/02/2026");
  await expectNoAxeViolations(page);
});
