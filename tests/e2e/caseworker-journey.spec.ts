import { expect, test } from "./fixtures";
import { COUNCIL_CASEWORKER, expectNoAxeViolations, leaveBrowser, POLICE_CASEWORKER, screenshotAtBothWidths, signIn } from "./support";

const PEOPLE = [
  { description: "Woman, about 30, speaks Romanian (fictional)", age: "Adult", gender: "Female", nationality: "Romanian", languages: "Romanian", interpreter: "Yes" },
  { description: "Boy, about 15, speaks Vietnamese (fictional)", age: "Child", gender: "Male", nationality: "Vietnamese", languages: "Vietnamese", interpreter: "Yes" },
  { description: "Man, about 40, speaks English (fictional)", age: "Adult", gender: "Male", nationality: "British", languages: "English", interpreter: "No" },
];

test("a police caseworker logs a rescue of three people; council completes accommodation and the clock and timeline change", async ({ page }) => {
  await signIn(page, POLICE_CASEWORKER);
  await expect(page.getByRole("heading", { name: "Teesmoor Police queue", level: 1 })).toBeVisible();

  await page.getByRole("link", { name: "Log a rescue" }).click();
  await expect(page.getByRole("heading", { name: "Log a rescue" })).toBeVisible();
  await page.getByLabel("Place").fill("Middlesbrough");
  await page.getByLabel("Operation reference (optional)").fill("OP-E2E-FICTIONAL");

  for (const [index, person] of PEOPLE.entries()) {
    if (index > 0) await page.getByRole("button", { name: "Add another person" }).click();
    const fieldset = page.getByTestId("person-fieldset").nth(index);
    // Adding a person moves focus to their first field, ready to type.
    if (index > 0) await expect(fieldset.getByLabel("Name (if known)")).toBeFocused();
    await fieldset.getByLabel("Description").fill(person.description);
    await fieldset.getByRole("group", { name: "Age group" }).getByLabel(person.age, { exact: true }).check();
    await fieldset.getByRole("group", { name: "Gender" }).getByLabel(person.gender, { exact: true }).check();
    await fieldset.getByLabel("Nationality (if known)").fill(person.nationality);
    await fieldset.getByLabel("Languages").fill(person.languages);
    await fieldset.getByRole("group", { name: "Is an interpreter needed?" }).getByLabel(person.interpreter, { exact: true }).check();
    await fieldset.getByLabel("Food and water").check();
  }
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "log-rescue");

  await page.getByRole("button", { name: "Log rescue and start pathways" }).click();
  await expect(page.getByTestId("notification-banner")).toContainText("3 people are now on the pathway");
  await expect(page.getByRole("link", { name: PEOPLE[0]!.description })).toBeVisible();
  await expect(page.getByText("Child · 9 stages")).toBeVisible();

  await page.getByRole("link", { name: PEOPLE[0]!.description }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PEOPLE[0]!.description);
  const personUrl = page.url();
  const accommodation = page.getByTestId("stage-accommodation");
  await expect(accommodation).toContainText("Teesmoor Council Safeguarding");
  await expect(accommodation.getByTestId("stage-clock")).toHaveAttribute("data-clock", "due");
  await expect(accommodation.getByTestId("stage-clock")).toContainText(/3 h 5\d min left/);
  // Police do not own accommodation: no way to change it from here.
  await expect(accommodation.getByRole("link", { name: /Update/ })).toHaveCount(0);
  await expect(page.getByTestId("stage-immediate-safety").getByRole("link", { name: /Update/ })).toBeVisible();
  await expect(page.getByTestId("timeline")).toContainText("Teesmoor Police logged the rescue");
  await expect(page.getByTestId("timeline")).not.toContainText("RESCUE_LOGGED");
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "pathway-police");
  await leaveBrowser(page);

  await signIn(page, COUNCIL_CASEWORKER);
  await page.goto(personUrl);
  await page.getByTestId("stage-accommodation").getByRole("link", { name: "Update Emergency accommodation" }).click();
  await expect(page.getByRole("heading", { name: "Emergency accommodation" })).toBeVisible();

  // Bad input: the error appears next to the field and the choice made is kept.
  await page.getByLabel("Mark as done").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Enter the outcome");
  await expect(page.getByLabel("Mark as done")).toBeChecked();
  await expectNoAxeViolations(page);

  await page.getByLabel("Outcome or reason").fill("Placed in council emergency accommodation (fictional)");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL((url) => url.href.startsWith(`${personUrl}?changed=`));
  await expect(page.getByTestId("notification-banner")).toContainText("Emergency accommodation marked done.");
  const done = page.getByTestId("stage-accommodation").getByTestId("stage-clock");
  await expect(done).toHaveAttribute("data-clock", "done");
  await expect(done).toContainText(/Done in \d+ min, within target|Done in less than 1 min, within target/);
  const latest = page.getByTestId("timeline").locator("li").first();
  await expect(latest).toContainText("Teesmoor Council Safeguarding completed Emergency accommodation");
  await expect(latest).toContainText("by Demo Council Caseworker, Teesmoor Council Safeguarding");
  await expect(latest).toContainText("Placed in council emergency accommodation (fictional)");
  // The same entry as hours since rescue, through a plain link (no script needed).
  await page.getByRole("link", { name: "Show time since rescue" }).click();
  await expect(page).toHaveURL(/time=since-rescue/);
  await expect(page.getByTestId("timeline").locator("li").first().getByTestId("timeline-when")).toContainText(/^T\+\d+ min · \d+ \w+ \d{4}, \d\d:\d\d (GMT|BST)$/);
  await expect(page.getByTestId("timeline").locator("li").last().getByTestId("timeline-when")).toContainText(/^T\+\d+ min · /);
  await page.getByRole("link", { name: "Show clock times" }).click();
  await expect(page.getByTestId("timeline").locator("li").first().getByTestId("timeline-when")).not.toContainText("T+");
  await screenshotAtBothWidths(page, "pathway-after-accommodation");

  await leaveBrowser(page);
  await page.goto(personUrl);
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a signed-out visitor reaches nothing but the sign-in page", async ({ page }) => {
  for (const path of ["/", "/people", "/rescues/new", "/account", "/people/00000000-0000-4000-8000-000000000000"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/sign-in$/);
  }
  await expectNoAxeViolations(page);
  await screenshotAtBothWidths(page, "sign-in");
});

test("a wrong password is refused with one message that does not say which part was wrong", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(POLICE_CASEWORKER);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("The email address or password is not right");
  await expect(page.getByLabel("Email address")).toHaveValue(POLICE_CASEWORKER);
  await expect(page).toHaveURL(/\/sign-in/);
});
