import type { Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../../prisma/demo-accounts";
import { DEFAULT_PATHWAY } from "../../src/domain/pathway/template";
import { expect, test } from "./fixtures";
import { COUNCIL_CASEWORKER, expectNoAxeViolations, leaveBrowser, screenshotAtBothWidths, signIn } from "./support";

const COUNCIL_LEAD = "council.lead@demo.example";
const ARMY_CASEWORKER = "salvationarmy.caseworker@demo.example";
const ARMY = "Salvation Army (Teesmoor)";

/** The count shown on a queue filter, e.g. "Unassigned (22)" → 22. */
async function filterCount(page: Page, filter: string): Promise<number> {
  return Number((await page.getByTestId(`count-${filter}`).innerText()).replace(/\D/g, ""));
}

// Runs first in this file: later tests hand stages between agencies by referral.
test("every agency's caseworker and lead sees its own queue, holding only stages their agency owns", async ({ page }) => {
  // Twelve sign-ins, each a deliberately slow password hash.
  test.setTimeout(120_000);
  const casework = DEMO_ACCOUNTS.filter((account) => account.role === "CASEWORKER" || account.role === "AGENCY_LEAD");
  expect(casework.length).toBeGreaterThanOrEqual(10);
  for (const account of casework) {
    await signIn(page, account.email);
    await expect(page.getByRole("heading", { name: `${account.agencyName} queue`, level: 1 })).toBeVisible();
    const owned = DEFAULT_PATHWAY.stages.filter((stage) => stage.ownerAgencyKind === account.agencyKind).map((stage) => stage.title);
    const rowTitles = await page
      .getByTestId("queue-stage-link")
      .evaluateAll((links) => links.map((link) => link.firstChild?.textContent ?? ""));
    for (const title of rowTitles) expect(owned, `${account.email} sees "${title}"`).toContain(title);
    // The count on "All" is the total shown; a page lists up to 50 of them.
    const all = Number((await page.getByTestId("count-all").innerText()).replace(/\D/g, ""));
    expect(rowTitles.length).toBe(Math.min(all, 50));
    if (all > 0) await expect(page.getByTestId("queue-showing")).toHaveText(`Showing 1–${Math.min(all, 50)} of ${all} ${all === 1 ? "stage" : "stages"}`);
    await leaveBrowser(page);
  }
});

test("a lead assigns a ticked stage and sees the team's workload; a caseworker claims one and finds it under Mine", async ({ page }) => {
  // Three sign-ins, axe and screenshots: slow on a loaded machine.
  test.setTimeout(90_000);
  await signIn(page, COUNCIL_LEAD);
  await expect(page.getByRole("heading", { name: "Teesmoor Council Safeguarding queue", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "queue-lead");

  const unassignedBefore = await filterCount(page, "unassigned");
  const workload = page.getByTestId("team-workload");
  const twoRow = workload.getByRole("row", { name: /Demo Council Caseworker Two/ });
  const openBefore = Number(await twoRow.getByRole("cell").nth(1).innerText());

  // The first unassigned social care contact goes to Caseworker Two.
  const row = page.getByTestId("queue-row").filter({ hasText: "Social care contact" }).filter({ hasText: "Unassigned" }).first();
  const caseReference = (await row.getByTestId("queue-case-reference").innerText()).trim();
  await row.getByLabel(`Select Social care contact for ${caseReference}`).check();
  await page.getByLabel("Assign selected stages to").selectOption({ label: "Demo Council Caseworker Two" });
  await page.getByRole("button", { name: "Assign selected" }).click();
  await expect(page.getByTestId("bulk-assign-report")).toHaveText(`Social care contact for ${caseReference} is now assigned to Demo Council Caseworker Two.`);

  const assigned = page.getByTestId("queue-row").filter({ hasText: caseReference }).filter({ hasText: "Social care contact" });
  await expect(assigned.getByTestId("assignee")).toHaveText("Demo Council Caseworker Two");
  await expect(twoRow.getByRole("cell").nth(1)).toHaveText(String(openBefore + 1));
  expect(await filterCount(page, "unassigned")).toBe(unassignedBefore - 1);
  await leaveBrowser(page);

  // Caseworker Two is told in the app.
  await signIn(page, "council.caseworker2@demo.example");
  await page.getByRole("link", { name: /Notifications/ }).click();
  await expect(page.getByText(`Social care contact assigned to you`).first()).toBeVisible();
  await leaveBrowser(page);

  // A caseworker claims an unassigned stage; it appears under Mine.
  await signIn(page, COUNCIL_CASEWORKER);
  const mineBefore = await filterCount(page, "mine");
  const claimable = page.getByTestId("queue-row").filter({ hasText: "Unassigned" }).first();
  const claimedStage = await claimable.getByTestId("queue-stage-link").evaluate((link) => link.firstChild?.textContent ?? "");
  const claimedCase = (await claimable.getByTestId("queue-case-reference").innerText()).trim();
  await claimable.getByRole("button", { name: `Claim ${claimedStage} for ${claimedCase}` }).click();
  await expect(page.getByTestId("queue-row").filter({ hasText: claimedCase }).filter({ hasText: claimedStage }).getByTestId("assignee")).toHaveText("You");
  expect(await filterCount(page, "mine")).toBe(mineBefore + 1);
  await page.getByRole("link", { name: /^Mine/ }).click();
  await expect(page).toHaveURL(/filter=mine/);
  await expect(page.getByTestId("queue-row").filter({ hasText: claimedCase }).filter({ hasText: claimedStage })).toBeVisible();
  await expect(page.getByTestId("queue-row").filter({ hasText: "Unassigned" })).toHaveCount(0);
});

test("council refers a stage; the Salvation Army must give a reason to decline; council sees the answer and when it came", async ({ page }) => {
  await signIn(page, COUNCIL_CASEWORKER);
  // Refer the first unassigned emergency accommodation that is not already referred.
  const row = page
    .getByTestId("queue-row")
    .filter({ hasText: "Emergency accommodation" })
    .filter({ hasNotText: "waiting for an answer" })
    .first();
  const caseReference = (await row.getByTestId("queue-case-reference").innerText()).trim();
  await row.getByRole("link", { name: "Emergency accommodation" }).click();
  await page.getByText("Refer this stage to another agency").click();
  await page.getByRole("button", { name: "Send referral" }).click();
  await expect(page.locator("#field-toAgencyId-error")).toContainText("Select the agency to refer this stage to");
  await page.getByLabel("Agency").selectOption({ label: ARMY });
  await page.getByLabel("Message (optional)").fill("Needs a safehouse bed tonight (fictional)");
  await page.getByRole("button", { name: "Send referral" }).click();
  await expect(page.getByTestId("pending-referral")).toContainText(`Referred to ${ARMY}`);
  await leaveBrowser(page);

  await signIn(page, ARMY_CASEWORKER);
  const incoming = page.getByTestId("incoming-referrals").getByRole("listitem").filter({ hasText: caseReference });
  await expect(incoming).toContainText("Needs a safehouse bed tonight (fictional)");
  await incoming.getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Referral: Emergency accommodation" })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "referral-answer");

  await page.getByLabel("Decline").check();
  await page.getByRole("button", { name: "Send answer" }).click();
  await expect(page.locator("#field-reason-error")).toContainText("Enter why you are declining the referral");
  await expect(page.getByLabel("Decline")).toBeChecked();
  await page.getByLabel("Reason").fill("No beds free in the region tonight (fictional)");
  await page.getByRole("button", { name: "Send answer" }).click();
  await expect(page).toHaveURL(/\/queue\?answered=decline/);
  await expect(page.getByTestId("incoming-referrals").filter({ hasText: caseReference })).toHaveCount(0);
  await leaveBrowser(page);

  await signIn(page, COUNCIL_CASEWORKER);
  const answer = page.getByTestId("outgoing-referrals").getByRole("listitem").filter({ hasText: caseReference });
  await expect(answer).toContainText("Declined by Demo Salvation Army Caseworker");
  await expect(answer).toContainText("No beds free in the region tonight (fictional)");
  await expect(answer).toContainText(/after (less than 1 min|\d+ min)/);
});

test("the Salvation Army accepts a waiting referral and the stage moves to its queue with its clock", async ({ page }) => {
  await signIn(page, ARMY_CASEWORKER);
  const incoming = page.getByTestId("incoming-referrals").getByRole("listitem").filter({ hasText: "Hoa Sampleova" });
  await expect(incoming).toContainText("Safehouse bed for a woman needed tonight");
  await incoming.getByRole("link").click();
  const dueBefore = await page.getByTestId("stage-clock").getByText(/^\(due .*\)$/).innerText();
  await page.getByLabel("Accept").check();
  await page.getByRole("button", { name: "Send answer" }).click();
  await expect(page).toHaveURL(/\/queue\?answered=accept/);

  const taken = page.getByTestId("queue-row").filter({ hasText: "Hoa Sampleova" }).filter({ hasText: "Emergency accommodation" });
  await expect(taken).toBeVisible();
  await expect(taken.getByTestId("assignee")).toHaveText("Unassigned");
  await taken.getByRole("link", { name: "Emergency accommodation" }).click();
  // The clock did not restart: the stage is due when it was due before the hand-off.
  await expect(page.getByTestId("stage-clock").getByText(/^\(due .*\)$/)).toHaveText(dueBefore);
  await expect(page.getByText(`${ARMY} · `)).toBeVisible();
  await expect(page.getByText(/Teesmoor Council Safeguarding to Salvation Army \(Teesmoor\), .*accepted/)).toBeVisible();
});
