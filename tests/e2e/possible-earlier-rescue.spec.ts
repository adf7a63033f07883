// Possible earlier rescue: a person logged who matches someone the partnership already knows is
// flagged for the coordinator only. The caseworker's confirmation and person pages read the same with
// or without a match; the coordinator sees the pair pseudonymised and records that it is the same person.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { POLICE_CASEWORKER, expectNoAxeViolations, screenshotAtBothWidths, signIn, signOut } from "./support";

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
  await signOut(page);

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
  await signOut(page);
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
  await signOut(page);

  // The charity's own person: the timeline says it was rescued before, never which record.
  await signIn(page, CHARITY_CASEWORKER);
  await page.goto(laterUrl);
  await expect(page.getByTestId("timeline")).toContainText("confirmed that this person was rescued before");
  await expect(page.locator("main")).not.toContainText(earlierReference);
});
