import { expect, test } from "./fixtures";
import { expectNoAxeViolations, leaveBrowser, POLICE_CASEWORKER, screenshotAtBothWidths, signIn } from "./support";

const ADULT = "Man, about 40, declined the NRM (fictional)";
const OUTCOME = "Consent explained in Lithuanian with an independent interpreter after rest (fictional)";

test("a police caseworker records an adult's NRM consent decision as Duty to Notify; health does not see it", async ({ page }) => {
  await signIn(page, POLICE_CASEWORKER);
  await page.goto("/rescues/new");
  await page.getByLabel("Place").fill("Redcar");
  const person = page.getByTestId("person-fieldset").nth(0);
  await person.getByLabel("Description").fill(ADULT);
  await person.getByRole("group", { name: "Age group" }).getByLabel("Adult", { exact: true }).check();
  await person.getByRole("group", { name: "Gender" }).getByLabel("Male", { exact: true }).check();
  await person.getByRole("group", { name: "Is an interpreter needed?" }).getByLabel("No", { exact: true }).check();
  await page.getByRole("button", { name: "Log rescue and start pathways" }).click();
  await expect(page.getByTestId("notification-banner")).toContainText("1 person");

  await page.getByRole("link", { name: ADULT }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ADULT);
  const personUrl = page.url();
  await page.getByTestId("stage-nrm-consent-decision").getByRole("link", { name: "Update NRM consent decision recorded" }).click();
  await expect(page.getByRole("heading", { name: "NRM consent decision recorded", level: 1 })).toBeVisible();

  // Marking it done without the decision: refused, with the message next to the decision and what was typed kept.
  const decision = page.getByRole("group", { name: "What did the person decide about the NRM?" });
  await expect(decision.getByRole("radio")).toHaveCount(2);
  await page.getByLabel("Mark as done").check();
  await page.getByLabel("Outcome or reason").fill(OUTCOME);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Choose what the person decided: NRM referral or Duty to Notify");
  await expect(decision).toContainText("Error: Choose what the person decided");
  await expect(page.getByLabel("Mark as done")).toBeChecked();
  await expect(page.getByLabel("Outcome or reason")).toHaveValue(OUTCOME);
  await expectNoAxeViolations(page);

  await decision.getByLabel("Declined — Duty to Notify sent (no identifying details)").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL((url) => url.href.startsWith(`${personUrl}?changed=`));
  await expect(page.getByTestId("notification-banner")).toContainText("NRM consent decision recorded marked done.");
  const stage = page.getByTestId("stage-nrm-consent-decision");
  await expect(stage.getByTestId("nrm-decision")).toHaveText("Decision: Duty to Notify");
  await expect(stage.getByTestId("stage-clock")).toHaveAttribute("data-clock", "done");
  const latest = page.getByTestId("timeline").locator("li").first();
  await expect(latest).toContainText("Teesmoor Police completed NRM consent decision recorded");
  await expect(latest).toContainText("Decision: Duty to Notify");
  await expect(latest).toContainText(OUTCOME);
  await screenshotAtBothWidths(page, "pathway-nrm-duty-to-notify");

  // The stage's own page says it too, and offers no more changes.
  await page.goto(`${personUrl}/stages/${new URL(page.url()).searchParams.get("changed")}`);
  await expect(page.getByTestId("nrm-decision")).toHaveText("Decision: Duty to Notify");
  await expect(page.getByText("This stage is finished and cannot be changed.")).toBeVisible();
  await expectNoAxeViolations(page);

  // Health's reduced view of a police stage: title and clock, not the decision.
  await leaveBrowser(page);
  await signIn(page, "health.caseworker@demo.example");
  await page.goto(personUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ADULT);
  await expect(page.getByTestId("stage-nrm-consent-decision")).toContainText("Done");
  await expect(page.getByTestId("nrm-decision")).toHaveCount(0);
  await expect(page.getByTestId("timeline")).not.toContainText("Duty to Notify");
});
