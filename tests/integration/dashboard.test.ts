import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/server/access/actor";
import { getHeadlines } from "../../src/server/dashboard/get-headlines";
import { getTimeliness } from "../../src/server/dashboard/get-timeliness";
import { getCompleteness, getMonthlyVolumes } from "../../src/server/dashboard/get-volumes";
import { exportDashboardTable } from "../../src/server/dashboard/export-dashboard-table";
import { findRecoverableCells } from "../../src/domain/statistics/find-recoverable-cells";
import { parseDashboardFilters, type DashboardFilters } from "../../src/server/dashboard/filters";
import { createPrismaClient } from "../../src/server/db/create-client";
import { ForbiddenError } from "../../src/server/errors";
import { changeStage } from "../../src/server/stages/change-stage";
import { logOnePerson } from "../support/log-person";
import { createWorld, HOUR, MINUTE, minute, type World } from "../support/world";

const db = createPrismaClient();
// All rescues in March 2026 (GMT); the dashboard is read in April.
const T0 = minute("2026-03-10T09:00:00Z");
const NOW = new Date("2026-04-15T12:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

let world: World;
let pcc: Actor;
let police: Actor;
let council: Actor;

function filters(query: Record<string, string> = {}): DashboardFilters {
  const parsed = parseDashboardFilters({ kind: "month", month: "2026-03", ...query }, NOW);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.filters;
}

/** Logs an adult (or child) and completes accommodation (4 h target) after `hours`. */
async function personWithAccommodationDoneAfter(hours: number, ageGroup = "ADULT") {
  const person = await logOnePerson(db, police, { t0: T0, now: new Date(T0.getTime() + 5 * MINUTE), person: { interpreterNeeded: "no", ageGroup } });
  const stage = person.stage("accommodation");
  const result = await changeStage(db, council, { stageId: stage.id, version: 0, action: "complete", text: "Placed (fictional)" }, at(hours));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return person;
}

beforeAll(async () => {
  world = await createWorld(db, "dashboard");
  pcc = await world.actor("PCC_OFFICE", "PCC_OFFICE");
  police = await world.actor("POLICE");
  council = await world.actor("COUNCIL_SAFEGUARDING");
  // Ten adults: accommodation done after 1..10 hours; the target is 4 hours, so 4 of 10 within it.
  for (let hours = 1; hours <= 10; hours++) await personWithAccommodationDoneAfter(hours);
  // Two children, done after 2 hours: too few to publish anything about them.
  for (let i = 0; i < 2; i++) await personWithAccommodationDoneAfter(2, "CHILD");
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the dashboard's timeliness per stage", () => {
  it("gives the median, 90th percentile and share within target, computed in the database", async () => {
    const accommodation = (await getTimeliness(db, pcc, filters({ ageGroup: "ADULT" }))).find((row) => row.key === "accommodation");
    expect(accommodation).toMatchObject({
      completed: { kind: "shown", value: 10 },
      medianMs: { kind: "shown", value: 5.5 * HOUR },
      p90Ms: { kind: "shown", value: 9.1 * HOUR },
      withinTargetPercent: { kind: "shown", value: 40 },
    });
  });

  it("suppresses every figure computed from 1 to 4 people, and says 'none' where there are none", async () => {
    const rows = await getTimeliness(db, pcc, filters({ ageGroup: "CHILD" }));
    expect(rows.find((row) => row.key === "accommodation")).toMatchObject({
      completed: { kind: "suppressed" },
      medianMs: { kind: "suppressed" },
      p90Ms: { kind: "suppressed" },
      withinTargetPercent: { kind: "suppressed" },
    });
    expect(rows.find((row) => row.key === "victim-support")).toMatchObject({ completed: { kind: "none" }, medianMs: { kind: "none" } });
    expect(JSON.stringify(rows)).not.toMatch(/"value":2\b/);
  });

  it("counts only the chosen period and the actor's own partnership", async () => {
    const other = await createWorld(db, "dashboard-other");
    const otherPcc = await other.actor("PCC_OFFICE", "PCC_OFFICE");
    expect((await getTimeliness(db, otherPcc, filters())).every((row) => row.completed.kind === "none")).toBe(true);
    expect((await getTimeliness(db, pcc, filters({ month: "2026-04" }))).every((row) => row.completed.kind === "none")).toBe(true);
  });
});

describe("the dashboard's headline tiles", () => {
  it("counts people, rescues, live pathways and stages overdue now, suppressing 1 to 4", async () => {
    const all = await getHeadlines(db, pcc, filters(), NOW);
    expect(all.peopleRescued).toEqual({ kind: "value", value: 12 });
    expect(all.rescues).toEqual({ kind: "value", value: 12 });
    expect(all.livePathways).toEqual({ kind: "value", value: 12 });
    // Every open stage of these twelve is long overdue by April.
    expect(all.stagesOverdueNow.kind).toBe("value");
    const children = await getHeadlines(db, pcc, filters({ ageGroup: "CHILD" }), NOW);
    expect(children.peopleRescued).toEqual({ kind: "suppressed", reason: "primary" });
  });

  it("is refused to caseworkers and administrators", async () => {
    for (const actor of [police, await world.actor("PARTNERSHIP", "ADMINISTRATOR")]) {
      await expect(getHeadlines(db, actor, filters(), NOW)).rejects.toThrow(ForbiddenError);
      await expect(getTimeliness(db, actor, filters())).rejects.toThrow(ForbiddenError);
    }
  });
});

describe("the dashboard's volumes and completeness", () => {
  it("publishes people per month and age group with the small child count hidden and not recoverable", async () => {
    const volumes = await getMonthlyVolumes(db, pcc, filters({ kind: "quarter", quarter: "2026-Q1" }));
    expect(volumes.months).toEqual(["2026-01", "2026-02", "2026-03"]);
    const march = volumes.table.cells[2]!;
    expect(march[volumes.ageGroups.indexOf("CHILD")]).toEqual({ kind: "suppressed", reason: "primary" });
    expect(findRecoverableCells(volumes.table)).toEqual([]);
    // January and February had nobody: zeros are shown, they protect no one.
    expect(volumes.table.cells[0]).toEqual([{ kind: "value", value: 0 }, { kind: "value", value: 0 }, { kind: "value", value: 0 }]);
  });

  it("reports missing exploitation types and languages as shares of the people rescued", async () => {
    const completeness = await getCompleteness(db, pcc, filters());
    // The factory records an exploitation type and languages for everyone.
    expect(completeness).toMatchObject({
      people: { kind: "shown", value: 12 },
      missingExploitationTypePercent: { kind: "shown", value: 0 },
      missingLanguagePercent: { kind: "shown", value: 0 },
    });
    expect((await getCompleteness(db, pcc, filters({ ageGroup: "CHILD" }))).missingExploitationTypePercent).toEqual({ kind: "suppressed" });
  });
});

describe("CSV export", () => {
  it("writes the table as the page shows it, after suppression, with the period and filters in the name and header, audited", async () => {
    const { fileName, csv } = await exportDashboardTable(db, pcc, "volumes", filters({ kind: "quarter", quarter: "2026-Q1" }), NOW);
    expect(fileName).toBe("pcc-dashboard_volumes_2026-q1.csv");
    const lines = csv.split("\r\n");
    expect(lines.slice(0, 3)).toEqual(["Victim Care Pathway: PCC dashboard,People rescued by month and age group", "Period,January to March 2026 (Q1)", "Age group,All"]);
    expect(lines).toContain("Month,Adult,Child,Age disputed (treated as a child),All");
    const march = lines.find((line) => line.startsWith("2026-03,"))!;
    expect(march.split(",")[2]).toBe("<5");
    expect(csv).not.toMatch(/(^|,)2(,|$)/m);
    expect(await db.auditEvent.count({ where: { userId: pcc.id, action: "export.csv" } })).toBeGreaterThanOrEqual(1);

    const children = await exportDashboardTable(db, pcc, "timeliness", filters({ ageGroup: "CHILD" }), NOW);
    expect(children.fileName).toBe("pcc-dashboard_timeliness_2026-03_age-child.csv");
    expect(children.csv).toContain("Age group,Child");
    expect(children.csv).toMatch(/Emergency accommodation,<5,<5,<5,<5/);
  });
});

describe("parseDashboardFilters", () => {
  it("refuses anything off the lists with a message for the field", () => {
    expect(parseDashboardFilters({ ageGroup: "TODDLER", agencyId: "x", kind: "month", month: "2026-13" }, NOW)).toEqual({
      ok: false,
      fieldErrors: { month: "Choose a month, like 2026-11", ageGroup: "Choose an age group from the list", agencyId: "Choose an agency from the list" },
    });
  });
});
