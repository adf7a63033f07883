import { expect, test } from "./fixtures";
import { expectNoAxeViolations, leaveBrowser, POLICE_CASEWORKER, screenshotAtBothWidths, signIn } from "./support";

const POLICE_LEAD = "police.lead@demo.example";
const COORDINATOR = "coordinator@demo.example";
// A live demo person with a name (prisma/seed/live.ts).
const PERSON = "Hoa Sampleova";

test("an agency lead sees who has seen a person, other agencies and the coordinator included; a caseworker gets no such page", async ({ page }) => {
  // Find the person as police, and note their case reference.
  await signIn(page, POLICE_LEAD);
  await page.goto(`/people?q=${encodeURIComponent(PERSON)}`);
  await page.getByRole("link", { name: PERSON }).click();
  await expect(page.getByRole("heading", { name: PERSON, level: 1 })).toBeVisible();
  const personUrl = page.url();
  const caseReference = (await page.getByText(/^VCP-[0-9A-Z]{4}-[0-9A-Z]{4}$/).first().innerText()).trim();
  expect(caseReference).toMatch(/^VCP-/);
  await leaveBrowser(page);

  // The coordinator opens the pseudonymised case.
  await signIn(page, COORDINATOR);
  await page.goto(`/cases?q=${caseReference}`);
  await page.getByRole("link", { name: caseReference }).click();
  await expect(page.getByRole("heading", { name: caseReference, level: 1 })).toBeVisible();
  await leaveBrowser(page);

  await signIn(page, POLICE_LEAD);
  await page.goto(personUrl);
  await page.getByRole("link", { name: "Who has seen this record" }).click();
  await expect(page.getByRole("heading", { name: "Who has seen this record", level: 1 })).toBeVisible();
  const rows = page.getByTestId("access-log-row");
  // Newest first: the lead's own look, then the coordinator's.
  await expect(rows.first()).toContainText("Viewed who has seen this person");
  await expect(rows.first()).toContainText("Demo Police Lead");
  await expect(rows.filter({ hasText: "Demo Partnership Coordinator" }).first()).toContainText("Viewed the pseudonymised case");
  await expect(rows.filter({ hasText: "Demo Police Lead" }).filter({ hasText: "Viewed the person's record" }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "lead-access-log");
  await leaveBrowser(page);

  // A caseworker: no link, and the address answers "not found".
  await signIn(page, POLICE_CASEWORKER);
  await page.goto(personUrl);
  await expect(page.getByRole("heading", { name: PERSON, level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Who has seen this record" })).toHaveCount(0);
  await page.goto(`${personUrl}/access-log`);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
