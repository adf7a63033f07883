import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DashboardTable, PublishedDashboard } from "../../src/domain/reporting/publish-dashboard";
import type { Actor } from "../../src/server/access/actor";
import { exportDashboardTable } from "../../src/server/dashboard/export-dashboard-table";
import { parseDashboardFilters, type DashboardFilters } from "../../src/server/dashboard/filters";
import { getDashboard } from "../../src/server/dashboard/get-dashboard";
import { createPrismaClient } from "../../src/server/db/create-client";
import { ForbiddenError } from "../../src/server/errors";
import { runEscalationSweep } from "../../src/server/escalation/run-escalation-sweep";
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
const people: Awaited<ReturnType<typeof logOnePerson>>[] = [];

function filters(query: Record<string, string> = {}): DashboardFilters {
  const parsed = parseDashboardFilters({ kind: "month", month: "2026-03", ...query }, NOW);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.data;
}
const dashboard = (query: Record<string, string> = {}, actor = pcc) => getDashboard(db, actor, filters(query), NOW);

/** The text of a cell, by row label and column name ("" for the row header column's neighbours). */
function cell(table: DashboardTable, rowLabel: string, column: string): string {
  const row = table.rows.find((entry) => entry.label === rowLabel);
  if (!row) throw new Error(`No row "${rowLabel}" in ${table.id}: ${table.rows.map((entry) => entry.label).join(", ")}`);
  const index = table.columns.indexOf(column);
  if (index < 0) throw new Error(`No column "${column}" in ${table.id}: ${table.columns.join(", ")}`);
  return row.cells[index]!.text;
}
const minutesOf = (text: string) => {
  const match = /^(?:(\d+) h)? ?(?:(\d+) min)?$/.exec(text);
  if (!match) throw new Error(`Not a duration: ${text}`);
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
};

async function complete(stageId: string, actor: Actor, when: Date, extra: Record<string, unknown> = {}) {
  const stage = await db.stage.findUniqueOrThrow({ where: { id: stageId } });
  const result = await changeStage(db, actor, { stageId, version: stage.version, action: "complete", text: "Done (fictional)", ...extra }, when);
  if (!result.ok) throw new Error(JSON.stringify(result));
}

beforeAll(async () => {
  world = await createWorld(db, "dashboard");
  pcc = await world.actor("PCC_OFFICE", "PCC_OFFICE");
  police = await world.actor("POLICE");
  council = await world.actor("COUNCIL_SAFEGUARDING");
  // Ten adults: accommodation done after 0.5, 1.25, 2 ... 7.25 hours; the target is 4 hours, so 5
  // of 10 within it. Six are British (exploited in the UK), four Romanian (overseas), one has no type
  // of exploitation recorded.
  for (let i = 1; i <= 10; i++) {
    const person = await logOnePerson(db, police, {
      t0: T0,
      now: new Date(T0.getTime() + 5 * MINUTE),
      person: {
        interpreterNeeded: "no",
        nationality: i <= 6 ? "British" : "Romanian",
        exploitationLocation: i <= 6 ? "UK" : "OVERSEAS",
        exploitationType: i === 10 ? "" : "LABOUR",
      },
    });
    await complete(person.stage("accommodation").id, council, at(0.5 + 0.75 * (i - 1)));
    people.push(person);
  }
  // Two children, done after 2 hours: too few to publish anything about them.
  for (let i = 0; i < 2; i++) {
    const child = await logOnePerson(db, police, { t0: T0, now: new Date(T0.getTime() + 5 * MINUTE), person: { interpreterNeeded: "no", ageGroup: "CHILD" } });
    await complete(child.stage("accommodation").id, council, at(2));
  }
});

afterAll(async () => {
  await db.$disconnect();
});

describe("timeliness per stage", () => {
  it("gives the median and 90th percentile within a few per cent, and the exact share within target", async () => {
    const { tables } = await dashboard({ ageGroup: "ADULT" });
    expect(cell(tables.timeliness, "Emergency accommodation", "Done")).toBe("10");
    expect(cell(tables.timeliness, "Emergency accommodation", "Target")).toBe("4 hours");
    // Exactly (as percentile_cont has them): 3 h 52.5 min and 6 h 34.5 min. From time bands, within 5%.
    expect(Math.abs(minutesOf(cell(tables.timeliness, "Emergency accommodation", "Median")) - 232.5)).toBeLessThanOrEqual(11.6);
    expect(Math.abs(minutesOf(cell(tables.timeliness, "Emergency accommodation", "90th percentile")) - 394.5)).toBeLessThanOrEqual(19.7);
    expect(cell(tables.timeliness, "Emergency accommodation", "Within target")).toBe("50%");
  });

  it("hides every figure computed from 1 to 4 people, and leaves out what has none", async () => {
    const { tables } = await dashboard({ ageGroup: "CHILD" });
    const accommodation = tables.timeliness.rows.find((row) => row.label === "Emergency accommodation")!;
    expect(accommodation.cells.slice(1).map((entry) => entry.text)).toEqual(["[c]", "[c]", "[c]", "[c]"]);
    expect(accommodation.cells.every((entry) => entry.value === null)).toBe(true);
    expect(cell(tables.timeliness, "Health check (triage)", "Done")).toBe("–");
  });

  it("shows the trend month by month", async () => {
    const { tables } = await dashboard({ kind: "quarter", quarter: "2026-Q1", ageGroup: "ADULT" });
    expect(tables.trend.rows.map((row) => row.label)).toEqual(["Jan 2026", "Feb 2026", "Mar 2026"]);
    expect(cell(tables.trend, "Mar 2026", "Emergency accommodation")).toBe("50%");
    expect(cell(tables.trend, "Jan 2026", "Emergency accommodation")).toBe("–");
  });

  it("counts only the chosen period and the actor's own partnership", async () => {
    const other = await createWorld(db, "dashboard-other");
    const otherPcc = await other.actor("PCC_OFFICE", "PCC_OFFICE");
    expect((await dashboard({}, otherPcc)).tables.timeliness.rows).toEqual([]);
    expect((await dashboard({ month: "2026-04" })).tables.timeliness.rows).toEqual([]);
    expect(cell((await dashboard({}, otherPcc)).tables.headlines, "People rescued, March 2026", "Count")).toBe("0");
  });
});

describe("headline counts", () => {
  it("counts people, rescues, live pathways and stages overdue now, hiding 1 to 4", async () => {
    const { tables } = await dashboard();
    expect(cell(tables.headlines, "People rescued, March 2026", "Count")).toBe("12");
    expect(cell(tables.headlines, "Rescues (operations), March 2026", "Count")).toBe("12");
    expect(cell(tables.headlines, "People with a live pathway now", "Count")).toBe("12");
    expect(Number(cell(tables.headlines, "Stages overdue now", "Count"))).toBeGreaterThan(12);
    const children = await dashboard({ ageGroup: "CHILD" });
    expect(cell(children.tables.headlines, "People rescued, March 2026", "Count")).toBe("[c]");
  });

  it("is refused to caseworkers and administrators", async () => {
    for (const actor of [police, await world.actor("PARTNERSHIP", "ADMINISTRATOR")]) {
      await expect(getDashboard(db, actor, filters(), NOW)).rejects.toThrow(ForbiddenError);
      await expect(exportDashboardTable(db, actor, "timeliness", filters(), NOW)).rejects.toThrow(ForbiddenError);
    }
  });
});

describe("breaches and escalations", () => {
  it("counts stages done late and stages still open past their target, by stage and owning agency", async () => {
    const { tables } = await dashboard({ ageGroup: "ADULT" });
    const council = tables.breaches.columns.find((column) => column.startsWith("Council"))!;
    const health = tables.breaches.columns.find((column) => column.startsWith("Health") || column.includes("NHS"))!;
    // Accommodation: five done late; health checks: all ten still open and overdue.
    expect(cell(tables.breaches, "Emergency accommodation", council)).toBe("5");
    expect(cell(tables.breaches, "Health check (triage)", health)).toBe("10");
  });

  it("counts escalations raised and, once the stage is done, the time they took to resolve", async () => {
    await runEscalationSweep(db, NOW);
    const before = await dashboard({ ageGroup: "ADULT" });
    expect(cell(before.tables.escalations, "Health check (triage)", "To the agency lead")).toBe("10");
    expect(cell(before.tables.escalations, "Health check (triage)", "Resolved")).toBe("0");
    const health = await world.actor("HEALTH");
    const raised = await db.escalation.findFirstOrThrow({ where: { stageId: people[0]!.stage("health-check").id, level: "AGENCY_LEAD" } });
    for (const person of people.slice(0, 5)) await complete(person.stage("health-check").id, health, new Date(raised.raisedAt.getTime() + 2 * HOUR));
    const after = await dashboard({ ageGroup: "ADULT" });
    expect(cell(after.tables.escalations, "Health check (triage)", "Resolved")).toBe("5");
    expect(Math.abs(minutesOf(cell(after.tables.escalations, "Health check (triage)", "Median time to resolve")) - 120)).toBeLessThanOrEqual(10);
    const healthAgency = after.tables["escalations-by-agency"].rows.find((row) => row.label.startsWith("Health") || row.label.includes("NHS"))!;
    expect(healthAgency.cells[0]!.text).toBe("10");
  });
});

describe("who was rescued", () => {
  it("breaks people down by nationality, folding small groups into Other, and by where the exploitation took place", async () => {
    const { tables } = await dashboard();
    // Six British adults; four Romanian adults and the two children (Romanian by default) make six.
    expect(cell(tables.nationality, "United Kingdom", "People")).toBe("6");
    expect(cell(tables.nationality, "Romania", "People")).toBe("6");
    // Where exploited is as recorded, not guessed from nationality: the children have no answer (2),
    // so it is hidden, and the next smallest (4 overseas) with it.
    expect(cell(tables["uk-overseas"], "UK", "People")).toBe("6");
    expect(cell(tables["uk-overseas"], "Overseas", "People")).toBe("[c]");
    expect(cell(tables["uk-overseas"], "Not recorded", "People")).toBe("[c]");
    const adults = await dashboard({ ageGroup: "ADULT" });
    // Four Romanian adults are a small group: folded into "Other", which is then too small itself.
    expect(adults.tables.nationality.rows.map((row) => row.label)).not.toContain("Romanian");
    expect(adults.tables["exploitation-type"].rows.find((row) => row.label === "Not recorded")!.cells[0]!.text).toBe("[c]");
  });

  it("counts NRM consent against Duty to Notify once decisions are recorded, and reports completeness", async () => {
    const adults = people.slice(0, 10);
    for (const [index, person] of adults.entries()) {
      await complete(person.stage("nrm-consent-decision").id, police, at(30), { nrmDecision: index < 5 ? "NRM_REFERRAL" : "DUTY_TO_NOTIFY" });
    }
    const { tables } = await dashboard();
    expect(cell(tables.nrm, "Mar 2026", "Adult consented: NRM referral")).toBe("5");
    expect(cell(tables.nrm, "Mar 2026", "Adult declined: Duty to Notify")).toBe("5");
    expect(cell(tables.nrm, "All months", "All decisions")).toBe("10");
    // One of twelve: beside the published twelve, "8.3%" would say one person, so it is hidden.
    expect(cell(tables.completeness, "Missing the type of exploitation", "Value")).toBe("[c]");
    expect(cell(tables.completeness, "Missing the age group", "Value")).toBe("0%");
  });
});

describe("the summaries behind the dashboard", () => {
  it("are current on every read: a change made a moment ago is counted", async () => {
    const before = await dashboard();
    const children = await db.person.findMany({ where: { ageGroup: "CHILD", rescue: { partnershipId: pcc.partnershipId } }, select: { id: true } });
    const stage = await db.stage.findFirstOrThrow({ where: { personId: children[0]!.id, templateStage: { key: "social-care-contact" } } });
    await complete(stage.id, council, at(3));
    const after = await dashboard();
    const done = (result: PublishedDashboard) => result.tables.timeliness.rows.find((row) => row.label === "Social care contact")!.cells[1]!.text;
    expect(done(before)).toBe("–");
    expect(done(after)).toBe("[c]");
  });

  it("publish under the partnership's own threshold", async () => {
    await db.partnership.update({ where: { id: pcc.partnershipId }, data: { suppressionThreshold: 10 } });
    try {
      const { tables, threshold } = await dashboard({ ageGroup: "ADULT" });
      expect(threshold).toBe(10);
      expect(cell(tables.timeliness, "Emergency accommodation", "Done")).toBe("[c]");
      expect(cell(tables.timeliness, "Emergency accommodation", "Within target")).toBe("[c]");
    } finally {
      await db.partnership.update({ where: { id: pcc.partnershipId }, data: { suppressionThreshold: 4 } });
    }
  });

  it("never carry a person: no id, case reference or name reaches the dashboard", async () => {
    const text = JSON.stringify(await dashboard({ kind: "quarter", quarter: "2026-Q1" }));
    const persons = await db.person.findMany({ where: { rescue: { partnershipId: pcc.partnershipId } }, include: { identity: true } });
    for (const person of persons) {
      expect(text).not.toContain(person.id);
      expect(text).not.toContain(person.caseReference);
      if (person.identity?.name) expect(text).not.toContain(person.identity.name);
    }
    expect(text).not.toContain(people[0]!.rescueId);
  });
});

describe("CSV export", () => {
  it("writes the table as the page shows it, after suppression, with the period and filters in the name and header, audited", async () => {
    const { fileName, csv } = await exportDashboardTable(db, pcc, "volumes", filters({ kind: "quarter", quarter: "2026-Q1" }), NOW);
    expect(fileName).toBe("pcc-dashboard_volumes_2026-q1.csv");
    const lines = csv.split("\r\n");
    expect(lines.slice(0, 3)).toEqual(["Victim Care Pathway: PCC dashboard,People rescued by month and age group", "Period,January to March 2026 (Q1)", "Age group,All"]);
    expect(lines).toContain("Month,Adult,Child,Age disputed (treated as a child),All");
    const march = lines.find((line) => line.startsWith("Mar 2026,"))!;
    expect(march.split(",")[2]).toBe("[c]");
    expect(csv).not.toMatch(/(^|,)2(,|$)/m);
    expect(await db.auditEvent.count({ where: { userId: pcc.id, action: "export.csv" } })).toBeGreaterThanOrEqual(1);

    const children = await exportDashboardTable(db, pcc, "timeliness", filters({ ageGroup: "CHILD" }), NOW);
    expect(children.fileName).toBe("pcc-dashboard_timeliness_2026-03_age-child.csv");
    expect(children.csv).toContain("Age group,Child");
    expect(children.csv).toMatch(/Emergency accommodation,4 hours,\[c\],\[c\],\[c\],\[c\]/);
  });
});

describe("parseDashboardFilters", () => {
  it("refuses anything off the lists with a message for the field", () => {
    expect(parseDashboardFilters({ ageGroup: "TODDLER", agencyId: "x", kind: "month", month: "2026-13" }, NOW)).toEqual({
      ok: false,
      code: "invalid-input",
      formError: expect.any(String),
      fieldErrors: { month: "Choose a month, like 2026-11", ageGroup: "Choose an age group from the list", agencyId: "Choose an agency from the list" },
    });
  });
});
