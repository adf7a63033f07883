// The canary: the demo seed records an obviously fictional accommodation address (and a police-only
// and a health-only note). Signed in as every demo account without the right to read it, walk every
// page they can reach, and look for it in EVERY response the browser receives: HTML, RSC payloads of
// client-side navigations and prefetches, server action responses. It must never be there.
import type { Page } from "@playwright/test";
import pg from "pg";
import { DEMO_ACCOUNTS, type DemoAccount } from "../../prisma/demo-accounts";
import {
  CANARY_ADDRESS,
  CANARY_FRAGMENT,
  CANARY_PERSON_NAME,
  HEALTH_NOTE_FRAGMENT,
  HEALTH_ONLY_NOTE,
  POLICE_NOTE_FRAGMENT,
  POLICE_ONLY_NOTE,
} from "../../prisma/seed/canary";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, inParallel, screenshotAtBothWidths, signIn } from "./support";

// Pages every role might reach; a page a role may not open (or that does not exist) answers 404,
// and that answer is scanned too.
const START_PAGES = ["/", "/people", "/queue", "/cases", "/possible-matches", "/dashboard", "/notifications", "/referrals", "/admin/audit", "/admin/break-glass", "/admin/settings", "/admin/agencies", "/account", "/rescues/new"];
// Links found on the way are followed too, up to this many pages per account.
const MAX_PAGES = 40;

type Secret = { name: string; fragment: string; mayRead: (account: DemoAccount) => boolean };

type Canary = {
  personId: string;
  rescueId: string;
  stageIds: string[];
  otherPlacedPersonIds: string[];
  providerKind: string;
};

let canary: Canary;

test.beforeAll(async () => {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set (Playwright's webServer passes it)");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const person = await client.query<{ id: string; rescueId: string; address: string; providerKind: string }>(
      `SELECT p.id, p."rescueId", ap.address, a.kind AS "providerKind"
         FROM "Person" p
         JOIN "PersonIdentity" i ON i."personId" = p.id
         JOIN "AccommodationPlacement" ap ON ap."personId" = p.id
         JOIN "Agency" a ON a.id = ap."providerAgencyId"
        WHERE i.name = $1`,
      [CANARY_PERSON_NAME],
    );
    expect(person.rows, "the demo seed places exactly one canary person").toHaveLength(1);
    const row = person.rows[0]!;
    // The seed and this test agree on the string, so a search that finds nothing is meaningful.
    expect(row.address).toBe(CANARY_ADDRESS);
    const stages = await client.query<{ id: string }>(`SELECT id FROM "Stage" WHERE "personId" = $1`, [row.id]);
    const others = await client.query<{ personId: string }>(`SELECT "personId" FROM "AccommodationPlacement" WHERE "personId" <> $1`, [row.id]);
    const notes = await client.query<{ text: string }>(`SELECT text FROM "TimelineEvent" WHERE "personId" = $1 AND sensitivity <> 'GENERAL'`, [row.id]);
    expect(notes.rows.map((n) => n.text).sort()).toEqual([HEALTH_ONLY_NOTE, POLICE_ONLY_NOTE].sort());
    expect(POLICE_ONLY_NOTE).toContain(POLICE_NOTE_FRAGMENT);
    expect(HEALTH_ONLY_NOTE).toContain(HEALTH_NOTE_FRAGMENT);
    canary = {
      personId: row.id,
      rescueId: row.rescueId,
      stageIds: stages.rows.map((s) => s.id),
      otherPlacedPersonIds: others.rows.map((o) => o.personId),
      providerKind: row.providerKind,
    };
  } finally {
    await client.end();
  }
});

const worksCases = (account: DemoAccount) => account.role === "CASEWORKER" || account.role === "AGENCY_LEAD";

// Written from the requirements, not from the code: the address goes only to the providing agency and
// police; a police note only to police (who wrote it); a health note only to health (who wrote it).
const SECRETS: Secret[] = [
  { name: "the accommodation address", fragment: CANARY_FRAGMENT, mayRead: (a) => worksCases(a) && (a.agencyKind === "POLICE" || a.agencyKind === canary.providerKind) },
  { name: "the police-only note", fragment: POLICE_NOTE_FRAGMENT, mayRead: (a) => worksCases(a) && a.agencyKind === "POLICE" },
  { name: "the health-only note", fragment: HEALTH_NOTE_FRAGMENT, mayRead: (a) => worksCases(a) && a.agencyKind === "HEALTH" },
];

/** Keeps the body of every response the page receives (except the live event stream, which never ends). */
type Recorded = { url: string; status: number; type: string; body: string };

/** Responses fetched over HTTP with the page's session (the walk, and the dashboard's CSV downloads). */
let downloads: Promise<Recorded>[] = [];

function recordResponses(page: Page) {
  const pending: Promise<Recorded>[] = [];
  downloads = pending;
  page.on("response", (response) => {
    const url = response.url();
    if (new URL(url).pathname.startsWith("/api/live")) return;
    const status = response.status();
    const type = response.headers()["content-type"] ?? "";
    pending.push(
      response.text().then(
        (body) => ({ url, status, type, body }),
        // Redirects have no body to read.
        () => ({ url, status, type, body: "" }),
      ),
    );
  });
  return async function settled() {
    // Responses can still be arriving (prefetches): wait until no new ones have started.
    let seen = -1;
    while (seen !== pending.length) {
      seen = pending.length;
      await Promise.all(pending);
    }
    return Promise.all(pending);
  };
}

async function visit(page: Page, path: string) {
  await page.goto(path, { waitUntil: "load" });
}

/** Pages fetched at once per account: under the app's 8 requests in flight, so none waits to be let in. */
const PARALLEL_FETCHES = 4;

/**
 * A GET with the page's session cookie, kept with the browser's own responses. An answer of "busy"
 * (admission control, 503) says nothing about the page: asked again, and a page still busy fails the test.
 */
function fetchWithSession(page: Page, path: string, headers: Record<string, string> = {}): Promise<Recorded> {
  const fetched = (async () => {
    for (let attempt = 1; ; attempt++) {
      const response = await page.request.get(path, { headers });
      const recorded = { url: response.url(), status: response.status(), type: response.headers()["content-type"] ?? "", body: await response.text() };
      if (recorded.status !== 503 || attempt === 3) return recorded;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  })();
  downloads.push(fetched);
  return fetched;
}

/**
 * One page as the browser would get it, without drawing it: its HTML and its RSC payload (what a
 * client-side navigation or a prefetch of it receives). Returns the same-origin page links in the HTML.
 */
async function fetchPage(page: Page, path: string): Promise<string[]> {
  if (path.startsWith("/dashboard/export")) {
    await fetchWithSession(page, path);
    return [];
  }
  const [html] = await Promise.all([fetchWithSession(page, path), fetchWithSession(page, path, { RSC: "1" })]);
  return [...html.body.matchAll(/<a [^>]*href="(\/[^"#]*)/g)]
    .map((match) => match[1]!.replaceAll("&amp;", "&"))
    .filter((href) => !href.startsWith("/api/") && !href.startsWith("/sign-") && !href.startsWith("/_next/"));
}

/** Every page this account can reach, by address, by following links, and through client-side navigation. */
async function walk(page: Page, account: DemoAccount): Promise<string[]> {
  const { personId, rescueId, stageIds, otherPlacedPersonIds } = canary;
  const mustVisit = [
    ...START_PAGES,
    `/people/${personId}`,
    `/people/${personId}/accommodation`,
    // The chronology gathers everything the reader may see: it must hold nothing else.
    `/people/${personId}/chronology`,
    `/cases/${personId}/close`,
    `/cases/${personId}/reopen`,
    ...stageIds.map((id) => `/people/${personId}/stages/${id}`),
    `/cases/${personId}`,
    `/rescues/${rescueId}`,
    ...otherPlacedPersonIds.flatMap((id) => [`/people/${id}`, `/people/${id}/accommodation`, `/cases/${id}`]),
  ];
  const limit = Math.max(MAX_PAGES, mustVisit.length);
  const visited = new Set<string>();
  // Fetched over HTTP with the account's session, not drawn: drawing every page in the browser made
  // this walk most of the e2e run's time. Breadth first, one round of links at a time, several at once.
  let round = [...new Set(mustVisit)];
  while (round.length > 0 && visited.size < limit) {
    round = round.slice(0, limit - visited.size);
    for (const path of round) visited.add(path);
    const links = (await inParallel(round, PARALLEL_FETCHES, (path) => fetchPage(page, path))).flat();
    round = [...new Set(links)].filter((link) => !visited.has(link));
  }

  // What a browser receives too, where a browser is the point: a client-side navigation into the
  // canary person's record, where this account can open it, and (below) the forms' action responses.
  // Every page's RSC payload was fetched above, the whole tree: a client-side navigation gets a part of
  // it (links do not prefetch: docs/decisions/0037), so clicking through the menu too, as this walk did,
  // added time and no response the fetches had not already scanned.
  await visit(page, `/people/${personId}`);
  const toAccommodation = page.getByRole("link", { name: /accommodation address/ });
  if (await toAccommodation.count()) {
    await toAccommodation.first().click();
    await page.waitForURL(/\/accommodation$/);
  }

  await submitWhatTheyCan(page, account);
  return [...visited];
}

/** Server action responses carry the page's new payload: submit the forms this account has on the canary's record. */
async function submitWhatTheyCan(page: Page, account: DemoAccount) {
  await visit(page, `/people/${canary.personId}`);
  const addNote = page.getByText("Add a note", { exact: true });
  if (await addNote.count()) {
    await addNote.click();
    await page.getByLabel("Note", { exact: true }).fill(`Canary check by ${account.email}: a general note (fictional)`);
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByTestId("notification-banner")).toContainText("Note added");
  }
  await visit(page, `/cases/${canary.personId}`);
  const breakGlass = page.getByLabel("Why do you need to see who this person is?");
  if (await breakGlass.count()) {
    await breakGlass.fill("Canary check: the identity view must never show where the person is staying (fictional)");
    await page.getByRole("button", { name: "View identity" }).click();
    await expect(page.getByTestId("identity")).toBeVisible();
  }
}

const withoutAnyRight = (account: DemoAccount) => SECRETS.filter((secret) => !secret.mayRead(account));

// Accounts with the same role in the same kind of agency may read exactly the same: one walk each.
const ONE_PER_PROFILE = DEMO_ACCOUNTS.filter(
  (account, index) => DEMO_ACCOUNTS.findIndex((other) => other.role === account.role && other.agencyKind === account.agencyKind) === index,
);

test.describe("the canary never reaches a user without the right", () => {
  for (const account of ONE_PER_PROFILE) {
    test(`${account.email}: nothing they may not read is in any response`, async ({ page }) => {
      test.setTimeout(240_000);
      const forbidden = withoutAnyRight(account);
      test.skip(forbidden.length === 0, "this account may read every planted string");

      const settled = recordResponses(page);
      await signIn(page, account.email);
      const pages = await walk(page, account);
      const responses = await settled();

      expect(pages.length).toBeGreaterThanOrEqual(START_PAGES.length);
      // A "busy" answer would hide the page it stands for (prefetches may be refused: they carry nothing).
      const busy = responses.filter((r) => r.status === 503 && !r.url.includes("_rsc=")).map((r) => r.url);
      expect(busy, "pages answered busy instead of being scanned").toEqual([]);
      expect(responses.filter((r) => r.body.length > 0).length).toBeGreaterThan(pages.length);
      // Not only HTML: the RSC payloads of client-side navigations were read too.
      expect(responses.filter((r) => r.type.startsWith("text/x-component") && r.body.length > 0).length).toBeGreaterThan(0);
      for (const secret of forbidden) {
        const leaks = responses.filter((r) => r.body.includes(secret.fragment)).map((r) => `${r.status} ${r.url}`);
        expect(leaks, `${secret.name} reached ${account.email}`).toEqual([]);
      }
      // The same walk does bring what the account may read, so a search that finds nothing above is meaningful.
      for (const secret of SECRETS.filter((one) => one.mayRead(account))) {
        expect(responses.some((r) => r.body.includes(secret.fragment)), `${secret.name} should reach ${account.email}`).toBe(true);
      }
    });
  }
});

test.describe("the canary is there for those who may read it (so the checks above can fail)", () => {
  test("the police caseworker receives and sees the address and the police-only note, marked as such", async ({ page }) => {
    const settled = recordResponses(page);
    await signIn(page, "police.caseworker@demo.example");
    await visit(page, `/people/${canary.personId}`);

    await expect(page.getByTestId("accommodation-address")).toHaveText(CANARY_ADDRESS);
    await expect(page.getByTestId("timeline")).toContainText(POLICE_ONLY_NOTE);
    await expect(page.getByTestId("timeline").getByTestId("note-sensitivity").first()).toHaveText("Police only");
    const responses = await settled();
    expect(responses.some((r) => r.body.includes(CANARY_FRAGMENT))).toBe(true);
    expect(responses.some((r) => r.body.includes(POLICE_NOTE_FRAGMENT))).toBe(true);
    expect(responses.some((r) => r.body.includes(HEALTH_NOTE_FRAGMENT))).toBe(false);
  });

  test("the health caseworker sees the health-only note and is told who arranged the accommodation, without the address", async ({ page }) => {
    await signIn(page, "health.caseworker@demo.example");
    await visit(page, `/people/${canary.personId}`);

    await expect(page.getByTestId("timeline")).toContainText(HEALTH_ONLY_NOTE);
    await expect(page.getByTestId("accommodation")).toContainText(
      "Accommodation arranged by Teesmoor Council Safeguarding; the address is only shown to that agency and police.",
    );
    await expect(page.getByTestId("accommodation-address")).toHaveCount(0);
  });
});

test.describe("recording an address and a restricted note through the forms", () => {
  test("the council caseworker (the provider) replaces an address; a police caseworker writes a police-only note", async ({ browser }) => {
    // Three sign-ins and two axe runs.
    test.setTimeout(120_000);
    const [secondPersonId] = canary.otherPlacedPersonIds;
    if (!secondPersonId) throw new Error("the demo seed places a second person");
    const newAddress = `Room 9, 2 ${CANARY_FRAGMENT}, Teesmoor TS0 0ZY`;

    // A browser of their own for each user, as three people at three desks.
    const signedIn = async (email: string) => {
      const page = await (await browser.newContext()).newPage();
      await signIn(page, email);
      return page;
    };

    let page = await signedIn("council.caseworker@demo.example");
    await visit(page, `/people/${secondPersonId}`);
    await page.getByRole("link", { name: "Change the accommodation address" }).click();
    await expect(page.getByRole("heading", { name: "Accommodation address", level: 1 })).toBeVisible();
    await expect(page.getByText("Only Teesmoor Council Safeguarding (who arrange this person's accommodation) and police.")).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshotAtBothWidths(page, "accommodation-address");

    await page.getByRole("button", { name: "Replace the address" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Enter the address");
    await expect(page.getByLabel("New address")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("New address").fill(newAddress);
    await page.getByRole("button", { name: "Replace the address" }).click();

    await expect(page.getByTestId("notification-banner")).toContainText("Accommodation address recorded");
    await expect(page.getByTestId("accommodation-address")).toHaveText(newAddress);
    await expect(page.getByTestId("timeline")).toContainText("Teesmoor Council Safeguarding recorded the accommodation address");

    page = await signedIn("police.caseworker@demo.example");
    await visit(page, `/people/${secondPersonId}`);
    await expect(page.getByTestId("accommodation-address")).toHaveText(newAddress);
    await page.getByText("Add a note", { exact: true }).click();
    await expect(page.getByRole("group", { name: "Who can read this note" }).getByLabel("General")).toBeChecked();
    await expectNoAxeViolations(page);
    await page.getByLabel("Note", { exact: true }).fill("Police only (e2e): statement taken (fictional)");
    await page.getByRole("group", { name: "Who can read this note" }).getByLabel("Police only").check();
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByTestId("notification-banner")).toContainText("Note added");
    const entry = page.getByTestId("timeline").getByRole("listitem").filter({ hasText: "statement taken" });
    await expect(entry.getByTestId("note-sensitivity")).toHaveText("Police only");

    page = await signedIn("vcas.caseworker@demo.example");
    await visit(page, `/people/${secondPersonId}`);
    await expect(page.getByTestId("timeline")).not.toContainText("statement taken");
    await expect(page.getByTestId("accommodation")).toContainText("the address is only shown to that agency and police");
    await expect(page.getByTestId("accommodation-address")).toHaveCount(0);
  });
});
