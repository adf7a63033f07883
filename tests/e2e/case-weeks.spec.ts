// The weeks after a rescue: a gap in contact raising one notice and showing on the queue, a case
// closed as missing (police told) and reopened with new clocks, and the chronology for a case review
// printed and downloaded by the council lead without police-only notes.
import type { Page } from "@playwright/test";
import { toLondonInputValue } from "../../src/domain/time/london";
import { pdfText } from "../support/pdf-text";
import { expect, test } from "./fixtures";
import { COUNCIL_CASEWORKER, expectNoAxeViolations, leaveBrowser, POLICE_CASEWORKER, screenshotAtBothWidths, signIn, sweepNow, withDatabase } from "./support";

const COUNCIL_LEAD = "council.lead@demo.example";
const PERSON = "Woman, about 25, weeks after rescue (fictional)";
const POLICE_NOTE = "Police only (e2e): the exploiter's van was seen nearby (fictional)";
const GENERAL_NOTE = "General (e2e): prefers afternoon visits (fictional)";

test.describe.configure({ mode: "serial" });

let personUrl = "";
let caseReference = "";

async function logRescueHoursAgo(page: Page, hours: number) {
  await page.getByRole("link", { name: "Log a rescue" }).click();
  await page.getByLabel("Time of rescue").fill(toLondonInputValue(new Date(Date.now() - hours * 3_600_000)));
  await page.getByLabel("Place").fill("Stockton");
  const fieldset = page.getByTestId("person-fieldset").first();
  await fieldset.getByLabel("Description").fill(PERSON);
  await fieldset.getByRole("group", { name: "Age group" }).getByLabel("Adult", { exact: true }).check();
  await fieldset.getByRole("group", { name: "Gender" }).getByLabel("Female", { exact: true }).check();
  await fieldset.getByLabel("Languages").fill("English");
  await fieldset.getByRole("group", { name: "Is an interpreter needed?" }).getByLabel("No", { exact: true }).check();
  await page.getByRole("button", { name: "Log rescue and start pathways" }).click();
  await expect(page.getByTestId("notification-banner")).toContainText("on the pathway");
  await page.getByRole("link", { name: PERSON }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PERSON);
}

test("a person nobody has reached for two days: one notice to the council lead from the job runner, and the queue says so", async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, POLICE_CASEWORKER);
  await logRescueHoursAgo(page, 49);
  personUrl = page.url();
  caseReference = (await page.locator("p").filter({ hasText: /^VCP-/ }).first().innerText()).trim();
  await expect(page.getByTestId("no-contact")).toContainText(/No contact for 2 d 1 h/);
  await leaveBrowser(page);

  // The runner sweeps every minute; asked for a sweep now, the notice arrives within seconds.
  await sweepNow("contact-gap-sweep");
  await signIn(page, COUNCIL_LEAD);
  await expect
    .poll(
      async () => {
        await page.goto("/notifications");
        return page.getByTestId("notification").filter({ hasText: caseReference }).filter({ hasText: /no contact for 2 d/i }).count();
      },
      { timeout: 100_000, intervals: [1_000, 2_000, 5_000] },
    )
    .toBe(1);
  await screenshotAtBothWidths(page, "notice-no-contact");

  await page.goto("/queue");
  const gap = page.getByTestId("no-contact").getByRole("listitem").filter({ hasText: PERSON });
  await expect(gap.getByTestId("no-contact-words")).toHaveText(/^No contact for 2 d 1 h$/);
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "queue-no-contact");
  // Sent once: later sweeps add nothing.
  const notices = await withDatabase(async (client) => {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "Notification" WHERE kind = 'CONTACT_GAP' AND title LIKE $1`, [`${caseReference}:%`]);
    return rows[0].n as number;
  });
  expect(notices).toBeGreaterThanOrEqual(1);
  const gaps = await withDatabase(async (client) => (await client.query(`SELECT count(*)::int AS n FROM "ContactGapNotice" g JOIN "Person" p ON p.id = g."personId" WHERE p."caseReference" = $1`, [caseReference])).rows[0].n as number);
  expect(gaps).toBe(1);
  await leaveBrowser(page);

  // A caseworker reaches the person: bad input first, then the contact ends the gap.
  await signIn(page, COUNCIL_CASEWORKER);
  await page.goto(personUrl);
  await page.getByText("Record a contact", { exact: true }).click();
  await page.getByLabel("When").fill(toLondonInputValue(new Date(Date.now() + 3 * 3_600_000)));
  await page.getByRole("button", { name: "Record contact" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("The time of the contact must be now or in the past");
  await expect(page.getByTestId("error-summary")).toContainText("Select whether you reached the person");
  await expectNoAxeViolations(page);
  await page.getByLabel("When").fill(toLondonInputValue(new Date()));
  await page.getByRole("group", { name: "Did you reach the person?" }).getByLabel("Contact made").check();
  await page.getByRole("group", { name: "How" }).getByLabel("In person").check();
  await page.getByRole("button", { name: "Record contact" }).click();
  await expect(page.getByTestId("notification-banner")).toContainText("Contact recorded");
  await expect(page.getByTestId("no-contact")).toHaveCount(0);
  // On the timeline, but not necessarily first: the form takes whole minutes, so a contact "now" can
  // be earlier than the rescue's logging in the same minute (the sweep no longer takes a minute).
  await expect(page.getByTestId("timeline").locator("li").filter({ hasText: "Teesmoor Council Safeguarding recorded a contact with the person" })).toHaveCount(1);
});

test("the council lead closes the case as missing, police are told, and the case is reopened with new clocks", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, COUNCIL_LEAD);
  await page.goto(personUrl);
  await page.getByRole("link", { name: "Close the case" }).click();
  await expect(page.getByRole("heading", { name: "Close the case", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Close the case" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Select why the case is closing");
  await expect(page.getByTestId("error-summary")).toContainText("Enter a note about why the case is closing");
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "close-case");
  await page.getByRole("group", { name: "Why is the case closing?" }).getByLabel("Missing").check();
  await page.getByLabel("Note").fill("Did not come back to the refuge last night (fictional)");
  await page.getByRole("button", { name: "Close the case" }).click();

  await expect(page).toHaveURL(`${personUrl}?case=closed`);
  await expect(page.getByTestId("notification-banner")).toContainText("Case closed");
  await expect(page.getByTestId("case-closed")).toContainText("Missing");
  await expect(page.getByTestId("stage-accommodation")).toContainText("Not needed");
  await expect(page.getByTestId("stage-accommodation").getByRole("link", { name: /Update/ })).toHaveCount(0);
  await expect(page.getByTestId("timeline")).toContainText("Teesmoor Council Safeguarding closed the case");
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "case-closed");
  await leaveBrowser(page);

  await signIn(page, POLICE_CASEWORKER);
  await page.goto("/notifications");
  const notice = page.getByTestId("notification").filter({ hasText: `${caseReference} closed: missing` });
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText("the person is missing");
  await leaveBrowser(page);

  await signIn(page, COUNCIL_LEAD);
  await page.goto(personUrl);
  await page.getByTestId("case-closed").getByRole("link", { name: "Reopen the case" }).click();
  await page.getByRole("button", { name: "Reopen the case" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Enter why the case is being reopened");
  await page.getByLabel("Why is the case being reopened?").fill("Found safe by police and back at the refuge (fictional)");
  await page.getByRole("button", { name: "Reopen the case" }).click();
  await expect(page).toHaveURL(`${personUrl}?case=reopened`);
  await expect(page.getByTestId("notification-banner")).toContainText("Case reopened");
  await expect(page.getByTestId("case-closed")).toHaveCount(0);
  // New clocks from the reopening: the 4-hour accommodation target starts again now.
  const clock = page.getByTestId("stage-accommodation").getByTestId("stage-clock");
  await expect(clock).toHaveAttribute("data-clock", "due");
  await expect(clock).toContainText(/3 h 5\d min left/);
  await expect(page.getByTestId("timeline").locator("li").first()).toContainText(/reopened the case|resumed/);
  await expectNoAxeViolations(page);
});

test("the council lead prints and downloads the chronology: police-only notes are not in it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // Police write a police-only note; council a general one.
  const police = await (await browser.newContext()).newPage();
  await signIn(police, POLICE_CASEWORKER);
  await police.goto(personUrl);
  await police.getByText("Add a note", { exact: true }).click();
  await police.getByLabel("Note", { exact: true }).fill(POLICE_NOTE);
  await police.getByRole("group", { name: "Who can read this note" }).getByLabel("Police only").check();
  await police.getByRole("button", { name: "Add note" }).click();
  await expect(police.getByTestId("notification-banner")).toContainText("Note added");
  await police.getByText("Add a note", { exact: true }).click();
  await police.getByLabel("Note", { exact: true }).fill(GENERAL_NOTE);
  await police.getByRole("button", { name: "Add note" }).click();
  await expect(police.getByTestId("timeline")).toContainText(GENERAL_NOTE);
  await police.close();

  await signIn(page, COUNCIL_LEAD);
  await page.goto(personUrl);
  await page.getByRole("link", { name: "Chronology for a case review" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Chronology: ${caseReference}`);
  await expect(page.getByTestId("chronology-produced")).toContainText(/^Produced by Demo Council Lead, Teesmoor Council Safeguarding, on /);
  const entries = page.getByTestId("chronology-entries");
  // Oldest first. The rescue was logged minutes ago with its time of rescue two days back, and a contact
  // recorded in the same minute (the form takes whole minutes) may come before the logging entry.
  await expect(entries.locator("li").filter({ hasText: "Teesmoor Police logged the rescue" })).toHaveCount(1);
  await expect(entries).toContainText("Teesmoor Council Safeguarding closed the case");
  await expect(entries).toContainText("recorded a contact with the person");
  await expect(entries).toContainText(GENERAL_NOTE);
  await expect(page.getByTestId("chronology")).not.toContainText(POLICE_NOTE);
  await expect(page.getByTestId("chronology-stages")).toContainText("Emergency accommodation");
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "chronology");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("link", { name: "Download as PDF" })).toBeHidden();
  await page.screenshot({ path: "screenshots/chronology-print.png", fullPage: true });
  await page.emulateMedia({ media: "screen" });

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download as PDF" }).click();
  const file = await (await download).path();
  const { readFile } = await import("node:fs/promises");
  const bytes = await readFile(file);
  const text = pdfText(bytes).replace(/\s+/g, " ");
  expect(text).toContain(`Chronology: ${caseReference}`);
  expect(text).toContain("Produced by Demo Council Lead");
  expect(text).toContain("prefers afternoon visits");
  expect(text).not.toContain("van was seen");

  const response = await page.request.get(`${new URL(personUrl).pathname}/chronology/pdf`);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(response.headers()["content-type"]).toBe("application/pdf");

  // Each production is on the audit log.
  const produced = await withDatabase(async (client) =>
    (await client.query(`SELECT action FROM "AuditEvent" a JOIN "User" u ON u.id = a."userId" WHERE u.email = $1 AND a.action LIKE 'chronology.%' ORDER BY a.id`, [COUNCIL_LEAD])).rows.map((r) => r.action as string),
  );
  // The page (audited each time it is drawn, and a live refresh draws it again) and both downloads.
  expect(produced[0]).toBe("chronology.view");
  expect(produced.filter((action) => action === "chronology.pdf")).toHaveLength(2);
  expect(produced.every((action) => action === "chronology.view" || action === "chronology.pdf")).toBe(true);
});

test("the administrator sets the hours without contact before leads are told; a bad value is explained next to the field", async ({ page }) => {
  await signIn(page, "admin@demo.example");
  await page.goto("/admin/settings");
  const hours = page.getByLabel("Tell the agencies' leads after this many hours without contact");
  await expect(hours).toHaveValue("48");
  await hours.fill("0x10");
  await page.getByRole("button", { name: "Save no-contact time" }).click();
  await expect(page.locator("#field-contactGapHours-error")).toContainText("Enter the hours as a whole number from 4 to 720, using digits only");
  await expect(hours).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
  await hours.fill("72");
  await page.getByRole("button", { name: "Save no-contact time" }).click();
  await expect(page.getByTestId("notification-banner")).toContainText("The next contact-gap sweep, within a minute, uses the new time.");
  await expect(hours).toHaveValue("72");
  // Put the demo back as it was.
  await hours.fill("48");
  await page.getByRole("button", { name: "Save no-contact time" }).click();
  await expect(page.getByTestId("notification-banner")).toBeVisible();
});
