import { expect, test } from "./fixtures";
import { COUNCIL_CASEWORKER, expectNoAxeViolations, leaveBrowser, POLICE_CASEWORKER, screenshotAtBothWidths, signIn } from "./support";

const PARENT = "Woman, about 35, came with her son (fictional)";
const CHILD = "Boy, about 7, her son (fictional)";
const DISPUTED = "Young man, says he is 16 (fictional)";
const NEVER = "Never call 07700 900982: the exploiter holds that phone (fictional)";

test("a rescue of a parent, her son and an age-disputed young man: the son's own clock, safety flags, a refused stale correction, and an age assessment as an adult", async ({ page, context }) => {
  test.setTimeout(120_000);
  await signIn(page, POLICE_CASEWORKER);
  await page.goto("/rescues/new");
  await page.getByLabel("Place").fill("Hartlepool");
  const rows = [
    { description: PARENT, age: "Adult", gender: "Female" },
    { description: CHILD, age: "Child", gender: "Male", childOf: "1" },
    { description: DISPUTED, age: "Age disputed (treated as a child)", gender: "Male" },
  ];
  for (const [index, row] of rows.entries()) {
    if (index > 0) await page.getByRole("button", { name: "Add another person" }).click();
    const person = page.getByTestId("person-fieldset").nth(index);
    await person.getByLabel("Description").fill(row.description);
    await person.getByRole("group", { name: "Age group" }).getByLabel(row.age, { exact: true }).check();
    await person.getByRole("group", { name: "Gender" }).getByLabel(row.gender, { exact: true }).check();
    await person.getByRole("group", { name: "Is an interpreter needed?" }).getByLabel("No", { exact: true }).check();
  }
  // A child-of that points at the row itself is refused next to the field; nothing is logged.
  await page.getByTestId("person-fieldset").nth(1).getByLabel("Child of person (optional)").fill("2");
  await page.getByRole("button", { name: "Log rescue and start pathways" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("A person cannot be their own parent");
  await expect(page.getByTestId("person-fieldset").nth(1)).toContainText("Error: A person cannot be their own parent");
  await page.getByTestId("person-fieldset").nth(1).getByLabel("Child of person (optional)").fill("1");
  await page.getByRole("button", { name: "Log rescue and start pathways" }).click();
  await expect(page.getByTestId("notification-banner")).toContainText("3 people");

  // The son has children's services with a clock of his own; his mother's page shows him.
  await page.getByRole("link", { name: CHILD }).click();
  await expect(page.getByTestId("family")).toContainText(`Child of ${PARENT}`);
  await expect(page.getByTestId("stage-childrens-services-notified").getByTestId("stage-clock")).toHaveAttribute("data-clock", /due|at_risk/);
  await page.getByTestId("family").getByRole("link", { name: PARENT }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PARENT);
  await expect(page.getByTestId("dependants")).toContainText(CHILD);
  await expect(page.getByTestId("stage-childrens-services-notified")).toHaveCount(0);
  const parentUrl = page.url();

  // Safety flags: set once, shown first on her page and on her rows in the queue.
  await page.getByRole("link", { name: "Add safety flags" }).click();
  await page.getByLabel("Ways never to use").fill("x".repeat(301));
  await page.getByRole("button", { name: "Save the safety flags" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Ways never to use must be 300 characters or fewer");
  await page.getByLabel("Do not disclose whereabouts").check();
  await page.getByLabel("Risk of re-trafficking").check();
  await page.getByLabel("Ways never to use").fill(NEVER);
  await page.getByRole("button", { name: "Save the safety flags" }).click();
  await expect(page).toHaveURL(`${parentUrl}?safety=saved`);
  const banner = page.getByTestId("safety-banner");
  await expect(banner).toContainText("Do not disclose whereabouts");
  await expect(banner).toContainText("Risk of re-trafficking");
  await expect(banner).toContainText(NEVER);
  await expect(page.getByTestId("timeline").locator("li").first()).toContainText("changed the safety flags");
  await expect(page.getByTestId("timeline")).not.toContainText("07700");
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "person-safety-flags");

  await page.goto("/queue");
  const parentRow = page.getByTestId("queue-row").filter({ hasText: PARENT }).first();
  await expect(parentRow.getByTestId("safety-flags-row")).toContainText("Risk of re-trafficking · Do not disclose whereabouts · Contact safely: see the record");
  await expect(page.getByTestId("queue-row").filter({ hasText: CHILD }).first().getByTestId("safety-flags-row")).toHaveCount(0);
  await screenshotAtBothWidths(page, "queue-safety-flags");
  await leaveBrowser(page);

  // Two council caseworker tabs correct the young man's details: the second, on the old version, is refused.
  await signIn(page, COUNCIL_CASEWORKER);
  await page.goto(`/people?q=${encodeURIComponent(DISPUTED)}`);
  await page.getByRole("link", { name: DISPUTED }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DISPUTED);
  const disputedUrl = page.url();
  await page.getByRole("link", { name: "Correct or add details" }).click();
  await expect(page.getByRole("heading", { name: "Correct or add details", level: 1 })).toBeVisible();
  const other = await context.newPage();
  await other.goto(page.url());
  await other.getByLabel("Nationality").fill("Eritrean");
  await other.getByRole("button", { name: "Save the details" }).click();
  await expect(other).toHaveURL(`${disputedUrl}?details=corrected`);
  await other.close();

  await page.getByLabel("Languages").fill("Tigrinya, Arabic");
  await page.getByRole("button", { name: "Save the details" }).click();
  await expect(page.getByTestId("stale-message")).toContainText("Someone else changed this person's record since you opened the form. Nothing was saved.");
  await expect(page.getByTestId("error-summary")).toContainText("Someone else changed this to “Eritrea”");
  await expect(page.getByText("Error: Someone else changed this to “Eritrea” since you opened the form")).toBeVisible();
  await expect(page.getByLabel("Languages")).toHaveValue("Tigrinya, Arabic");
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "correct-details-stale");
  // Saved again, on the version the page now has: both changes stand.
  await page.getByLabel("Nationality").fill("Eritrean");
  await page.getByRole("button", { name: "Save the details" }).click();
  await expect(page).toHaveURL(`${disputedUrl}?details=corrected`);
  await expect(page.getByText("Tigrinya, Arabic")).toBeVisible();
  await expect(page.getByText("Eritrea", { exact: true })).toBeVisible();

  // The council's social worker assesses him as an adult: the children's stages are not needed, the
  // adult NRM consent decision starts with a clock from now.
  await page.getByRole("link", { name: "Record an age assessment" }).click();
  await page.getByRole("button", { name: "Record the assessment and change the pathway" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Select whether the person was assessed as an adult or a child");
  await page.getByLabel("Adult (18 or over)").check();
  await page.getByLabel("Who assessed the person's age").fill("Hartlepool Council children's social worker (fictional)");
  await page.getByRole("group", { name: "Was it a Merton-compliant assessment?" }).getByLabel("Yes").check();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Record the assessment and change the pathway" }).click();
  await expect(page).toHaveURL(`${disputedUrl}?age=assessed`);
  for (const key of ["childrens-services-notified", "child-nrm-referral"]) {
    const stage = page.getByTestId(`stage-${key}`);
    await expect(stage).toContainText("Not needed");
    await expect(stage).toContainText("Reason: Not needed — age assessed as adult");
  }
  const consent = page.getByTestId("stage-nrm-consent-decision");
  await expect(consent).toContainText("Not started");
  await expect(consent.getByTestId("stage-clock")).toHaveAttribute("data-clock", "due");
  await expect(consent.getByTestId("stage-target")).toContainText("3 working days");
  await expect(page.getByTestId("age-assessments")).toContainText("Adult, assessed");
  await expect(page.getByTestId("timeline")).toContainText("recorded an age assessment");
  await screenshotAtBothWidths(page, "age-assessed-adult");
});

test("a child linked to the wrong adult is unlinked with a reason: refused without one, then on both timelines", async ({ page }) => {
  test.setTimeout(90_000);
  const adult = "Woman, about 40, not his mother (fictional)";
  const boy = "Boy, about 9, linked in error (fictional)";
  await signIn(page, POLICE_CASEWORKER);
  await page.goto("/rescues/new");
  await page.getByLabel("Place").fill("Stockton");
  for (const [index, row] of [{ description: adult, age: "Adult", gender: "Female" }, { description: boy, age: "Child", gender: "Male" }].entries()) {
    if (index > 0) await page.getByRole("button", { name: "Add another person" }).click();
    const person = page.getByTestId("person-fieldset").nth(index);
    await person.getByLabel("Description").fill(row.description);
    await person.getByRole("group", { name: "Age group" }).getByLabel(row.age, { exact: true }).check();
    await person.getByRole("group", { name: "Gender" }).getByLabel(row.gender, { exact: true }).check();
    await person.getByRole("group", { name: "Is an interpreter needed?" }).getByLabel("No", { exact: true }).check();
  }
  await page.getByTestId("person-fieldset").nth(1).getByLabel("Child of person (optional)").fill("1");
  await page.getByRole("button", { name: "Log rescue and start pathways" }).click();
  await expect(page.getByTestId("notification-banner")).toContainText("2 people");

  await page.getByRole("link", { name: boy }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(boy);
  const childUrl = page.url();
  const family = page.getByTestId("family");
  await expect(family).toContainText(`Child of ${adult}`);
  await family.getByText("Unlink from this parent").click();
  await family.getByRole("button", { name: "Unlink from the parent" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Enter why the link to this parent is wrong or has ended");
  await expect(family).toContainText("Error: Enter why the link to this parent is wrong or has ended");
  await expect(page).toHaveURL(childUrl);
  await family.scrollIntoViewIfNeeded();
  await screenshotAtBothWidths(page, "unlink-parent-refused");

  await family.getByLabel("Why is the link wrong or ended?").fill("Not his mother: his aunt says so (fictional)");
  await expectNoAxeViolations(page);
  await family.getByRole("button", { name: "Unlink from the parent" }).click();
  await expect(page).toHaveURL(`${childUrl}?linked=unlinked`);
  await expect(page.getByTestId("notification-banner")).toContainText("Unlinked from the parent");
  await expect(page.getByText(`Child of ${adult}`)).toHaveCount(0);
  await expect(page.getByTestId("timeline")).toContainText("unlinked a child from the parent they were linked to");
  await expect(page.getByTestId("timeline")).toContainText("Not his mother: his aunt says so (fictional)");

  // Her page: no child any more, and the unlinking on her timeline without the reason.
  await page.goto("/people");
  await page.getByRole("link", { name: adult }).first().click();
  await expect(page.getByTestId("dependants")).toHaveCount(0);
  await expect(page.getByTestId("timeline")).toContainText("unlinked a child from the parent they were linked to");
  await expect(page.getByTestId("timeline")).not.toContainText("his aunt says so");
  await screenshotAtBothWidths(page, "child-unlinked-parent");
});
