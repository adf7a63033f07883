import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { leaveBrowser, POLICE_CASEWORKER, screenshotAtBothWidths, signIn } from "./support";

const PCC = "pcc@demo.example";

/** The first person the signed-in user can open from /people, whatever the list looks like. */
async function openFirstPerson(page: Page) {
  await page.goto("/people");
  const href = await page.locator('main a[href^="/people/"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  await page.goto(href!.split("?")[0]!);
  await expect(page.getByTestId("stage-list")).toBeVisible();
}

test.describe("focus after an action and after navigation", () => {
  test("a confirmation after a redirect takes focus and is announced as an alert", async ({ page }) => {
    await signIn(page, POLICE_CASEWORKER);
    await openFirstPerson(page);
    const personPath = new URL(page.url()).pathname;

    // A note added: the page redirects with a banner, which takes focus.
    await page.getByText("Add a note", { exact: true }).click();
    await page.getByLabel("Note", { exact: true }).fill("Keyboard focus check (fictional)");
    await page.getByRole("button", { name: /Add note/ }).click();
    const banner = page.getByTestId("notification-banner");
    await expect(banner).toContainText("Note added to the timeline.");
    await expect(banner).toHaveAttribute("role", "alert");
    await expect(banner).toBeFocused();
    // The next Tab carries on from the banner, inside the page's content, not from the top.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("#main") !== null)).toBe(true);

    // A stage saved (the stage page redirects to the person with a banner): focused too.
    await page.goto(personPath);
    await page.getByTestId("stage-list").getByRole("link", { name: /^Update/ }).first().click();
    await expect(page.getByRole("button", { name: "Save" })).toBeVisible();
    await page.getByRole("group", { name: "What do you want to do?" }).getByRole("radio").first().check();
    await page.getByLabel("Outcome or reason").fill("Focus check (fictional)");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page).toHaveURL(/\?changed=/);
    await expect(page.getByTestId("notification-banner")).toBeFocused();
    await screenshotAtBothWidths(page, "person-banner-focused");
  });

  test("after following a link in the app, the next Tab reaches the skip link", async ({ page }) => {
    await signIn(page, POLICE_CASEWORKER);
    await page.goto("/queue");
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "People", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/people$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();

    // And again from a link inside the page's content.
    await nav.getByRole("link", { name: "Log a rescue", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/rescues\/new$/);
    await expect(page.getByRole("heading", { name: "Log a rescue" })).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  });
});

test("the error summary of a many-person rescue says which person each error is about, in form order", async ({ page }) => {
  await signIn(page, POLICE_CASEWORKER);
  await page.goto("/rescues/new");
  await page.getByRole("button", { name: "Add another person" }).click();
  await page.getByRole("button", { name: "Add another person" }).click();
  const second = page.getByTestId("person-fieldset").nth(1);
  await second.getByLabel("Description").fill("Man, about 40 (fictional)");
  await second.getByRole("group", { name: "Age group" }).getByLabel("Adult", { exact: true }).check();
  await page.getByRole("button", { name: "Log rescue and start pathways" }).click();

  const links = page.getByTestId("error-summary").getByRole("link");
  await expect(links.first()).toBeVisible();
  const texts = await links.allTextContents();
  // The rescue's own field first, with no person named.
  expect(texts[0]).toContain("Enter the town or postcode district");
  const people = texts.filter((text) => text.startsWith("Person "));
  expect(people.length).toBeGreaterThan(3);
  // Person 1's errors, then person 2's, then person 3's: each names its person.
  const numbers = people.map((text) => Number(/^Person (\d+):/.exec(text)?.[1]));
  expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  expect(new Set(numbers)).toEqual(new Set([1, 2, 3]));
  const nameMissing = people.filter((text) => text.includes("Enter a name, or a description")).map((text) => text.slice(0, 8));
  expect(nameMissing).toEqual(["Person 1", "Person 3"]);
  // Within a person, in the order of their fields: the name comes before the gender.
  const first = people.filter((text) => text.startsWith("Person 1:"));
  expect(first.findIndex((text) => text.includes("name"))).toBeLessThan(first.findIndex((text) => text.includes("gender")));
  await screenshotAtBothWidths(page, "rescue-error-summary");
  await page.setViewportSize({ width: 390, height: 900 });
  await page.getByTestId("error-summary").screenshot({ path: "screenshots/rescue-error-summary-detail-390.png" });
});

/** WCAG 1.4.12's text spacing, set on every element through the CSSOM (an injected stylesheet would break the CSP). */
async function applyTextSpacing(page: Page) {
  await page.evaluate(() => {
    for (const element of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
      element.style.setProperty("line-height", "1.5", "important");
      element.style.setProperty("letter-spacing", "0.12em", "important");
      element.style.setProperty("word-spacing", "0.16em", "important");
      if (element.tagName === "P") element.style.setProperty("margin-bottom", "2em", "important");
    }
  });
}

/** Summary-list rows whose label box overlaps its value box, and text that spills out of or is cut off by its box. */
async function layoutProblems(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (element: Element) => `${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim().slice(0, 40)}"`;
    for (const row of Array.from(document.querySelectorAll("dl > div"))) {
      const dt = row.querySelector("dt");
      const dd = row.querySelector("dd");
      if (!dt || !dd) continue;
      const a = dt.getBoundingClientRect();
      const b = dd.getBoundingClientRect();
      const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (overlapX > 1 && overlapY > 1) problems.push(`${describe(dt)} overlaps its value`);
    }
    const inScrollRegion = (element: Element) => {
      for (let node = element.parentElement; node; node = node.parentElement) {
        const overflow = getComputedStyle(node).overflowX;
        if (overflow === "auto" || overflow === "scroll") return true;
      }
      return false;
    };
    for (const element of Array.from(document.querySelectorAll<HTMLElement>("main dt, main dd, main th, main td, main p, main li, main h1, main h2, main h3, main label, main legend, main a, main button"))) {
      if (element.closest(".sr-only") || element.getClientRects().length === 0 || inScrollRegion(element)) continue;
      const style = getComputedStyle(element);
      const clips = style.overflowX === "hidden" || style.overflowX === "clip" || style.overflowY === "hidden" || style.overflowY === "clip";
      if (element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0) problems.push(`${describe(element)} is wider than its box`);
      if (clips && element.scrollHeight > element.clientHeight + 1) problems.push(`${describe(element)} is cut off`);
    }
    return problems;
  });
}

test.describe("WCAG 1.4.12 text spacing", () => {
  for (const width of [1024, 1280]) {
    test(`at ${width} px, labels never overlap their values and no text is cut off`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.setViewportSize({ width, height: 900 });
      await signIn(page, POLICE_CASEWORKER);
      await openFirstPerson(page);
      const personPath = new URL(page.url()).pathname;
      await expect(page.getByTestId("summary-list").first()).toBeVisible();
      expect(await layoutProblems(page), "person page, as designed").toEqual([]);
      await applyTextSpacing(page);
      expect(await layoutProblems(page), "person page, with text spacing").toEqual([]);
      await page.getByTestId("summary-list").first().screenshot({ path: `screenshots/summary-list-text-spacing-${width}.png` });

      await page.goto(personPath);
      await page.getByTestId("stage-list").getByRole("link", { name: /^Update/ }).first().click();
      await expect(page.getByRole("button", { name: "Save" })).toBeVisible();
      await applyTextSpacing(page);
      expect(await layoutProblems(page), "stage page, with text spacing").toEqual([]);

      await leaveBrowser(page);
      await signIn(page, PCC);
      await page.goto("/dashboard");
      await expect(page.getByTestId("dashboard-contents")).toBeVisible();
      await applyTextSpacing(page);
      expect(await layoutProblems(page), "dashboard, with text spacing").toEqual([]);

      if (width === 1280) {
        // A filtered view has a title of its own; a query that does not parse is an error.
        await expect(page).toHaveTitle(/^Dashboard: [A-Z][a-z]+ \d{4} – Victim Care Pathway$/);
        await page.goto("/dashboard?ageGroup=CHILD");
        await expect(page).toHaveTitle(/^Dashboard: [A-Z][a-z]+ \d{4}, child – Victim Care Pathway$/);
        await page.goto("/dashboard?ageGroup=NOT-A-GROUP");
        await expect(page).toHaveTitle("Error: Dashboard – Victim Care Pathway");
      }
    });
  }
});

test("timeline entries and error pages read as words: no raw codes, and error titles say what went wrong", async ({ page }) => {
  await signIn(page, POLICE_CASEWORKER);
  await openFirstPerson(page);
  const main = (await page.locator("main").innerText()) + (await page.title());
  expect(main.match(/\b[A-Z]{2,}(?:_[A-Z]+)+\b/g) ?? []).toEqual([]);

  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page).toHaveTitle("Error: Page not found – Victim Care Pathway");
  // A record outside the user's view is the same page.
  await page.goto("/people/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page).toHaveTitle("Error: Page not found – Victim Care Pathway");
});
