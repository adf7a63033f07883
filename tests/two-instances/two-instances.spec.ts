// Two app servers behind nginx, one database (scripts/two-instances.ts starts them). A session made
// through the proxy works on either instance, server actions work on both, a change made on instance 1
// reaches a browser connected to instance 2 within 2 s, and the job runner's sweeps run once.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test } from "../e2e/fixtures";
import { COUNCIL_CASEWORKER, signIn, withDatabase } from "../e2e/support";

const COUNCIL_LEAD = "council.lead@demo.example";
const PROXY = process.env.TWO_INSTANCES_PROXY!;
const [ONE, TWO] = (process.env.TWO_INSTANCES_URLS ?? "").split(",") as [string, string];
const LIVE_WITHIN_MS = 2_000;

test.describe.configure({ mode: "serial" });

let personUrlPath = "";

async function signedIn(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: PROXY });
  const page = await context.newPage();
  // Through the proxy: whichever instance nginx picks makes the session.
  await signIn(page, email);
  return { context, page };
}

async function logOnePerson(page: Page, origin: string, description: string): Promise<string> {
  await page.goto(`${origin}/rescues/new`);
  await page.getByLabel("Place").fill("Stockton (fictional)");
  const fieldset = page.getByTestId("person-fieldset").first();
  await fieldset.getByLabel("Description").fill(description);
  await fieldset.getByRole("group", { name: "Age group" }).getByLabel("Adult", { exact: true }).check();
  await fieldset.getByRole("group", { name: "Gender" }).getByLabel("Female", { exact: true }).check();
  await fieldset.getByLabel("Languages").fill("English");
  await fieldset.getByRole("group", { name: "Is an interpreter needed?" }).getByLabel("No", { exact: true }).check();
  await page.getByRole("button", { name: "Log rescue and start pathways" }).click();
  await expect(page.getByTestId("notification-banner")).toContainText("on the pathway");
  expect(new URL(page.url()).origin).toBe(origin);
  await page.getByRole("link", { name: description }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(description);
  return new URL(page.url()).pathname;
}

test("nginx spreads requests over both instances", async ({ request }) => {
  const upstreams = new Set<string>();
  for (let i = 0; i < 8; i++) {
    const response = await request.get(`${PROXY}/sign-in`);
    expect(response.status()).toBe(200);
    upstreams.add(response.headers()["x-upstream"] ?? "");
  }
  expect([...upstreams].sort()).toEqual([ONE, TWO].map((url) => new URL(url).host).sort());
});

test("a session made through the proxy works on each instance, and server actions work on both", async ({ browser }) => {
  const { context, page } = await signedIn(browser, COUNCIL_CASEWORKER);
  // The same cookie (cookies do not depend on the port) sent straight to each instance.
  for (const origin of [ONE, TWO]) {
    const response = await page.goto(`${origin}/queue`);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/queue");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("queue");
  }
  const stamp = Date.now();
  await logOnePerson(page, ONE, `Woman, about 30, logged on instance one ${stamp} (fictional)`);
  personUrlPath = await logOnePerson(page, TWO, `Woman, about 31, logged on instance two ${stamp} (fictional)`);
  await context.close();
});

test("a stage started on instance 1 shows within 2 s on a page open on instance 2", async ({ browser }) => {
  const watcher = await signedIn(browser, COUNCIL_CASEWORKER);
  await watcher.page.goto(`${TWO}${personUrlPath}`);
  const accommodation = watcher.page.getByTestId("stage-accommodation");
  await expect(accommodation).toContainText("Not started");
  await expect(watcher.page.getByTestId("live-status")).toHaveAttribute("data-connection", "open");

  const lead = await signedIn(browser, COUNCIL_LEAD);
  await lead.page.goto(`${ONE}${personUrlPath}`);
  await lead.page.getByTestId("stage-accommodation").getByRole("link", { name: "Update Emergency accommodation" }).click();
  const stageForm = lead.page.locator("form").filter({ has: lead.page.getByLabel("Start this stage") });
  await stageForm.getByLabel("Start this stage").check();
  const clicked = Date.now();
  await stageForm.getByRole("button", { name: "Save" }).click();
  await expect(lead.page.getByTestId("notification-banner")).toContainText("Emergency accommodation started.");
  expect(new URL(lead.page.url()).origin).toBe(ONE);
  // The change is committed before instance 1 answers the save: from here it has 2 s to reach instance 2.
  const saved = Date.now();
  await expect(accommodation).toContainText("In progress", { timeout: LIVE_WITHIN_MS });
  const seen = Date.now();
  console.log(`Live update on instance 2: ${seen - saved} ms after instance 1 confirmed the save (${seen - clicked} ms after the click)`);
  expect(seen - saved).toBeLessThanOrEqual(LIVE_WITHIN_MS);
  await Promise.all([watcher.context.close(), lead.context.close()]);
});

test("escalation and summary sweeps run once across both instances", async () => {
  test.setTimeout(240_000);
  // An overdue stage: the person logged above, health check due twenty days ago (before any of the demo's own overdue stages).
  const personId = personUrlPath.split("/").pop()!;
  const stageId = await withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `UPDATE "Stage" s SET "dueAt" = now() - interval '20 days' FROM "PathwayStageTemplate" t
       WHERE s."templateStageId" = t.id AND t.key = 'health-check' AND s."personId" = $1 RETURNING s.id`,
      [personId],
    );
    return rows[0]!.id;
  });
  const escalations = () =>
    withDatabase(async (client) => (await client.query<{ level: string; n: number }>(`SELECT level::text, count(*)::int AS n FROM "Escalation" WHERE "stageId" = $1 GROUP BY level ORDER BY level`, [stageId])).rows);
  // The next cron minute's sweep raises it (both instances run workers; one of them gets the job).
  await expect.poll(async () => (await escalations()).length, { timeout: 90_000, intervals: [2_000] }).toBeGreaterThan(0);
  const raisedAt = new Date();

  // Wait until a further sweep has completed after it, with both workers polling.
  await expect
    .poll(
      () =>
        withDatabase(async (client) => {
          const { rows } = await client.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM (SELECT completed_on FROM pgboss.job WHERE name = 'escalation-sweep' AND state = 'completed'
             UNION ALL SELECT completed_on FROM pgboss.archive WHERE name = 'escalation-sweep' AND state = 'completed') j WHERE completed_on > $1`,
            [raisedAt],
          );
          return rows[0]!.n;
        }),
      { timeout: 90_000, intervals: [3_000] },
    )
    .toBeGreaterThan(0);

  // Once per level, and each recipient told once.
  for (const row of await escalations()) expect(row.n, `escalations at ${row.level}`).toBe(1);
  // Every notice about this person (to the lead, the coordinator) went out once: a second sweep that
  // raised the stage again would have sent a second row with a new escalation's key.
  const notices = await withDatabase(async (client) =>
    (await client.query<{ recipient: string; kind: string; n: number }>(
      `SELECT "recipientId" AS recipient, kind::text, count(*)::int AS n FROM "Notification" WHERE href LIKE '%' || $1 GROUP BY 1, 2`,
      [personId],
    )).rows,
  );
  expect(notices.length).toBeGreaterThan(0);
  for (const notice of notices) expect(notice.n, `${notice.kind} notices to one recipient`).toBe(1);

  // pg-boss's cron: each minute, whichever instance's clock fires first sends one "send it" job per
  // queue (its singleton key is the queue, one per 60 s); the other instance's attempt is refused.
  const cronJobs = await withDatabase(async (client) =>
    (await client.query<{ queue: string; minute: string; n: number }>(
      `SELECT singleton_key AS queue, singleton_on::text AS minute, count(*)::int AS n FROM (
         SELECT singleton_key, singleton_on FROM pgboss.job WHERE name = '__pgboss__send-it'
         UNION ALL SELECT singleton_key, singleton_on FROM pgboss.archive WHERE name = '__pgboss__send-it') j
       WHERE singleton_key IN ('escalation-sweep', 'contact-gap-sweep', 'dashboard-summaries') GROUP BY 1, 2`,
    )).rows,
  );
  expect(new Set(cronJobs.map((job) => job.queue))).toEqual(new Set(["escalation-sweep", "contact-gap-sweep", "dashboard-summaries"]));
  const twice = cronJobs.filter((job) => job.n > 1);
  expect(twice).toEqual([]);
});
