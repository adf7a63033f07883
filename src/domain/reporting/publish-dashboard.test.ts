import { describe, expect, it } from "vitest";
import { DURATION_BAND_COUNT, durationBandOf } from "../statistics/duration-bands";
import { findRecoverableCells, findRecoverableListEntries } from "../statistics/find-recoverable-cells";
import type { PublishedCell } from "../statistics/published";
import { parsePeriod } from "./period";
import { publishDashboard, type DashboardAggregates, type DashboardTable, type StageCounts } from "./publish-dashboard";

const period = (() => {
  const result = parsePeriod({ kind: "quarter", quarter: "2026-Q1" }, new Date("2026-11-23T10:00:00Z"));
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.data;
})();

const ZERO: StageCounts = {
  stages: 0,
  done: 0,
  doneWithinTarget: 0,
  doneLate: 0,
  escalatedToLead: 0,
  escalatedToCoordinator: 0,
  escalatedToPcc: 0,
  escalationsResolved: 0,
  stagesKeySum: 0,
  doneKeySum: 0,
  doneWithinTargetKeySum: 0,
  doneLateKeySum: 0,
  escalatedToLeadKeySum: 0,
  escalatedToCoordinatorKeySum: 0,
  escalatedToPccKeySum: 0,
  escalationsResolvedKeySum: 0,
};
const bands = (minutes: number[]) => {
  const counts = new Array<number>(DURATION_BAND_COUNT).fill(0);
  for (const value of minutes) counts[durationBandOf(value)]! += 1;
  return counts;
};

/** A crafted partnership: two stages, two agencies, people over three months. */
const keyed = (count: number) => ({ count, keySum: 0 });

function aggregates(overrides: Partial<DashboardAggregates> = {}): DashboardAggregates {
  return {
    nrmProcess: {
      referrals: keyed(14),
      dutyToNotify: 3,
      consentRefused: keyed(6),
      consentWithdrawn: keyed(0),
      decisions: { rgPositive: keyed(9), rgNegative: keyed(2), cgPositive: keyed(5), cgNegative: keyed(6) },
      waits: { reasonableGrounds: { decisions: 11, median: 4, p90: 9 }, conclusiveGrounds: { decisions: 4, median: 120, p90: 300 } },
    },
    stagesInOrder: [
      { key: "health-check", title: "Health check", target: "4 hours" },
      { key: "accommodation", title: "Accommodation", target: "4 hours" },
    ],
    agencies: [
      { id: "a-council", name: "Council" },
      { id: "a-health", name: "Health" },
    ],
    byStage: [
      { stageKey: "health-check", ...ZERO, stages: 30, done: 20, doneWithinTarget: 15, doneLate: 5, escalatedToLead: 9, escalatedToCoordinator: 2, escalatedToPcc: 0, escalationsResolved: 6, doneBands: bands(Array.from({ length: 20 }, (_, i) => 60 + i * 10)), resolvedBands: bands([60, 60, 90, 120, 120, 180]) },
      { stageKey: "accommodation", ...ZERO, stages: 30, done: 3, doneWithinTarget: 1, doneLate: 2, escalatedToLead: 12, escalatedToCoordinator: 7, escalatedToPcc: 3, escalationsResolved: 1, doneBands: bands([100, 200, 300]), resolvedBands: bands([400]) },
    ],
    byStageAndMonth: [
      { stageKey: "health-check", month: "2026-01", ...ZERO, stages: 10, done: 20, doneWithinTarget: 15 },
      { stageKey: "health-check", month: "2026-02", ...ZERO, stages: 10, done: 3, doneWithinTarget: 3 },
      { stageKey: "health-check", month: "2026-03", ...ZERO, stages: 10, done: 9, doneWithinTarget: 6 },
      { stageKey: "accommodation", month: "2026-01", ...ZERO, stages: 30, done: 3, doneWithinTarget: 1 },
    ],
    byStageAndAgency: [
      { stageKey: "health-check", agencyId: "a-health", ...ZERO, stages: 28, doneLate: 5, escalatedToLead: 8 },
      { stageKey: "health-check", agencyId: "a-council", ...ZERO, stages: 2, doneLate: 0, escalatedToLead: 1 },
      { stageKey: "accommodation", agencyId: "a-council", ...ZERO, stages: 30, doneLate: 2, escalatedToLead: 12 },
    ],
    people: {
      total: 30,
      totalKeySum: 0,
      rescues: 11,
      languageMissing: 6,
      languageMissingKeySum: 0,
      byMonthAndAge: [
        { month: "2026-01", ageGroup: "ADULT", people: 8, keySum: 0 },
        { month: "2026-01", ageGroup: "CHILD", people: 2, keySum: 0 },
        { month: "2026-02", ageGroup: "ADULT", people: 10, keySum: 0 },
        { month: "2026-03", ageGroup: "ADULT", people: 9, keySum: 0 },
        { month: "2026-03", ageGroup: "AGE_DISPUTED", people: 1, keySum: 0 },
      ],
      byGender: [
        { gender: "FEMALE", people: 17, keySum: 0 },
        { gender: "MALE", people: 12, keySum: 0 },
        { gender: "NON_BINARY", people: 1, keySum: 0 },
      ],
      byType: [
        { exploitationType: "LABOUR", people: 20, keySum: 0 },
        { exploitationType: "SEXUAL", people: 8, keySum: 0 },
        { exploitationType: null, people: 2, keySum: 0 },
      ],
      byNationality: [
        { nationalityCode: "ROU", people: 12, keySum: 0 },
        { nationalityCode: "GBR", people: 9, keySum: 0 },
        { nationalityCode: "ERI", people: 3, keySum: 0 },
        { nationalityCode: "PHL", people: 2, keySum: 0 },
        { nationalityCode: "GHA", people: 1, keySum: 0 },
        { nationalityCode: null, people: 3, keySum: 0 },
      ],
      byExploitationLocation: [
        { exploitationLocation: "UK", people: 9, keySum: 0 },
        { exploitationLocation: "BOTH", people: 18, keySum: 0 },
        { exploitationLocation: null, people: 3, keySum: 0 },
      ],
      byCountyLines: [
        { countyLines: "YES", people: 6, keySum: 0 },
        { countyLines: "NO", people: 22, keySum: 0 },
        { countyLines: "NOT_KNOWN", people: 2, keySum: 0 },
      ],
      byAgeAtExploitation: [
        { ageAtExploitation: "ADULT", people: 20, keySum: 0 },
        { ageAtExploitation: "CHILD", people: 10, keySum: 0 },
      ],
      byReferrerType: [
        { referrerType: "POLICE", people: 15, keySum: 0 },
        { referrerType: "NGO", people: 10, keySum: 0 },
        { referrerType: "HOME_OFFICE", people: 1, keySum: 0 },
        { referrerType: null, people: 4, keySum: 0 },
      ],
      byMonthAndNrm: [
        { month: "2026-01", nrmOutcome: "NRM_REFERRAL", people: 6, keySum: 0 },
        { month: "2026-01", nrmOutcome: "DUTY_TO_NOTIFY", people: 2, keySum: 0 },
        { month: "2026-02", nrmOutcome: "NRM_REFERRAL", people: 7, keySum: 0 },
        { month: "2026-02", nrmOutcome: "DUTY_TO_NOTIFY", people: 3, keySum: 0 },
        { month: "2026-03", nrmOutcome: "CHILD_REFERRAL", people: 1, keySum: 0 },
        { month: "2026-03", nrmOutcome: null, people: 11, keySum: 0 },
      ],
    },
    live: {
      livePathways: 4,
      livePathwaysKeySum: 0,
      stagesOverdueNow: 7,
      stagesOverdueNowKeySum: 0,
      openOverdue: [{ stageKey: "health-check", agencyId: "a-health", stages: 2, keySum: 0 }],
    },
    ...overrides,
  };
}

const text = (table: DashboardTable, row: string, column: string) => {
  const found = table.rows.find((entry) => entry.label === row);
  if (!found) throw new Error(`No row ${row} in ${table.id}`);
  return found.cells[table.columns.indexOf(column)]!.text;
};

/** The attacker's view of a published cross-table: its body and totals, as the page shows them. */
function asPublishedTable(table: DashboardTable) {
  const cell = (entry: DashboardTable["rows"][number]["cells"][number]): PublishedCell =>
    entry.suppressed ? { kind: "suppressed", reason: "primary" } : { kind: "value", value: Number(entry.text) };
  const body = table.rows.filter((row) => !row.total);
  const totals = table.rows.find((row) => row.total)!;
  return {
    threshold: 4,
    cells: body.map((row) => row.cells.slice(0, -1).map(cell)),
    rowTotals: body.map((row) => cell(row.cells.at(-1)!)),
    columnTotals: totals.cells.slice(0, -1).map(cell),
    grandTotal: cell(totals.cells.at(-1)!),
  };
}
function asPublishedList(table: DashboardTable) {
  const cell = (entry: DashboardTable["rows"][number]["cells"][number]): PublishedCell =>
    entry.suppressed ? { kind: "suppressed", reason: "primary" } : { kind: "value", value: Number(entry.text) };
  return {
    threshold: 4,
    cells: table.rows.filter((row) => !row.total).map((row) => cell(row.cells[0]!)),
    total: cell(table.rows.find((row) => row.total)!.cells[0]!),
  };
}

describe("publishDashboard", () => {
  const { tables } = publishDashboard(aggregates(), period, 4);

  it("never shows a count from 1 to 4 anywhere, nor a number behind a hidden cell", () => {
    for (const table of Object.values(tables)) {
      for (const row of table.rows) {
        for (const cell of row.cells) {
          expect(["1", "2", "3", "4"]).not.toContain(cell.text);
          if (cell.suppressed) expect(cell).toEqual({ text: "[c]", value: null, suppressed: true });
        }
      }
    }
  });

  it("hides enough other cells of every cross-table that no hidden count can be worked out from the totals", () => {
    for (const id of ["volumes", "breaches", "nrm"] as const) {
      const published = asPublishedTable(tables[id]);
      expect(published.cells.flat().some((cell) => cell.kind === "suppressed")).toBe(true);
      expect(findRecoverableCells(published)).toEqual([]);
    }
    // January: 8 adults and 2 children; the 2 is hidden, so is another January cell.
    expect(text(tables.volumes, "Jan 2026", "Child")).toBe("[c]");
    expect(text(tables.volumes, "Jan 2026", "All")).not.toBe("8");
  });

  it("hides enough entries of every list that no hidden count follows from the total", () => {
    for (const id of ["gender", "exploitation-type", "uk-overseas", "county-lines", "age-at-exploitation", "referrer-type", "nationality", "escalations-by-agency"] as const) {
      if (id === "escalations-by-agency") continue;
      expect(findRecoverableListEntries(asPublishedList(tables[id]))).toEqual([]);
    }
    expect(text(tables.gender, "Non-binary", "People")).toBe("[c]");
    expect(text(tables.gender, "All people", "People")).toBe("30");
    expect(["17", "12"].filter((shown) => tables.gender.rows.some((row) => row.cells[0]!.text === shown))).toHaveLength(1);
  });

  it("folds nationalities of 4 people or fewer into Other, and never names them", () => {
    expect(tables.nationality.rows.map((row) => row.label)).toEqual(["Romania", "United Kingdom", "Other", "Not recorded", "All people"]);
    // Other (6) is big enough, but "Not recorded" (3) is hidden, and with it the next smallest entry.
    expect(text(tables.nationality, "Other", "People")).toBe("[c]");
    expect(text(tables.nationality, "Romania", "People")).toBe("12");
    expect(JSON.stringify(tables.nationality)).not.toMatch(/Eritrea|Philippines|Ghana/);
  });

  it("breaks people down by the national categories as recorded, with Not recorded last", () => {
    // Where exploited is what was recorded, not a guess from nationality: 9 UK, 18 both, 3 unanswered.
    expect(tables["uk-overseas"].rows.map((row) => row.label)).toEqual(["UK", "Overseas", "Both UK and overseas", "Not known", "Not recorded", "All people"]);
    expect(text(tables["uk-overseas"], "Both UK and overseas", "People")).toBe("18");
    // "Not recorded" (3) is hidden, so the UK's 9 is hidden with it.
    expect(text(tables["uk-overseas"], "Not recorded", "People")).toBe("[c]");
    expect(text(tables["uk-overseas"], "UK", "People")).toBe("[c]");
    // "Not known" (2) is hidden, and the next smallest (6) with it.
    expect(text(tables["county-lines"], "Yes", "People")).toBe("[c]");
    expect(text(tables["county-lines"], "No", "People")).toBe("22");
    expect(text(tables["county-lines"], "Not known", "People")).toBe("[c]");
    expect(text(tables["age-at-exploitation"], "Child", "People")).toBe("10");
    expect(text(tables["age-at-exploitation"], "Not recorded", "People")).toBe("0");
    expect(text(tables["referrer-type"], "Police", "People")).toBe("15");
    expect(text(tables["referrer-type"], "Home Office (UKVI, Immigration Enforcement, Border Force)", "People")).toBe("[c]");
    expect(text(tables["referrer-type"], "Not recorded", "People")).toBe("[c]");
    expect(text(tables.completeness, "Missing the type of referring organisation", "Value")).toBe("[c]");
    expect(text(tables.completeness, "Missing the age at exploitation", "Value")).toBe("0%");
    expect(text(tables.completeness, "Missing the county lines flag", "Value")).toBe("0%");
  });

  it("hides percentages, medians and percentiles computed from 1 to 4 people", () => {
    expect(text(tables.timeliness, "Health check", "Within target")).toBe("75%");
    expect(text(tables.timeliness, "Accommodation", "Median")).toBe("[c]");
    expect(text(tables.timeliness, "Accommodation", "Within target")).toBe("[c]");
    expect(text(tables.trend, "Feb 2026", "Health check")).toBe("[c]");
    expect(text(tables.trend, "Jan 2026", "Health check")).toBe("75%");
    expect(text(tables.trend, "Mar 2026", "Accommodation")).toBe("–");
    expect(text(tables.escalations, "Accommodation", "Median time to resolve")).toBe("[c]");
    expect(text(tables.escalations, "Health check", "Median time to resolve")).toMatch(/^1 h|^2 h/);
  });

  it("counts a breach as done late or open past target now, by stage and owning agency", () => {
    const base = aggregates();
    const { tables: larger } = publishDashboard(
      aggregates({
        byStageAndAgency: base.byStageAndAgency.map((row) => (row.stageKey === "accommodation" ? { ...row, doneLate: 12 } : row)),
      }),
      period,
      4,
    );
    expect(text(larger.breaches, "Health check", "Health")).toBe("7");
    expect(text(larger.breaches, "Accommodation", "Council")).toBe("12");
    expect(larger.breaches.columns).toEqual(["Council", "Health", "All agencies"]);
  });

  it("reports completeness as shares of the people rescued", () => {
    expect(text(tables.completeness, "Missing a language", "Value")).toBe("20%");
    // 2 and 1 of 30 people: beside the published 30, the percentages would be the counts.
    expect(text(tables.completeness, "Missing the type of exploitation", "Value")).toBe("[c]");
    expect(text(tables.completeness, "Age disputed", "Value")).toBe("[c]");
    expect(text(tables.completeness, "Missing the age group", "Value")).toBe("0%");
  });

  it("applies the partnership's own threshold everywhere, and says so in the suppressed text", () => {
    const strict = publishDashboard(aggregates(), period, 9).tables;
    expect(text(strict.gender, "Female", "People")).toBe("17");
    expect(text(strict.gender, "Male", "People")).toBe("[c]");
    // 15 of 20 within target: the 5 not within are few enough under 9 to hide the share.
    expect(text(strict.trend, "Jan 2026", "Health check")).toBe("[c]");
    expect(text(strict.trend, "Mar 2026", "Health check")).toBe("[c]");
    expect(text(strict.headlines, `Rescues (operations), ${period.label}`, "Count")).toBe("11");
    expect(text(strict.headlines, "People with a live pathway now", "Count")).toBe("[c]");
    expect(findRecoverableCells({ ...asPublishedTable(strict.volumes), threshold: 9 })).toEqual([]);
  });

  it("publishes nothing about a stage no one in the period had", () => {
    const { tables: empty } = publishDashboard(aggregates({ byStage: [], byStageAndMonth: [], byStageAndAgency: [] }), period, 4);
    expect(empty.timeliness.rows).toEqual([]);
    expect(empty.breaches.rows).toEqual([]);
  });
});

describe("the NRM figures", () => {
  const text = (table: DashboardTable) => table.rows.map((row) => [row.label, ...row.cells.map((cell) => cell.text)]);

  it("hide a count from 1 to the threshold among the referrals, Duty to Notify, refusals and withdrawals; zero stays zero", () => {
    const { tables } = publishDashboard(aggregates(), period, 4);
    expect(text(tables["nrm-process"])).toEqual([
      ["NRM referrals made", "14"],
      ["Duty to Notify sent", "[c]"],
      ["Adults who refused consent to the NRM", "6"],
      ["Adults who withdrew consent to the NRM", "0"],
    ]);
  });

  it("suppress decisions by kind with secondary suppression, so a hidden cell cannot be worked out from its totals", () => {
    const { tables } = publishDashboard(aggregates(), period, 4);
    const rows = text(tables["nrm-decisions-by-kind"]);
    expect(rows.map((row) => row[0])).toEqual(["Reasonable Grounds", "Conclusive Grounds", "All decisions"]);
    // The 2 negative Reasonable Grounds decisions are hidden, and so is another cell of its row and of its column.
    expect(rows[0]![2]).toBe("[c]");
    const body = rows.slice(0, 2).map((row) => row.slice(1, 3));
    expect(body[0]!.filter((cell) => cell === "[c]").length).toBeGreaterThanOrEqual(2);
    expect(body.map((row) => row[1]).filter((cell) => cell === "[c]").length).toBeGreaterThanOrEqual(2);
    expect(rows.flat()).not.toContain("2");
  });

  it("hide a median and percentile of days that stands on too few decisions", () => {
    const { tables } = publishDashboard(aggregates(), period, 4);
    expect(text(tables["nrm-waits"])).toEqual([
      ["Reasonable Grounds", "11", "4 days", "9 days"],
      ["Conclusive Grounds", "[c]", "[c]", "[c]"],
    ]);
  });
});
