// The national categories (decision record 0019): each is recorded per person through the real
// log-a-rescue action, refused next to its field when it is not on its list, counted on the PCC
// dashboard through the one publish step, and, for nationality, mapped from the old free text by the
// migration's own SQL.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { personFormInput, rescueFormInput } from "../../prisma/factories";
import { matchNationality } from "@/domain/nationality/countries";
import type { DashboardTable } from "@/domain/reporting/publish-dashboard";
import type { Actor } from "@/server/access/actor";
import { getSessionUserId } from "@/server/auth/session";
import { parseDashboardFilters } from "@/server/dashboard/filters";
import { getDashboard } from "@/server/dashboard/get-dashboard";
import { exportDashboardTable } from "@/server/dashboard/export-dashboard-table";
import { db as appDb } from "@/server/db/client";
import { createPrismaClient } from "@/server/db/create-client";
import { getPersonPathway } from "@/server/people/get-person-pathway";
import { logRescue } from "@/server/rescues/log-rescue";
import { outcomeOf, toFormData } from "../support/form-data";
import { countCaseTables, createWorld, MINUTE, minute, type World } from "../support/world";

// Only who is signed in is faked (see server-actions-auth.test.ts for why each mock is needed).
vi.mock("@/server/auth/session", () => ({ getSessionUserId: vi.fn(async (): Promise<string | null> => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("@/server/auth/auth", () => ({ handlers: {}, auth: vi.fn(async () => null), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));

const db = createPrismaClient();
const sessionUserId = vi.mocked(getSessionUserId);

let world: World;
let police: Actor;

beforeAll(async () => {
  world = await createWorld(db, "national-categories");
  police = await world.actor("POLICE");
});

afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb.$disconnect()]);
});

/** Posts the log-a-rescue form as the police caseworker, through the real server action. */
async function postRescue(form: FormData) {
  sessionUserId.mockResolvedValue(police.id);
  const { logRescueAction } = await import("@/app/(app)/rescues/new/actions");
  return outcomeOf(() => logRescueAction({ fieldErrors: {} }, form));
}

const NATIONAL = { exploitationLocation: "OVERSEAS", countyLines: "YES", ageAtExploitation: "CHILD", referrerType: "HOME_OFFICE" };

describe("recording the national categories", () => {
  it("stores each answer on its person, the nationality as its code, and null for what was left unanswered", async () => {
    const outcome = await postRescue(
      toFormData(
        rescueFormInput({
          people: [
            personFormInput({ description: "Woman, answered (fictional)", nationality: "albanian", ...NATIONAL }),
            personFormInput({ description: "Man, stateless (fictional)", nationality: " Stateless ", exploitationLocation: "NOT_KNOWN", countyLines: "NOT_KNOWN" }),
            personFormInput({ description: "Man, unanswered (fictional)", nationality: "" }),
          ],
        }),
      ),
    );
    expect(outcome).toMatchObject({ redirectedTo: expect.stringMatching(/^\/rescues\/[0-9a-f-]+\?logged=1$/) });
    const rescueId = (outcome as { redirectedTo: string }).redirectedTo.split("/")[2]!.split("?")[0]!;
    const people = await db.person.findMany({ where: { rescueId }, include: { identity: true } });
    const of = (description: string) => people.find((person) => person.identity?.description === description)!;
    expect(of("Woman, answered (fictional)")).toMatchObject({ nationalityCode: "ALB", nationalityUnmatched: null, ...NATIONAL });
    expect(of("Man, stateless (fictional)")).toMatchObject({
      nationalityCode: "XXA",
      exploitationLocation: "NOT_KNOWN",
      countyLines: "NOT_KNOWN",
      ageAtExploitation: null,
      referrerType: null,
    });
    expect(of("Man, unanswered (fictional)")).toMatchObject({
      nationalityCode: null,
      nationalityUnmatched: null,
      exploitationLocation: null,
      countyLines: null,
      ageAtExploitation: null,
      referrerType: null,
    });

    // The person's record shows them to police.
    const view = await getPersonPathway(db, police, of("Woman, answered (fictional)").id);
    expect(view).toMatchObject({ nationalityCode: "ALB", ...NATIONAL });
  });

  it.each([
    ["nationality", "Atlantis", "Choose a country from the list, or ‘Not known’"],
    ["nationality", "Dominican", "Choose a country from the list, or ‘Not known’"],
    ["nationality", "ZZZ", "Choose a country from the list, or ‘Not known’"],
    ["exploitationLocation", "MARS", "Select where the exploitation took place from the list, or leave it unanswered"],
    ["exploitationLocation", "uk", "Select where the exploitation took place from the list, or leave it unanswered"],
    ["countyLines", "true", "Select yes, no or ‘Not known’ for county lines, or leave it unanswered"],
    ["ageAtExploitation", "AGE_DISPUTED", "Select adult, child or ‘Not known’ for the age at exploitation, or leave it unanswered"],
    ["referrerType", "MI5", "Select the type of organisation from the list, or leave it unanswered"],
  ])("refuses %s = %o next to the field, and writes nothing", async (field, value, message) => {
    const before = await countCaseTables(db);
    const outcome = await postRescue(toFormData(rescueFormInput({ people: [personFormInput(), personFormInput({ [field]: value })] })));
    expect(outcome).toEqual({ returned: expect.objectContaining({ fieldErrors: { [`people.1.${field}`]: message } }) });
    expect(await countCaseTables(db)).toEqual(before);
  });

  it("refuses an answer sent twice for one field, and cannot be given a code the list does not hold", async () => {
    const before = await countCaseTables(db);
    const form = toFormData(rescueFormInput({ people: [personFormInput({ referrerType: "POLICE" })] }));
    form.append("people.0.referrerType", "NGO");
    expect(await postRescue(form)).toEqual({
      returned: expect.objectContaining({ fieldErrors: { "people.0.referrerType": "Select the type of organisation from the list, or leave it unanswered" } }),
    });
    expect(await countCaseTables(db)).toEqual(before);

    // A field named like the stored column is not read: the code comes only from matching the list.
    const smuggled = toFormData(rescueFormInput({ people: [personFormInput({ nationality: "Vietnamese" })] }));
    smuggled.append("people.0.nationalityCode", "ZZZ");
    smuggled.append("people.0.nationalityUnmatched", "smuggled text (fictional)");
    const outcome = await postRescue(smuggled);
    const rescueId = (outcome as { redirectedTo: string }).redirectedTo.split("/")[2]!.split("?")[0]!;
    expect(await db.person.findFirstOrThrow({ where: { rescueId }, select: { nationalityCode: true, nationalityUnmatched: true } })).toEqual({
      nationalityCode: "VNM",
      nationalityUnmatched: null,
    });
  });

  it.each([["people.0.countyLines.__proto__"], ["people.0.referrerType.constructor"], ["people.0.nationality.prototype.x"]])(
    "refuses the whole form when a field is named %s, and writes nothing",
    async (name) => {
      const before = await countCaseTables(db);
      const form = toFormData(rescueFormInput({ people: [personFormInput(NATIONAL)] }));
      form.append(name, "YES");
      expect(await postRescue(form)).toEqual({ returned: { fieldErrors: {}, formError: "This form could not be read. Reload the page and fill it in again." } });
      expect(await countCaseTables(db)).toEqual(before);
    },
  );

  it("keeps the database's own check on the code's shape, whatever the app sends", async () => {
    const person = await db.person.findFirstOrThrow({ where: { rescue: { partnershipId: world.partnership.id } } });
    await expect(db.person.update({ where: { id: person.id }, data: { nationalityCode: "alb" } })).rejects.toThrow(/Person_nationalityCode_shape/);
    await expect(db.person.update({ where: { id: person.id }, data: { nationalityCode: "AL" } })).rejects.toThrow(/Person_nationalityCode_shape/);
  });
});

describe("the dashboard's national tables", () => {
  // A month of its own, far from the other tests' rescues: 13 people with crafted answers.
  const T0 = minute("2026-02-10T10:00:00Z");
  let national: World;
  let nationalPcc: Actor;

  /** Logs `count` people at once, each with these answers. */
  async function log(count: number, answers: Record<string, string>) {
    const logger = await national.actor("POLICE");
    const result = await logRescue(
      db,
      logger,
      rescueFormInput({ occurredAt: T0, people: Array.from({ length: count }, () => personFormInput({ interpreterNeeded: "no", ...answers })) }),
      new Date(T0.getTime() + 5 * MINUTE),
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
  }

  const dashboard = async (query: Record<string, string> = {}) => {
    const filters = parseDashboardFilters({ kind: "month", month: "2026-02", ...query }, new Date("2026-03-05T12:00:00Z"));
    if (!filters.ok) throw new Error(JSON.stringify(filters));
    return getDashboard(db, nationalPcc, filters.data, new Date("2026-03-05T12:00:00Z"));
  };
  const column = (table: DashboardTable) => Object.fromEntries(table.rows.map((row) => [row.label, row.cells[0]!.text]));

  beforeAll(async () => {
    national = await createWorld(db, "national-dashboard");
    nationalPcc = await national.actor("PCC_OFFICE", "PCC_OFFICE");
    // 6 Albanians exploited in both places, county lines, children then, referred by police;
    // 5 British, exploited in the UK, not county lines, adults, referred by the council;
    // 2 nobody asked (nationality typed before the list would have been free text: unanswered here).
    await log(6, { nationality: "Albanian", exploitationLocation: "BOTH", countyLines: "YES", ageAtExploitation: "CHILD", referrerType: "POLICE" });
    await log(5, { nationality: "English", exploitationLocation: "UK", countyLines: "NO", ageAtExploitation: "ADULT", referrerType: "LOCAL_AUTHORITY" });
    await log(2, { nationality: "" });
  });

  it("counts each category by its answers, with Not recorded, under the small-number rule", async () => {
    const { tables } = await dashboard();
    // The 2 unanswered are hidden, and with them the next smallest entry, so no hidden count follows from the total.
    expect(column(tables["uk-overseas"])).toEqual({
      UK: "[c]",
      Overseas: "0",
      "Both UK and overseas": "6",
      "Not known": "0",
      "Not recorded": "[c]",
      "All people": "13",
    });
    expect(column(tables["county-lines"])).toEqual({ Yes: "6", No: "[c]", "Not known": "0", "Not recorded": "[c]", "All people": "13" });
    expect(column(tables["age-at-exploitation"])).toEqual({ Adult: "[c]", Child: "6", "Not known": "0", "Not recorded": "[c]", "All people": "13" });
    expect(column(tables["referrer-type"])).toMatchObject({ Police: "6", "Local authority": "[c]", "Not recorded": "[c]", "All people": "13" });
    // Grouped by code, named by the list: "English" and "British" are one country.
    expect(column(tables.nationality)).toEqual({ Albania: "6", "United Kingdom": "[c]", "Not recorded": "[c]", "All people": "13" });
    expect(column(tables.completeness)).toMatchObject({
      "Missing the nationality (or not matched to the country list)": "[c]",
      "Missing where the exploitation took place": "[c]",
      "Missing the county lines flag": "[c]",
      "Missing the age at exploitation": "[c]",
      "Missing the type of referring organisation": "[c]",
    });
  });

  it("follows the dashboard's filters", async () => {
    const adults = await dashboard({ ageGroup: "ADULT" });
    expect(column(adults.tables["county-lines"])["All people"]).toBe("13");
    const agency = national.agencies.POLICE.id;
    expect(column((await dashboard({ agencyId: agency })).tables["referrer-type"])["Police"]).toBe("6");
    expect(column((await dashboard({ exploitationType: "SEXUAL" })).tables["referrer-type"])["All people"]).toBe("0");
  });

  it("downloads each new table as CSV, as the page shows it", async () => {
    const filters = parseDashboardFilters({ kind: "month", month: "2026-02" }, new Date("2026-03-05T12:00:00Z"));
    if (!filters.ok) throw new Error("filters");
    const { fileName, csv } = await exportDashboardTable(db, nationalPcc, "county-lines", filters.data, new Date("2026-03-05T12:00:00Z"));
    expect(fileName).toBe("pcc-dashboard_county-lines_2026-02.csv");
    expect(csv.split("\r\n")).toEqual(expect.arrayContaining(["County lines,People", "Yes,6", "No,[c]", "All people,13"]));
    const referrers = await exportDashboardTable(db, nationalPcc, "referrer-type", filters.data, new Date("2026-03-05T12:00:00Z"));
    // A label with commas is quoted, so it stays one cell.
    expect(referrers.csv.split("\r\n")).toContain('"Home Office (UKVI, Immigration Enforcement, Border Force)",0');
  });
});

describe("the migration's mapping of free-text nationality", () => {
  const migration = readFileSync(path.join(process.cwd(), "prisma/migrations/20261201181000_national_categories/migration.sql"), "utf8");
  const mapping = migration.slice(migration.indexOf("-- nationality mapping: begin"), migration.indexOf("-- nationality mapping: end"));
  const LEGACY = [
    "Albanian",
    "  albanian ",
    "ALBANIA",
    "Republic of Albania",
    "british",
    "Northern   Irish",
    "Vietnamese",
    "Viet Nam",
    "Indian",
    "Dominican",
    "Kurdish",
    "Eritrean (fictional note)",
    "stateless",
    "Unknown",
    "   ",
    null,
  ];

  it("maps each crafted legacy row as the form's matching does, and keeps unmatched text as legacy", async () => {
    // The mapping section runs as written against a temporary "Person" table, which shadows the real
    // one in this session only (pg_temp comes first on the search path), so no real row is touched.
    const client = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query(`CREATE TEMP TABLE "Person" ("id" int PRIMARY KEY, "nationality" text, "nationalityCode" varchar(3), "nationalityUnmatched" text)`);
      for (const [id, nationality] of LEGACY.entries()) await client.query(`INSERT INTO "Person" ("id", "nationality") VALUES ($1, $2)`, [id, nationality]);
      await client.query(mapping);
      const { rows } = await client.query<{ id: number; nationalityCode: string | null; nationalityUnmatched: string | null }>(
        `SELECT "id", "nationalityCode", "nationalityUnmatched" FROM pg_temp."Person" ORDER BY "id"`,
      );
      const expected = LEGACY.map((text, id) => {
        const code = text === null ? null : matchNationality(text);
        return { id, nationalityCode: code, nationalityUnmatched: code === null && text?.trim() ? text.trim() : null };
      });
      expect(rows).toEqual(expected);
      // Spelled out, so the test says what it expects even if both sides changed together.
      expect(rows.map((row) => row.nationalityCode ?? row.nationalityUnmatched)).toEqual([
        "ALB",
        "ALB",
        "ALB",
        "ALB",
        "GBR",
        "GBR",
        "VNM",
        "VNM",
        "IND",
        "Dominican",
        "Kurdish",
        "Eritrean (fictional note)",
        "XXA",
        "XXX",
        null,
        null,
      ]);
      await client.query("ROLLBACK");
    } finally {
      await client.end();
    }
  });
});
