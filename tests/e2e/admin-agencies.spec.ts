import { expect, test } from "./fixtures";
import { expectNoAxeViolations, leaveBrowser, POLICE_CASEWORKER, screenshotAtBothWidths, signIn, withDatabase } from "./support";

// Issue 11: an administrator adds a second charity, renames it, sets its office hours, and retires an
// agency that owns open stages, choosing where they go. The open stages are given to the first charity
// in the e2e database (it has no staff to accept a referral, and no screen makes staff yet); everything
// else goes through the pages.

const OPERATION = "OP-AGENCIES-E2E";
const FIRST = "Northgate Refuge (fictional)";
const SECOND_TYPED = "Harbour Aid";
const SECOND = "Harbourside Aid (fictional)";

/** Hands the accommodation and victim support stages of the person this spec logged to an agency. */
async function giveStagesTo(agencyName: string): Promise<number> {
  return withDatabase(async (client) => {
    const { rowCount } = await client.query(
      `UPDATE "Stage" s SET "ownerAgencyId" = a.id
         FROM "Agency" a, "Person" p, "Rescue" r, "PathwayStageTemplate" t
        WHERE a.name = $1 AND p.id = s."personId" AND r.id = p."rescueId" AND r."operationReference" = $2
          AND t.id = s."templateStageId" AND t.key IN ('accommodation', 'victim-support')`,
      [agencyName, OPERATION],
    );
    return rowCount ?? 0;
  });
}

function agencyRow(page: import("@playwright/test").Page, name: string) {
  return page.getByTestId("agency-row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
}

test("an administrator adds a second charity, renames it, sets office hours and retires an agency whose open stages move", async ({ page }) => {
  // A long journey through four roles' pages on two shared cores.
  test.setTimeout(120_000);
  // Police log one person: their pathway is the open work that will move.
  await signIn(page, POLICE_CASEWORKER);
  await page.getByRole("link", { name: "Log a rescue" }).click();
  await page.getByLabel("Place").fill("Middlesbrough");
  await page.getByLabel("Operation reference (optional)").fill(OPERATION);
  const person = page.getByTestId("person-fieldset").first();
  await person.getByLabel("Description").fill("Woman, about 25, found by the agencies test (fictional)");
  await person.getByRole("group", { name: "Age group" }).getByLabel("Adult", { exact: true }).check();
  await person.getByRole("group", { name: "Gender" }).getByLabel("Female", { exact: true }).check();
  await person.getByLabel("Languages").fill("English");
  await person.getByRole("group", { name: "Is an interpreter needed?" }).getByLabel("No", { exact: true }).check();
  await page.getByRole("button", { name: "Log rescue and start pathways" }).click();
  await expect(page.getByTestId("notification-banner")).toBeVisible();
  await page.getByRole("link", { name: "Woman, about 25, found by the agencies test (fictional)" }).click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
  const personUrl = page.url();
  await leaveBrowser(page);

  await signIn(page, "admin@demo.example");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Agencies" }).click();
  await expect(page.getByRole("heading", { name: "Agencies", level: 1 })).toBeVisible();
  await expect(agencyRow(page, "Teesmoor Police")).toContainText("Active");
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "admin-agencies");

  // Two charities: the partnership may have several agencies of one kind.
  for (const name of [FIRST, SECOND_TYPED]) {
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("group", { name: "What kind of agency is it?" }).getByLabel("Charity", { exact: true }).check();
    await page.getByRole("button", { name: "Add agency" }).click();
    await expect(page.getByTestId("notification-banner")).toContainText(`${name} added`);
    await expect(agencyRow(page, name)).toContainText("Charity");
  }

  // A name already used, in other capitals, is refused next to the field.
  await page.getByLabel("Name", { exact: true }).fill(FIRST.toUpperCase());
  await page.getByRole("group", { name: "What kind of agency is it?" }).getByLabel("Charity", { exact: true }).check();
  await page.getByRole("button", { name: "Add agency" }).click();
  await expect(page.locator("#field-name-error")).toContainText(`There is already an agency called ${FIRST.toUpperCase()} in this partnership`);
  await expect(page.getByTestId("error-summary")).toBeFocused();
  await expectNoAxeViolations(page);

  // Rename the second charity.
  await agencyRow(page, SECOND_TYPED).getByRole("link", { name: `Change ${SECOND_TYPED}` }).click();
  await expect(page.getByRole("heading", { name: SECOND_TYPED, level: 1 })).toBeVisible();
  await page.getByTestId("rename-agency-form").getByLabel("Name").fill(SECOND);
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByTestId("notification-banner")).toContainText(`${SECOND} saved`);

  // Office hours: a closing time before the opening time is explained next to the closing time.
  await agencyRow(page, SECOND).getByRole("link", { name: `Change ${SECOND}` }).click();
  await page.getByLabel("Office hours on working days").check();
  await page.getByLabel("Opening time (office hours only)").fill("16:30");
  await page.getByLabel("Closing time (office hours only)").fill("08:30");
  await page.getByRole("button", { name: "Save working hours" }).click();
  await expect(page.locator("#field-closesAt-error")).toContainText("The closing time must be after the opening time");
  await expect(page.getByLabel("Opening time (office hours only)")).toHaveValue("16:30");
  await expectNoAxeViolations(page);
  await page.getByLabel("Opening time (office hours only)").fill("08:30");
  await page.getByLabel("Closing time (office hours only)").fill("16:30");
  await page.getByRole("button", { name: "Save working hours" }).click();
  await expect(page.getByTestId("notification-banner")).toContainText(`${SECOND} saved`);
  await expect(agencyRow(page, SECOND)).toContainText("08:30 to 16:30, working days (London time)");

  // An agency with staff cannot be retired yet: the page says why and where to go.
  await agencyRow(page, "Salvation Army (Teesmoor)").getByRole("link", { name: "Change Salvation Army (Teesmoor)" }).click();
  await page.getByRole("link", { name: "Retire Salvation Army (Teesmoor)" }).click();
  const blockers = page.getByTestId("retire-blockers");
  await expect(blockers).toContainText("You cannot retire Salvation Army (Teesmoor) yet");
  await expect(blockers.getByRole("link", { name: "See its staff" })).toHaveAttribute("href", /\/admin\/users\?agency=[0-9a-f-]{36}$/);
  await expect(page.getByTestId("retire-agency-form")).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The first charity now holds two open stages of the person police logged.
  expect(await giveStagesTo(FIRST)).toBe(2);
  await page.goto("/admin/agencies");
  await expect(agencyRow(page, FIRST).getByRole("cell").nth(2)).toHaveText("2");

  // Retire it with the keyboard alone, choosing the other charity (same kind, listed first).
  await agencyRow(page, FIRST).getByRole("link", { name: `Change ${FIRST}` }).click();
  const retireLink = page.getByRole("link", { name: `Retire ${FIRST}` });
  await retireLink.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: `Retire ${FIRST}`, level: 1 })).toBeVisible();
  await expect(page.getByTestId("retire-effects")).toContainText("Its 2 open stages move to the agency you choose below");
  const choices = page.getByRole("group", { name: "Which agency takes on its 2 open stages?" }).getByRole("radio");
  await expect(choices.first()).toHaveAccessibleName(new RegExp(`^${SECOND.replace(/[()]/g, "\\$&")}`));
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "admin-agency-retire");

  // Sent with nothing chosen: the error links to the choice.
  const submit = page.getByRole("button", { name: `Retire ${FIRST}` });
  await submit.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("error-summary")).toBeFocused();
  await expect(page.locator("#field-moveToAgencyId-error")).toContainText(`Select the agency that takes on ${FIRST}'s open stages`);

  await page.keyboard.press("Tab");
  await expect(page.getByTestId("error-summary").getByRole("link")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(choices.first()).toBeFocused();
  await page.keyboard.press("Space");
  await expect(choices.first()).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(submit).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page.getByTestId("notification-banner")).toContainText(`${FIRST} retired. 2 open stages moved to ${SECOND}.`);
  await expect(agencyRow(page, FIRST)).toContainText("Retired");
  await expect(agencyRow(page, FIRST).getByRole("link")).toHaveCount(0);
  await expect(agencyRow(page, SECOND).getByRole("cell").nth(2)).toHaveText("2");
  await leaveBrowser(page);

  // Police see the stages with the new owner, and the move on the timeline.
  await signIn(page, POLICE_CASEWORKER);
  await page.goto(personUrl);
  await expect(page.getByTestId("stage-accommodation")).toContainText(SECOND);
  await expect(page.getByTestId("timeline")).toContainText(/moved Emergency accommodation to another agency/);
  await expect(page.getByTestId("timeline")).toContainText(`Moved from ${FIRST} to ${SECOND}: ${FIRST} was retired`);
});

test("only administrators reach the agency pages: a lead and the coordinator get not found", async ({ page }) => {
  const police = await withDatabase(async (client) => (await client.query<{ id: string }>(`SELECT id FROM "Agency" WHERE name = 'Teesmoor Police'`)).rows[0]!.id);
  for (const email of ["council.lead@demo.example", "coordinator@demo.example"]) {
    await signIn(page, email);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Agencies" })).toHaveCount(0);
    for (const path of ["/admin/agencies", `/admin/agencies/${police}`, `/admin/agencies/${police}/retire`]) {
      expect((await page.goto(path))?.status(), `${email} ${path}`).toBe(404);
    }
    await leaveBrowser(page);
  }
});
