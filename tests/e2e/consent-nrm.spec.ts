import { expect, test } from "./fixtures";
import { expectNoAxeViolations, leaveBrowser, POLICE_CASEWORKER, screenshotAtBothWidths, signIn, withDatabase } from "./support";
import type { Page } from "@playwright/test";

const ADULT = "Woman, about 35, consents to the NRM (fictional)";
const CHILD = "Boy, about 15, referred without consent (fictional)";
const ARMY = "salvationarmy.caseworker@demo.example";

function londonToday(): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date());
}

function dayPlus(days: number): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "2-digit", month: "short", year: "numeric" }).format(new Date(Date.now() + days * 86_400_000));
}

async function logOne(page: Page, description: string, ageGroup: "Adult" | "Child") {
  await page.goto("/rescues/new");
  await page.getByLabel("Place").fill("Redcar");
  const person = page.getByTestId("person-fieldset").nth(0);
  await person.getByLabel("Description").fill(description);
  await person.getByRole("group", { name: "Age group" }).getByLabel(ageGroup, { exact: true }).check();
  await person.getByRole("group", { name: "Gender" }).getByLabel(ageGroup === "Adult" ? "Female" : "Male", { exact: true }).check();
  await person.getByRole("group", { name: "Is an interpreter needed?" }).getByLabel("Yes", { exact: true }).check();
  await page.getByRole("button", { name: "Log rescue and start pathways" }).click();
  await expect(page.getByTestId("notification-banner")).toContainText("1 person");
  await page.getByRole("link", { name: description }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(description);
  return page.url();
}

test("police record an adult's consent with an interpreter; the Salvation Army refers to the NRM; the Reasonable Grounds decision is due in its queue, recorded, and the recovery period's end appears", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, POLICE_CASEWORKER);
  const personUrl = await logOne(page, ADULT, "Adult");
  const personId = new URL(personUrl).pathname.split("/")[2]!;
  await expect(page.getByTestId("nrm-section")).toContainText("An adult must consent first");
  await page.getByRole("link", { name: "Record or withdraw consent" }).click();
  await expect(page.getByRole("heading", { name: "Consent and information sharing", level: 1 })).toBeVisible();

  // An interpreter who came with the person is refused at the field; nothing is written.
  const form = page.getByTestId("record-consent-form");
  await form.getByRole("group", { name: "What is the consent for?" }).getByLabel("Referral to the National Referral Mechanism (NRM)").check();
  await form.getByRole("group", { name: "What did the person decide?" }).getByLabel("Gave consent").check();
  await form.getByLabel("Date").fill(londonToday());
  await form.getByLabel("Who explained it").fill("PC Example, first responder (fictional)");
  await form.getByRole("textbox", { name: "Language it was explained in" }).fill("Romanian");
  await form.getByRole("group", { name: "Was an interpreter used?" }).getByLabel("Yes").check();
  await form.getByLabel("Interpreter's name or booking reference (if one was used)").fill("Booking LANG-0042 (fictional)");
  await form.getByRole("group", { name: /independent and professional/ }).getByLabel("No, someone who came with the person").check();
  await form.getByRole("group", { name: "How was it explained?" }).getByLabel("In person").check();
  await page.getByRole("button", { name: "Record the consent decision" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("independent professional interpreter");
  await expect(form.getByRole("group", { name: /independent and professional/ })).toContainText("Error: Consent must be explained by an independent professional interpreter");
  await expect(form.getByLabel("Interpreter's name or booking reference (if one was used)")).toHaveValue("Booking LANG-0042 (fictional)");
  await expectNoAxeViolations(page);

  await form.getByRole("group", { name: /independent and professional/ }).getByLabel("Yes, an independent professional interpreter").check();
  await page.getByRole("button", { name: "Record the consent decision" }).click();
  await expect(page).toHaveURL(`${personUrl}?consent=recorded`);
  await expect(page.getByTestId("consent-agreed")).toContainText("Referral to the National Referral Mechanism (NRM)");
  await expect(page.getByTestId("timeline").locator("li").first()).toContainText("recorded a consent decision");
  const stored = await withDatabase((client) => client.query(`SELECT interpreter, "interpreterIndependent", given FROM "Consent" WHERE "personId" = $1`, [personId]));
  expect(stored.rows).toEqual([{ interpreter: "Booking LANG-0042 (fictional)", interpreterIndependent: true, given: true }]);

  // The Salvation Army works with her once council refers her accommodation to it (set up directly).
  await withDatabase((client) =>
    client.query(
      `INSERT INTO "Referral" (id, "stageId", "fromAgencyId", "toAgencyId", "referredById")
       SELECT gen_random_uuid(), s.id, s."ownerAgencyId", (SELECT id FROM "Agency" WHERE kind = 'SALVATION_ARMY' LIMIT 1), (SELECT id FROM "User" WHERE email = 'council.caseworker@demo.example')
       FROM "Stage" s JOIN "PathwayStageTemplate" t ON t.id = s."templateStageId" WHERE s."personId" = $1 AND t.key = 'accommodation'`,
      [personId],
    ),
  );
  await leaveBrowser(page);
  await signIn(page, ARMY);
  await page.goto(personUrl);
  await page.getByTestId("nrm-section").getByRole("link", { name: "Record the NRM referral" }).click();
  await page.getByLabel("Date submitted").fill(londonToday());
  await page.getByLabel("Home Office reference").fill("2026-004512");
  await page.getByRole("button", { name: "Record the NRM referral" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Enter the Home Office reference in the format NRM-2026-004512");
  await expectNoAxeViolations(page);
  await page.getByLabel("Home Office reference").fill("NRM-2026-004512");
  await page.getByRole("button", { name: "Record the NRM referral" }).click();
  await expect(page).toHaveURL(`${personUrl}?nrm=referred`);
  await expect(page.getByTestId("milestone-referral")).toContainText("Submitted");
  await expect(page.getByTestId("milestone-reasonable-grounds")).toContainText("expected in 5 working days");

  // Due in the Salvation Army's queue.
  await page.goto("/queue");
  const due = page.getByTestId("queue-milestone").filter({ hasText: ADULT });
  await expect(due).toContainText("Reasonable Grounds decision expected in 5 working days");
  await screenshotAtBothWidths(page, "queue-nrm-milestone");
  await due.getByRole("link", { name: /Reasonable Grounds decision expected/ }).click();
  await page.getByRole("group", { name: "Outcome" }).getByLabel("Positive").check();
  await page.getByLabel("Date of the decision").fill(londonToday());
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page).toHaveURL(`${personUrl}?nrm=decision`);
  await expect(page.getByTestId("milestone-reasonable-grounds")).toContainText("Positive");
  await expect(page.getByTestId("milestone-recovery-period")).toContainText(`to ${dayPlus(30)}`);
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "person-nrm-milestones");
  await page.goto("/queue");
  await expect(page.getByTestId("queue-milestone").filter({ hasText: ADULT })).toHaveCount(0);
});

test("a child's NRM referral is made without consent being asked", async ({ page }) => {
  await signIn(page, POLICE_CASEWORKER);
  const personUrl = await logOne(page, CHILD, "Child");
  await expect(page.getByTestId("consent-summary")).toContainText("no consent is needed for an NRM referral");
  await page.getByRole("link", { name: "Record or withdraw consent" }).click();
  await expect(page.getByRole("group", { name: "What is the consent for?" }).getByLabel("Referral to the National Referral Mechanism (NRM)")).toHaveCount(0);
  await page.goto(personUrl);
  await page.getByTestId("nrm-section").getByRole("link", { name: "Record the NRM referral" }).click();
  await expect(page.getByTestId("child-no-consent")).toContainText("no consent is needed for an NRM referral, and none is asked");
  await expect(page.getByTestId("nrm-referral-form").getByRole("radio")).toHaveCount(0);
  await page.getByLabel("Date submitted").fill(londonToday());
  await page.getByLabel("Home Office reference").fill("NRM-2026-004513");
  await page.getByRole("button", { name: "Record the NRM referral" }).click();
  await expect(page).toHaveURL(`${personUrl}?nrm=referred`);
  await expect(page.getByTestId("timeline").locator("li").first()).toContainText("a child: no consent needed");
  await expectNoAxeViolations(page);
});

test("another adult declines the NRM; police record a Duty to Notify whose stored row holds no identity", async ({ page }) => {
  const DECLINER = "Woman, about 50, zephyr-e2e-marker, declines the NRM (fictional)";
  await signIn(page, POLICE_CASEWORKER);
  const personUrl = await logOne(page, DECLINER, "Adult");
  await page.getByRole("link", { name: "Record or withdraw consent" }).click();
  const form = page.getByTestId("record-consent-form");
  await form.getByRole("group", { name: "What is the consent for?" }).getByLabel("Referral to the National Referral Mechanism (NRM)").check();
  await form.getByRole("group", { name: "What did the person decide?" }).getByLabel("Refused consent").check();
  await form.getByLabel("Date").fill(londonToday());
  await form.getByLabel("Who explained it").fill("PC Example, first responder (fictional)");
  await form.getByRole("textbox", { name: "Language it was explained in" }).fill("Polish");
  await form.getByRole("group", { name: "Was an interpreter used?" }).getByLabel("Yes").check();
  await form.getByLabel("Interpreter's name or booking reference (if one was used)").fill("Booking LANG-0077 (fictional)");
  await form.getByRole("group", { name: /independent and professional/ }).getByLabel("Yes, an independent professional interpreter").check();
  await form.getByRole("group", { name: "How was it explained?" }).getByLabel("By phone").check();
  await page.getByRole("button", { name: "Record the consent decision" }).click();
  await expect(page).toHaveURL(`${personUrl}?consent=recorded`);
  await expect(page.getByTestId("consent-refused")).toContainText("Referral to the National Referral Mechanism (NRM)");

  await page.getByTestId("nrm-section").getByRole("link", { name: "Record a Duty to Notify" }).click();
  await expect(page.getByRole("heading", { name: "Duty to Notify", level: 1 })).toBeVisible();
  await page.getByLabel("Nationality", { exact: true }).fill("Zzland (fictional)");
  await page.getByRole("group", { name: "Age when exploited" }).getByLabel("Adult", { exact: true }).check();
  await page.getByRole("group", { name: "Type of exploitation" }).getByLabel("Labour").check();
  await page.getByRole("group", { name: "Where it happened" }).getByLabel("UK", { exact: true }).check();
  await page.getByLabel("Date sent to the Home Office").fill(londonToday());
  await page.getByRole("button", { name: "Record the Duty to Notify" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Choose a nationality from the list");
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "duty-to-notify-form");
  await page.getByLabel("Nationality", { exact: true }).fill("Polish");
  await page.getByRole("button", { name: "Record the Duty to Notify" }).click();
  await expect(page).toHaveURL(`${personUrl}?dtn=sent`);
  await expect(page.getByTestId("duty-to-notify-sent")).toContainText("no identifying details");

  const rows = await withDatabase((client) => client.query(`SELECT row_to_json(d)::text AS row FROM "DutyToNotify" d WHERE nationality = 'POL'`));
  expect(rows.rows).toHaveLength(1);
  const stored: string = rows.rows[0].row;
  const personId = new URL(personUrl).pathname.split("/")[2]!;
  for (const needle of ["zephyr", "Woman", "about 50", personId]) expect(stored).not.toContain(needle);
  expect(JSON.parse(stored)).toMatchObject({ gender: "FEMALE", nationality: "POL", exploitationType: "LABOUR", exploitationLocation: "UK" });
});
