// Possible earlier rescue: a person logged who matches someone the partnership already knows is
// flagged for the coordinator only. The caseworker's confirmation and person pages read the same with
// or without a match; the coordinator sees the pair pseudonymised and records that it is the same person,
// pages and filters the list, and undoes the decision by keyboard.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, leaveBrowser, POLICE_CASEWORKER, screenshotAtBothWidths, signIn, withDatabase } from "./support";

const CHARITY_CASEWORKER = "salvationarmy.caseworker@demo.example";
const COORDINATOR = "coordinator@demo.example";
const MATCHED = "Ludmila Rerescuefictional";
const FRESH = "Oksana Freshfictional";

test.describe.configure({ mode: "serial" });

/** Logs a rescue of one adult Romanian woman; returns the confirmation page's text and the person's page text. */
async function logOne(page: Page, name: string) {
  await page.getByRole("link", { name: "Log a rescue" }).click();
  await page.getByLabel("Place").fill("Hartlepool");
  const fieldset = page.getByTestId("person-fieldset").first();
  await fieldset.getByLabel("Name (if known)").fill(name);
  await fieldset.getByRole("group", { name: "Age group" }).getByLabel("Adult", { exact: true }).check();
  await fieldset.getByRole("group", { name: "Gender" }).getByLabel("Female", { exact: true }).check();
  await fieldset.getByLabel("Nationality (if known)").fill("Romanian");
  await fieldset.getByLabel("Languages").fill("Romanian");
  await fieldset.getByRole("group", { name: "Is an interpreter needed?" }).getByLabel("Yes", { exact: true }).check();
  await page.getByRole("button", { name: "Log rescue and start pathways" }).click();
  await expect(page.getByTestId("notification-banner")).toContainText("on the pathway");
  const confirmation = await page.locator("main").innerText();
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  const caseReference = (await page.locator("p").filter({ hasText: /^VCP-/ }).first().innerText()).trim();
  const personPage = await page.locator("main").innerText();
  return { confirmation, personPage, caseReference, personUrl: page.url() };
}

/** A page's text without what is this person's own: name, references, times. */
function neutral(text: string, name: string) {
  return text
    .split(name)
    .join("<name>")
    .replace(/VCP-[0-9A-Z-]+/g, "<case>")
    .replace(/RES-[0-9A-Z-]+/g, "<rescue>")
    .replace(/\d{1,2}:\d{2}(:\d{2})?/g, "<time>")
    .replace(/\d+ h \d+ min|\d+ min/g, "<clock>");
}

let earlierReference = "";
let laterReference = "";
let laterUrl = "";

test("a caseworker logging someone already known to the partnership sees exactly what they see for anyone else", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, POLICE_CASEWORKER);
  earlierReference = (await logOne(page, MATCHED)).caseReference;
  await leaveBrowser(page);

  // The Salvation Army sees only the people it logs: the police's earlier record is not theirs to know of.
  await signIn(page, CHARITY_CASEWORKER);
  const matched = await logOne(page, MATCHED);
  laterReference = matched.caseReference;
  laterUrl = matched.personUrl;
  const fresh = await logOne(page, FRESH);
  expect(neutral(matched.confirmation, MATCHED)).toEqual(neutral(fresh.confirmation, FRESH));
  expect(neutral(matched.personPage, MATCHED)).toEqual(neutral(fresh.personPage, FRESH));
  expect(matched.personPage).not.toContain(earlierReference);
  // And the coordinator's list is not theirs: not found.
  const response = await page.goto("/possible-matches");
  expect(response?.status()).toBe(404);
  await leaveBrowser(page);
});

test("the coordinator sees the pair pseudonymised, records the same person, and the case shows the earlier rescue", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, COORDINATOR);
  await page.getByRole("link", { name: "Earlier rescues" }).click();
  await expect(page.getByRole("heading", { name: "Possible earlier rescues", level: 1 })).toBeVisible();
  const row = page.getByTestId("possible-match-row").filter({ hasText: laterReference });
  await expect(row).toContainText(earlierReference);
  await expect(row).toContainText("Same name and nationality");
  await expect(row).toContainText("Salvation Army");
  await expect(page.locator("main")).not.toContainText(MATCHED);
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "possible-matches");

  await row.getByRole("link", { name: `Check ${laterReference} against ${earlierReference}` }).click();
  await expect(page.getByRole("heading", { name: "Check a possible earlier rescue", level: 1 })).toBeVisible();
  await expect(page.locator("main")).not.toContainText(MATCHED);
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Select whether these are the same person");
  await page.getByLabel("Yes, the same person").check();
  await page.getByLabel("Note").fill("Checked under break-glass: same date of birth on the police record (fictional)");
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "possible-match-decide");
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByTestId("notification-banner")).toContainText("Recorded: the same person");
  await expect(page.getByTestId("possible-match-row").filter({ hasText: laterReference })).toHaveCount(0);

  await page.goto("/cases");
  await page.getByRole("link", { name: laterReference }).click();
  await expect(page.getByTestId("earlier-rescue")).toContainText(`Possible earlier rescue: ${earlierReference}`);
  await screenshotAtBothWidths(page, "case-earlier-rescue");
  await leaveBrowser(page);

  // The charity's own person: the timeline says it was rescued before, never which record.
  await signIn(page, CHARITY_CASEWORKER);
  await page.goto(laterUrl);
  await expect(page.getByTestId("timeline")).toContainText("confirmed that this person was rescued before");
  await expect(page.locator("main")).not.toContainText(earlierReference);
});

/** Presses a control from the keyboard: focus moves to it, then Enter, as Tab and Enter would. */
async function pressEnterOn(page: Page, target: ReturnType<Page["getByRole"]>) {
  await target.focus();
  await expect(target).toBeFocused();
  await page.keyboard.press("Enter");
}

test("the coordinator pages and filters the list, and undoes the decision by keyboard with a reason", async ({ page }) => {
  test.setTimeout(120_000);
  // Sixty older pairs to check, between people of the demo partnership, so the list runs to a second page;
  // none of them is the pair this file made, whose case must show its one open check at the end.
  await withDatabase(async (client) => {
    await client.query(`
      INSERT INTO "PossibleMatch" ("partnershipId", "personId", "earlierPersonId", "reason", "createdAt")
      SELECT p."partnershipId", p."id", e."id", 'NAME_AND_NATIONALITY', now() - interval '2 days' - (p.n * interval '1 minute')
      FROM (
        SELECT p."id", p."rescueId", r."partnershipId", row_number() OVER (ORDER BY p."id") AS n
        FROM "Person" p
        JOIN "Rescue" r ON r."id" = p."rescueId"
        WHERE r."partnershipId" = (SELECT a."partnershipId" FROM "User" u JOIN "Agency" a ON a."id" = u."agencyId" WHERE u."email" = $1)
          AND p."caseReference" NOT IN ($2, $3)
      ) p
      JOIN LATERAL (
        SELECT e."id" FROM "Person" e JOIN "Rescue" er ON er."id" = e."rescueId"
        WHERE er."partnershipId" = p."partnershipId" AND e."rescueId" <> p."rescueId" AND e."caseReference" NOT IN ($2, $3)
        ORDER BY e."id" LIMIT 1
      ) e ON true
      WHERE p.n <= 60
      ON CONFLICT DO NOTHING`, [COORDINATOR, laterReference, earlierReference]);
  });

  await signIn(page, COORDINATOR);
  await page.getByRole("link", { name: "Earlier rescues" }).click();
  await expect(page).toHaveTitle(/^Possible earlier rescues: to check/);
  const count = page.getByTestId("list-count");
  await expect(count).toHaveText(/^Showing 1–50 of \d+ possible matches \(page 1 of \d+\)$/);
  await expect(page.getByTestId("possible-match-row")).toHaveCount(50);

  // Page 2, from the keyboard.
  await pressEnterOn(page, page.getByTestId("pagination").getByRole("link", { name: "Next page" }));
  await expect(page).toHaveURL(/\/possible-matches\?page=2$/);
  await expect(page).toHaveTitle(/^Possible earlier rescues: to check — page 2/);
  await expect(count).toHaveText(/^Showing 51–\d+ of \d+ possible matches \(page 2 of \d+\)$/);
  await expect(page.getByTestId("pagination").getByRole("link", { name: "Page 2" })).toHaveAttribute("aria-current", "page");
  await expectNoAxeViolations(page);

  // The decided view, chosen from the keyboard: the pair decided above is there, newest decision first.
  const show = page.getByLabel("Show");
  await show.focus();
  await page.keyboard.press("ArrowDown");
  await expect(show).toHaveValue("same");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Apply" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/possible-matches\?state=same$/);
  await expect(page).toHaveTitle(/^Possible earlier rescues: decided: the same person/);
  const decidedRow = page.getByTestId("possible-match-row").filter({ hasText: laterReference });
  await expect(decidedRow).toHaveCount(1);
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "possible-matches-decided");

  // A hostile address is the plain list, never an error.
  const hostile = await page.goto("/possible-matches?state=%27%3BDROP%20TABLE&page=0x10&page=2");
  expect(hostile?.status()).toBe(200);
  await expect(page).toHaveURL(/\/possible-matches$/);
  await page.goto("/possible-matches?state=same");

  await pressEnterOn(page, decidedRow.getByRole("link", { name: `View or undo ${laterReference} against ${earlierReference}` }));
  await expect(page.getByRole("heading", { name: "A decided possible earlier rescue", level: 1 })).toBeVisible();
  await expect(page.getByTestId("decision-history-entry")).toHaveCount(1);
  await expect(page.getByTestId("decision-history")).toContainText("Checked under break-glass: same date of birth on the police record (fictional)");

  // The reason is required, and the error summary leads to its field.
  const undo = page.getByRole("button", { name: "Undo the decision" });
  await pressEnterOn(page, undo);
  const summary = page.getByTestId("error-summary");
  await expect(summary).toContainText("Enter why you are undoing this decision");
  await pressEnterOn(page, summary.getByRole("link", { name: /Enter why you are undoing this decision/ }));
  const reason = page.getByLabel("Why are you undoing it?");
  await expect(reason).toBeFocused();
  await page.keyboard.type("The police record was another woman of the same name (fictional)");
  await expectNoAxeViolations(page);
  await page.keyboard.press("Tab");
  await expect(undo).toBeFocused();
  await page.keyboard.press("Enter");

  const banner = page.getByTestId("notification-banner");
  await expect(banner).toContainText("Decision undone: this pair is back to check");
  await expect(banner).toBeFocused();
  await expect(page.getByRole("heading", { name: "Check a possible earlier rescue", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Record the decision" })).toBeVisible();
  const history = page.getByTestId("decision-history-entry");
  await expect(history).toHaveCount(1);
  await expect(history).toContainText("(undone)");
  await expect(history).toContainText("The police record was another woman of the same name (fictional)");
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "possible-match-undone");

  // Back to check: in the list again, off the decided view, and the case no longer shows the earlier rescue.
  await page.goto("/possible-matches?state=same");
  await expect(page.getByTestId("possible-match-row").filter({ hasText: laterReference })).toHaveCount(0);
  await page.goto("/cases");
  await page.getByRole("link", { name: laterReference }).click();
  await expect(page.getByTestId("earlier-rescue")).toHaveCount(0);
  await expect(page.getByTestId("open-possible-match")).toHaveCount(1);
  await leaveBrowser(page);

  // The charity's own person: the timeline says the confirmation was withdrawn, never which record.
  await signIn(page, CHARITY_CASEWORKER);
  await page.goto(laterUrl);
  await expect(page.getByTestId("timeline")).toContainText("withdrew the confirmation that this person was rescued before");
  await expect(page.locator("main")).not.toContainText(earlierReference);
});
