import { describe, expect, it } from "vitest";
import { DURATION_BAND_COUNT, durationBandOf } from "../statistics/duration-bands";
import { findRecoverableCells, findRecoverableListEntries } from "../statistics/find-recoverable-cells";
import { perturbCount, publishCount } from "../statistics/cell-key";
import { display, type PublishedCell } from "../statistics/published";
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
/**
 * Every crafted person has the record key K, so a cell of n people has the key sum n × K, and the
 * figure the ptable gives for it is `published(n)`: what every assertion below expects.
 */
const K = 15;
const published = (n: number, threshold = 4) => display(publishCount(n, n * K, threshold));
/** A share as published: from the perturbed part and whole. */
const publishedShare = (part: number, whole: number) => `${Math.round((perturbCount(part, part * K) * 1000) / perturbCount(whole, whole * K)) / 10}%`;
/** A stage row with each count's key sum filled in. */
function withKeys(row: StageCounts): StageCounts {
  const keyed = { ...row };
  for (const name of ["stages", "done", "doneWithinTarget", "doneLate", "escalatedToLead", "escalatedToCoordinator", "escalatedToPcc", "escalationsResolved"] as const) {
    keyed[`${name}KeySum`] = row[name] * K;
  }
  return keyed;
}
const bands = (minutes: number[]) => {
  const counts = new Array<number>(DURATION_BAND_COUNT).fill(0);
  for (const value of minutes) counts[durationBandOf(value)]! += 1;
  return counts;
};

/** A crafted partnership: two stages, two agencies, people over three months. */
const keyed = (count: number) => ({ count, keySum: count * K });

function aggregates(overrides: Partial<DashboardAggregates> = {}): DashboardAggregates {
  return {
    nrmProcess: {
      referrals: keyed(14),
      dutyToNotify: keyed(3),
      consentRefused: keyed(6),
      consentWithdrawn: keyed(0),
      decisions: { rgPositive: keyed(9), rgNegative: keyed(2), cgPositive: keyed(5), cgNegative: keyed(6) },
      waits: { reasonableGrounds: { decisions: keyed(11), median: 4, p90: 9 }, conclusiveGrounds: { decisions: keyed(4), median: 120, p90: 300 } },
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
      { stageKey: "health-check", ...withKeys({ ...ZERO, stages: 30, done: 20, doneWithinTarget: 15, doneLate: 5, escalatedToLead: 9, escalatedToCoordinator: 2, escalatedToPcc: 0, escalationsResolved: 6 }), doneBands: bands(Array.from({ length: 20 }, (_, i) => 60 + i * 10)), resolvedBands: bands([60, 60, 90, 120, 120, 180]) },
      { stageKey: "accommodation", ...withKeys({ ...ZERO, stages: 30, done: 3, doneWithinTarget: 1, doneLate: 2, escalatedToLead: 12, escalatedToCoordinator: 7, escalatedToPcc: 3, escalationsResolved: 1 }), doneBands: bands([100, 200, 300]), resolvedBands: bands([400]) },
    ],
    byStageAndMonth: [
      { stageKey: "health-check", month: "2026-01", ...withKeys({ ...ZERO, stages: 10, done: 20, doneWithinTarget: 15 }) },
      { stageKey: "health-check", month: "2026-02", ...withKeys({ ...ZERO, stages: 10, done: 3, doneWithinTarget: 3 }) },
      { stageKey: "health-check", month: "2026-03", ...withKeys({ ...ZERO, stages: 10, done: 9, doneWithinTarget: 6 }) },
      { stageKey: "accommodation", month: "2026-01", ...withKeys({ ...ZERO, stages: 30, done: 3, doneWithinTarget: 1 }) },
    ],
    byStageAndAgency: [
      { stageKey: "health-check", agencyId: "a-health", ...withKeys({ ...ZERO, stages: 28, doneLate: 5, escalatedToLead: 8 }) },
      { stageKey: "health-check", agencyId: "a-council", ...withKeys({ ...ZERO, stages: 2, doneLate: 0, escalatedToLead: 1 }) },
      { stageKey: "accommodation", agencyId: "a-council", ...withKeys({ ...ZERO, stages: 30, doneLate: 2, escalatedToLead: 12 }) },
    ],
    people: {
      total: 30,
      totalKeySum: 30 * K,
      rescues: 11,
      rescuesKeySum: 11 * K,
      languageMissing: 6,
      languageMissingKeySum: 6 * K,
      byMonthAndAge: [
        { month: "2026-01", ageGroup: "ADULT", people: 8, keySum: 8 * K },
        { month: "2026-01", ageGroup: "CHILD", people: 2, keySum: 2 * K },
        { month: "2026-02", ageGroup: "ADULT", people: 10, keySum: 10 * K },
        { month: "2026-03", ageGroup: "ADULT", people: 9, keySum: 9 * K },
        { month: "2026-03", ageGroup: "AGE_DISPUTED", people: 1, keySum: 1 * K },
      ],
      byGender: [
        { gender: "FEMALE", people: 17, keySum: 17 * K },
        { gender: "MALE", people: 12, keySum: 12 * K },
        { gender: "NON_BINARY", people: 1, keySum: 1 * K },
      ],
      byType: [
        { exploitationType: "LABOUR", people: 20, keySum: 20 * K },
        { exploitationType: "SEXUAL", people: 8, keySum: 8 * K },
        { exploitationType: null, people: 2, keySum: 2 * K },
      ],
      byNationality: [
        { nationalityCode: "ROU", people: 12, keySum: 12 * K },
        { nationalityCode: "GBR", people: 9, keySum: 9 * K },
        { nationalityCode: "ERI", people: 3, keySum: 3 * K },
        { nationalityCode: "PHL", people: 2, keySum: 2 * K },
        { nationalityCode: "GHA", people: 1, keySum: 1 * K },
        { nationalityCode: null, people: 3, keySum: 3 * K },
      ],
      byExploitationLocation: [
        { exploitationLocation: "UK", people: 9, keySum: 9 * K },
        { exploitationLocation: "BOTH", people: 18, keySum: 18 * K },
        { exploitationLocation: null, people: 3, keySum: 3 * K },
      ],
      byCountyLines: [
        { countyLines: "YES", people: 6, keySum: 6 * K },
        { countyLines: "NO", people: 22, keySum: 22 * K },
        { countyLines: "NOT_KNOWN", people: 2, keySum: 2 * K },
      ],
      byAgeAtExploitation: [
        { ageAtExploitation: "ADULT", people: 20, keySum: 20 * K },
        { ageAtExploitation: "CHILD", people: 10, keySum: 10 * K },
      ],
      byReferrerType: [
        { referrerType: "POLICE", people: 15, keySum: 15 * K },
        { referrerType: "NGO", people: 10, keySum: 10 * K },
        { referrerType: "HOME_OFFICE", people: 1, keySum: 1 * K },
        { referrerType: null, people: 4, keySum: 4 * K },
      ],
      byMonthAndNrm: [
        { month: "2026-01", nrmOutcome: "NRM_REFERRAL", people: 6, keySum: 6 * K },
        { month: "2026-01", nrmOutcome: "DUTY_TO_NOTIFY", people: 2, keySum: 2 * K },
        { month: "2026-02", nrmOutcome: "NRM_REFERRAL", people: 7, keySum: 7 * K },
        { month: "2026-02", nrmOutcome: "DUTY_TO_NOTIFY", people: 3, keySum: 3 * K },
        { month: "2026-03", nrmOutcome: "CHILD_REFERRAL", people: 1, keySum: 1 * K },
        { month: "2026-03", nrmOutcome: null, people: 11, keySum: 11 * K },
      ],
    },
    live: {
      livePathways: 4,
      livePathwaysKeySum: 4 * K,
      stagesOverdueNow: 7,
      stagesOverdueNowKeySum: 7 * K,
      openOverdue: [{ stageKey: "health-check", agencyId: "a-health", stages: 2, keySum: 2 * K }],
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
    expect(tables.volumes.rows.find((row) => row.label === "Jan 2026")!.cells.filter((cell) => cell.suppressed).length).toBeGreaterThanOrEqual(2);
  });

  it("hides enough entries of every list that no hidden count follows from the total", () => {
    for (const id of ["gender", "exploitation-type", "uk-overseas", "county-lines", "age-at-exploitation", "referrer-type", "nationality", "escalations-by-agency"] as const) {
      if (id === "escalations-by-agency") continue;
      expect(findRecoverableListEntries(asPublishedList(tables[id]))).toEqual([]);
    }
    expect(text(tables.gender, "Non-binary", "People")).toBe("[c]");
    expect(text(tables.gender, "All people", "People")).toBe(published(30));
    expect([published(17), published(12)].filter((shown) => tables.gender.rows.some((row) => row.cells[0]!.text === shown))).toHaveLength(1);
  });

  it("folds nationalities of 4 people or fewer into Other, and never names them", () => {
    expect(tables.nationality.rows.map((row) => row.label)).toEqual(["Romania", "United Kingdom", "Other", "Not recorded", "All people"]);
    // Other (6) is big enough, but "Not recorded" (3) is hidden, and with it the next smallest entry.
    expect(text(tables.nationality, "Other", "People")).toBe("[c]");
    expect(text(tables.nationality, "Romania", "People")).toBe(published(12));
    expect(JSON.stringify(tables.nationality)).not.toMatch(/Eritrea|Philippines|Ghana/);
  });

  it("breaks people down by the national categories as recorded, with Not recorded last", () => {
    // Where exploited is what was recorded, not a guess from nationality: 9 UK, 18 both, 3 unanswered.
    expect(tables["uk-overseas"].rows.map((row) => row.label)).toEqual(["UK", "Overseas", "Both UK and overseas", "Not known", "Not recorded", "All people"]);
    expect(text(tables["uk-overseas"], "Both UK and overseas", "People")).toBe(published(18));
    // "Not recorded" (3) is hidden, so the UK's 9 is hidden with it.
    expect(text(tables["uk-overseas"], "Not recorded", "People")).toBe("[c]");
    expect(text(tables["uk-overseas"], "UK", "People")).toBe("[c]");
    // "Not known" (2) is hidden, and the next smallest (6) with it.
    expect(text(tables["county-lines"], "Yes", "People")).toBe("[c]");
    expect(text(tables["county-lines"], "No", "People")).toBe(published(22));
    expect(text(tables["county-lines"], "Not known", "People")).toBe("[c]");
    expect(text(tables["age-at-exploitation"], "Child", "People")).toBe(published(10));
    expect(text(tables["age-at-exploitation"], "Not recorded", "People")).toBe("0");
    expect(text(tables["referrer-type"], "Police", "People")).toBe(published(15));
    expect(text(tables["referrer-type"], "Home Office (UKVI, Immigration Enforcement, Border Force)", "People")).toBe("[c]");
    expect(text(tables["referrer-type"], "Not recorded", "People")).toBe("[c]");
    expect(text(tables.completeness, "Missing the type of referring organisation", "Value")).toBe("[c]");
    expect(text(tables.completeness, "Missing the age at exploitation", "Value")).toBe("0%");
    expect(text(tables.completeness, "Missing the county lines flag", "Value")).toBe("0%");
  });

  it("hides percentages, medians and percentiles computed from 1 to 4 people", () => {
    expect(text(tables.timeliness, "Health check", "Within target")).toBe(publishedShare(15, 20));
    expect(text(tables.timeliness, "Accommodation", "Median")).toBe("[c]");
    expect(text(tables.timeliness, "Accommodation", "Within target")).toBe("[c]");
    expect(text(tables.trend, "Feb 2026", "Health check")).toBe("[c]");
    expect(text(tables.trend, "Jan 2026", "Health check")).toBe(publishedShare(15, 20));
    expect(text(tables.trend, "Mar 2026", "Accommodation")).toBe("–");
    expect(text(tables.escalations, "Accommodation", "Median time to resolve")).toBe("[c]");
    expect(text(tables.escalations, "Health check", "Median time to resolve")).toMatch(/^1 h|^2 h/);
  });

  it("counts a breach as done late or open past target now, by stage and owning agency", () => {
    const base = aggregates();
    const { tables: larger } = publishDashboard(
      aggregates({
        byStageAndAgency: base.byStageAndAgency.map((row) => (row.stageKey === "accommodation" ? { ...row, ...withKeys({ ...row, doneLate: 12 }) } : row)),
      }),
      period,
      4,
    );
    // 5 done late and 2 open past target: one cell of 7 stages, perturbed from the 7 people's keys.
    expect(text(larger.breaches, "Health check", "Health")).toBe(published(7));
    expect(text(larger.breaches, "Accommodation", "Council")).toBe(published(12));
    expect(larger.breaches.columns).toEqual(["Council", "Health", "All agencies"]);
  });

  it("reports completeness as shares of the people rescued", () => {
    expect(text(tables.completeness, "Missing a language", "Value")).toBe(publishedShare(6, 30));
    // 2 and 1 of 30 people: beside the published 30, the percentages would be the counts.
    expect(text(tables.completeness, "Missing the type of exploitation", "Value")).toBe("[c]");
    expect(text(tables.completeness, "Age disputed", "Value")).toBe("[c]");
    expect(text(tables.completeness, "Missing the age group", "Value")).toBe("0%");
  });

  it("applies the partnership's own threshold everywhere, and says so in the suppressed text", () => {
    const strict = publishDashboard(aggregates(), period, 9).tables;
    expect(text(strict.gender, "Female", "People")).toBe(published(17, 9));
    expect(text(strict.gender, "Male", "People")).toBe("[c]");
    // 15 of 20 within target: the 5 not within are few enough under 9 to hide the share.
    expect(text(strict.trend, "Jan 2026", "Health check")).toBe("[c]");
    expect(text(strict.trend, "Mar 2026", "Health check")).toBe("[c]");
    expect(text(strict.headlines, `Rescues (operations), ${period.label}`, "Count")).toBe(published(11, 9));
    expect(text(strict.headlines, "People with a live pathway now", "Count")).toBe("[c]");
    expect(findRecoverableCells({ ...asPublishedTable(strict.volumes), threshold: 9 })).toEqual([]);
  });

  it("perturbs every count from its people's keys, and gives the same people the same figure in every table", () => {
    // 30 people: the headline, each list's total, the volumes' grand total and completeness are one cell.
    const everyone = published(30);
    expect(everyone).not.toBe("30");
    expect(text(tables.headlines, `People rescued, ${period.label}`, "Count")).toBe(everyone);
    for (const id of ["gender", "exploitation-type", "uk-overseas", "nationality"] as const) expect(text(tables[id], "All people", "People")).toBe(everyone);
    expect(text(tables.volumes, "All months", "All")).toBe(everyone);
    expect(text(tables.completeness, "People rescued in the period", "Value")).toBe(everyone);
    expect(text(tables.timeliness, "Health check", "Done")).toBe(published(20));
  });

  it("perturbs a total from its own key sum, not by adding up its perturbed parts", () => {
    // February: 10 adults, no one else. March: 9 adults and 1 age disputed, so March's total is hidden with the 1.
    expect(text(tables.volumes, "Feb 2026", "Adult")).toBe(published(10));
    expect(text(tables.volumes, "Feb 2026", "All")).toBe(published(10));
    // The adults' column: 27 people, perturbed as one cell.
    const adults = text(tables.volumes, "All months", "Adult");
    expect(adults).toBe(published(27));
    // Labour 20, sexual 8 (and 2 not recorded): the total is 30's figure, whatever 20's and 8's are.
    expect(text(tables["exploitation-type"], "All people", "People")).toBe(published(30));
  });

  it("makes shares from the perturbed counts, never above 100%", () => {
    // January's health checks: 15 of 20 within target, published from the figures for 15 and 20.
    const shown = text(tables.trend, "Jan 2026", "Health check");
    expect(shown).toBe(publishedShare(15, 20));
    // All 12 done within target: the share is 100%, never more, whatever the two figures are.
    const all = publishDashboard(
      aggregates({ byStageAndMonth: [{ stageKey: "health-check", month: "2026-01", ...withKeys({ ...ZERO, stages: 12, done: 12, doneWithinTarget: 12 }) }] }),
      period,
      4,
    ).tables;
    expect(text(all.trend, "Jan 2026", "Health check")).toBe("100%");
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
      ["NRM referrals made", published(14)],
      ["Duty to Notify sent", "[c]"],
      ["Adults who refused consent to the NRM", published(6)],
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
      ["Reasonable Grounds", published(11), "4 days", "9 days"],
      ["Conclusive Grounds", "[c]", "[c]", "[c]"],
    ]);
  });
});
