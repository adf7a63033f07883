import { addCounted, NONE, publishCount, type Counted } from "../statistics/cell-key";
import { quantileFromBands } from "../statistics/duration-bands";
import { foldSmallGroups } from "../statistics/fold-small-groups";
import { SUPPRESSED_MARK, type PublishedCell, type PublishedTable } from "../statistics/published";
import { publishShare, publishStatisticOn, type PublishedStatistic } from "../statistics/suppress-statistic";
import { publishList, publishTable } from "../statistics/suppress-table";
import { formatDuration } from "../time/duration";
import {
  AGE_GROUP_LABELS,
  AGE_GROUPS,
  EXPLOITATION_TYPE_LABELS,
  EXPLOITATION_TYPES,
  GENDER_LABELS,
  GENDERS,
  type AgeGroup,
  type ExploitationType,
  type Gender,
} from "../types";
import { nationalityName } from "../nationality/countries";
import {
  AGE_AT_EXPLOITATION_LABELS,
  AGES_AT_EXPLOITATION,
  COUNTY_LINES_ANSWERS,
  COUNTY_LINES_LABELS,
  EXPLOITATION_LOCATION_LABELS,
  EXPLOITATION_LOCATIONS,
  REFERRER_TYPE_LABELS,
  REFERRER_TYPES,
  type AgeAtExploitation,
  type CountyLines,
  type ExploitationLocation,
  type ReferrerType,
} from "../rescue/national-categories";
import type { Period } from "./period";

// ---- What the database adds up (counts only; see src/server/dashboard/read-*.ts) ----------------

export type StageCounts = {
  stages: number;
  done: number;
  doneWithinTarget: number;
  doneLate: number;
  escalatedToLead: number;
  escalatedToCoordinator: number;
  escalatedToPcc: number;
  escalationsResolved: number;
} & StageKeySums;
/** Beside each count of people, the sum of their record keys (cell-key method, decision record 0018). */
export type StageKeySums = {
  stagesKeySum: number;
  doneKeySum: number;
  doneWithinTargetKeySum: number;
  doneLateKeySum: number;
  escalatedToLeadKeySum: number;
  escalatedToCoordinatorKeySum: number;
  escalatedToPccKeySum: number;
  escalationsResolvedKeySum: number;
};
/** A count of people and the sum of their record keys (decision record 0018). */
export type KeyedCount = { count: number; keySum: number };
/** Days from NRM referral to a decision: how many decisions, their median and 90th percentile. */
export type DecisionWait = { decisions: KeyedCount; median: number | null; p90: number | null };
/** The NRM followed (decision record 0020), for people rescued in the period; Duty to Notify by day sent. */
export type NrmProcessCounts = {
  referrals: KeyedCount;
  dutyToNotify: KeyedCount;
  consentRefused: KeyedCount;
  consentWithdrawn: KeyedCount;
  decisions: { rgPositive: KeyedCount; rgNegative: KeyedCount; cgPositive: KeyedCount; cgNegative: KeyedCount };
  waits: { reasonableGrounds: DecisionWait; conclusiveGrounds: DecisionWait };
};

export type DashboardAggregates = {
  nrmProcess: NrmProcessCounts;
  stagesInOrder: { key: string; title: string; target: string }[];
  agencies: { id: string; name: string }[];
  byStage: (StageCounts & { stageKey: string; doneBands: number[]; resolvedBands: number[] })[];
  byStageAndMonth: (StageCounts & { stageKey: string; month: string })[];
  byStageAndAgency: (StageCounts & { stageKey: string; agencyId: string })[];
  people: {
    total: number;
    totalKeySum: number;
    /** Rescues (operations) that the people counted came from, and the sum of those rescues' record keys. */
    rescues: number;
    rescuesKeySum: number;
    languageMissing: number;
    languageMissingKeySum: number;
    byMonthAndAge: { month: string; ageGroup: AgeGroup; people: number; keySum: number }[];
    byGender: { gender: Gender; people: number; keySum: number }[];
    byType: { exploitationType: ExploitationType | null; people: number; keySum: number }[];
    /** By code (decision record 0019); null is unanswered, or legacy text that matched no country. */
    byNationality: { nationalityCode: string | null; people: number; keySum: number }[];
    byExploitationLocation: { exploitationLocation: ExploitationLocation | null; people: number; keySum: number }[];
    byCountyLines: { countyLines: CountyLines | null; people: number; keySum: number }[];
    byAgeAtExploitation: { ageAtExploitation: AgeAtExploitation | null; people: number; keySum: number }[];
    byReferrerType: { referrerType: ReferrerType | null; people: number; keySum: number }[];
    byMonthAndNrm: { month: string; nrmOutcome: string | null; people: number; keySum: number }[];
  };
  live: {
    livePathways: number;
    livePathwaysKeySum: number;
    stagesOverdueNow: number;
    stagesOverdueNowKeySum: number;
    openOverdue: { stageKey: string; agencyId: string; stages: number; keySum: number }[];
  };
};

// ---- What the PCC office sees ---------------------------------------------------------------------

/** One cell as published: its text, and its number when shown (for charts); never a hidden value. */
export type TableCell = { text: string; value: number | null; suppressed: boolean };
export type TableRow = { label: string; cells: TableCell[]; total?: boolean };
export type DashboardTable = { id: DashboardTableId; title: string; note?: string; rowHeader: string; columns: string[]; rows: TableRow[] };

export const DASHBOARD_TABLE_IDS = [
  "headlines",
  "timeliness",
  "trend",
  "breaches",
  "escalations",
  "escalations-by-agency",
  "volumes",
  "gender",
  "exploitation-type",
  "uk-overseas",
  "county-lines",
  "age-at-exploitation",
  "referrer-type",
  "nationality",
  "nrm",
  "nrm-process",
  "nrm-decisions-by-kind",
  "nrm-waits",
  "completeness",
] as const;
export type DashboardTableId = (typeof DASHBOARD_TABLE_IDS)[number];

export type PublishedDashboard = { threshold: number; period: Period; tables: Record<DashboardTableId, DashboardTable> };

export const NRM_OUTCOMES = [
  { key: "NRM_REFERRAL", label: "Adult consented: NRM referral" },
  { key: "DUTY_TO_NOTIFY", label: "Adult declined: Duty to Notify" },
  { key: "CHILD_REFERRAL", label: "Child: NRM referral (no consent needed)" },
] as const;

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** "2026-03" as "Mar 2026". */
export const monthLabel = (month: string) => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

type Publishing = {
  aggregates: DashboardAggregates;
  period: Period;
  threshold: number;
  /** Stages anyone in the period has, in pathway order. */
  stages: DashboardAggregates["stagesInOrder"];
  stageOf: (key: string) => DashboardAggregates["byStage"][number];
  /** Agencies that own a stage counted in the period, or one open past its target now. */
  owningAgencies: DashboardAggregates["agencies"];
};

/**
 * Turns the dashboard's counts into the tables the PCC office sees, every figure under the
 * small-number rule and the cell-key method (decision record 0018): every count, total included, is
 * perturbed from its own key sum; counts from 1 to `threshold`, true or perturbed, are suppressed;
 * tables and lists with totals get secondary suppression; percentages are made from perturbed counts;
 * percentages, medians and percentiles are hidden whenever the count they stand on is. Every hidden
 * figure reads SUPPRESSED_MARK. The page, its charts and the CSV downloads all draw from these
 * tables, so they agree. Counts reach a table only as `Counted` (count and key sum) through the
 * helpers below (`single`, `listTable`, `crossTable`, `percentOf`, `bandQuantile`), so a new table
 * is perturbed by construction.
 */
export function publishDashboard(aggregates: DashboardAggregates, period: Period, threshold: number): PublishedDashboard {
  const stages = aggregates.stagesInOrder.filter((stage) => aggregates.byStage.some((row) => row.stageKey === stage.key && row.stages > 0));
  const stageOf = (key: string) => aggregates.byStage.find((row) => row.stageKey === key)!;
  const { live } = aggregates;
  const owningAgencies = aggregates.agencies.filter((agency) =>
    aggregates.byStageAndAgency.some((row) => row.agencyId === agency.id && row.stages > 0) || live.openOverdue.some((row) => row.agencyId === agency.id),
  );
  const ctx: Publishing = { aggregates, period, threshold, stages, stageOf, owningAgencies };
  return {
    threshold,
    period,
    tables: {
      headlines: headlinesTable(ctx),
      timeliness: timelinessTable(ctx),
      trend: trendTable(ctx),
      breaches: breachesTable(ctx),
      escalations: escalationsTable(ctx),
      "escalations-by-agency": escalationsByAgencyTable(ctx),
      volumes: volumesTable(ctx),
      gender: genderTable(ctx),
      "exploitation-type": exploitationTypeTable(ctx),
      "uk-overseas": ukOverseasTable(ctx),
      "county-lines": countyLinesTable(ctx),
      "age-at-exploitation": ageAtExploitationTable(ctx),
      "referrer-type": referrerTypeTable(ctx),
      nationality: nationalityTable(ctx),
      nrm: nrmTable(ctx),
      "nrm-process": nrmProcessTable(ctx),
      "nrm-decisions-by-kind": nrmDecisionsTable(ctx),
      "nrm-waits": nrmWaitsTable(ctx),
      completeness: completenessTable(ctx),
    },
  };
}

// ---- Shown, hidden or none: one cell as the page prints it -----------------------------------------

function count(cell: PublishedCell): TableCell {
  return { text: cell.kind === "value" ? String(cell.value) : SUPPRESSED_MARK, value: cell.kind === "value" ? cell.value : null, suppressed: cell.kind === "suppressed" };
}

function statistic<T extends number>(value: PublishedStatistic<T>, format: (value: T) => string): TableCell {
  return value.kind === "shown"
    ? { text: format(value.value), value: value.value, suppressed: false }
    : value.kind === "suppressed"
      ? { text: SUPPRESSED_MARK, value: null, suppressed: true }
      : { text: "–", value: null, suppressed: false };
}

const percentText = (n: number) => `${n}%`;
const minutesText = (minutes: number) => formatDuration(minutes * 60_000);

/** A share made from the published (perturbed) part and whole, hidden when either is. */
function percentOf(ctx: Publishing, part: Counted, whole: Counted): TableCell {
  return statistic(publishShare(part, whole, ctx.threshold), percentText);
}

/**
 * A median or percentile of a stage's time bands, shown only when the count of people it stands on
 * is (the bands themselves are never published).
 */
function bandQuantile(ctx: Publishing, bands: number[], q: number, people: Counted): TableCell {
  const value = quantileFromBands(bands, q);
  return statistic(value === null ? { kind: "none" } : publishStatisticOn(Math.round(value), people, ctx.threshold), minutesText);
}

/** A figure standing alone (a headline): perturbed, and hidden when small, like any count. */
function single(ctx: Publishing, n: Counted): TableCell {
  return count(publishCount(n.count, n.keySum, ctx.threshold));
}

/** A count of people beside statistics about them: "–" when there is no one, as the statistics read. */
function countOrNone(ctx: Publishing, n: Counted): TableCell {
  return n.count === 0 ? { text: "–", value: null, suppressed: false } : single(ctx, n);
}

type StageMeasure = Exclude<keyof StageCounts, keyof StageKeySums>;
/** One measure of a stage row as a count with its key sum; none when there is no row. */
const measure = (row: StageCounts | undefined, name: StageMeasure): Counted =>
  row ? { count: row[name], keySum: row[`${name}KeySum`] } : NONE;

// ---- One function per table ------------------------------------------------------------------------

function headlinesTable(ctx: Publishing): DashboardTable {
  const { period } = ctx;
  const { people, live } = ctx.aggregates;
  return {
    id: "headlines",
    title: "At a glance",
    rowHeader: "Measure",
    columns: ["Count"],
    rows: [
      { label: `People rescued, ${period.label}`, cells: [single(ctx, { count: people.total, keySum: people.totalKeySum })] },
      { label: `Rescues (operations), ${period.label}`, cells: [single(ctx, { count: people.rescues, keySum: people.rescuesKeySum })] },
      { label: "People with a live pathway now", cells: [single(ctx, { count: live.livePathways, keySum: live.livePathwaysKeySum })] },
      { label: "Stages overdue now", cells: [single(ctx, { count: live.stagesOverdueNow, keySum: live.stagesOverdueNowKeySum })] },
    ],
  };
}

function timelinessTable(ctx: Publishing): DashboardTable {
  const { stages, stageOf } = ctx;
  return {
    id: "timeliness",
    title: "Timeliness per stage",
    note: "For people rescued in the period: time from rescue to the stage being done. Medians and percentiles are read from time bands and are within a few per cent.",
    rowHeader: "Stage",
    columns: ["Target", "Done", "Median", "90th percentile", "Within target"],
    rows: stages.map((stage) => {
      const row = stageOf(stage.key);
      const done = measure(row, "done");
      return {
        label: stage.title,
        cells: [
          { text: stage.target, value: null, suppressed: false },
          countOrNone(ctx, done),
          bandQuantile(ctx, row.doneBands, 0.5, done),
          bandQuantile(ctx, row.doneBands, 0.9, done),
          percentOf(ctx, measure(row, "doneWithinTarget"), done),
        ],
      };
    }),
  };
}

function trendTable(ctx: Publishing): DashboardTable {
  const { stages, period, aggregates } = ctx;
  return {
    id: "trend",
    title: "Share done within target, by month of rescue",
    note: "Each month counts the people rescued in it, so recent months rise as their stages are done.",
    rowHeader: "Month",
    columns: stages.map((stage) => stage.title),
    rows: period.months.map((month) => ({
      label: monthLabel(month),
      cells: stages.map((stage) => {
        const row = aggregates.byStageAndMonth.find((entry) => entry.stageKey === stage.key && entry.month === month);
        return percentOf(ctx, measure(row, "doneWithinTarget"), measure(row, "done"));
      }),
    })),
  };
}

/** Breaches: stages done after their target, and stages still open past it now. */
function breachesTable(ctx: Publishing): DashboardTable {
  const { stages, owningAgencies, aggregates, threshold } = ctx;
  const openOverdue = (stageKey: string, agencyId: string): Counted => {
    const row = aggregates.live.openOverdue.find((entry) => entry.stageKey === stageKey && entry.agencyId === agencyId);
    return row ? { count: row.stages, keySum: row.keySum } : NONE;
  };
  const breachCount = (stageKey: string, agencyId: string) =>
    addCounted([measure(aggregates.byStageAndAgency.find((row) => row.stageKey === stageKey && row.agencyId === agencyId), "doneLate"), openOverdue(stageKey, agencyId)]);
  return tableWithTotals(
    {
      id: "breaches",
      title: "Target missed, by stage and owning agency",
      note: "Stages done after their target, and stages still open past it now.",
      rowHeader: "Stage",
      columns: [...owningAgencies.map((agency) => agency.name), "All agencies"],
    },
    stages.map((stage) => stage.title),
    "All stages",
    crossTable(
      stages.map((stage) => owningAgencies.map((agency) => breachCount(stage.key, agency.id))),
      threshold,
    ),
  );
}

function escalationsTable(ctx: Publishing): DashboardTable {
  const { stages, stageOf, threshold } = ctx;
  const columnList = (name: StageMeasure) => publishList(stages.map((stage) => measure(stageOf(stage.key), name)), { threshold });
  const lead = columnList("escalatedToLead");
  const coordinator = columnList("escalatedToCoordinator");
  const pcc = columnList("escalatedToPcc");
  const resolved = columnList("escalationsResolved");
  const allResolvedBands = sumBands(stages.map((stage) => stageOf(stage.key).resolvedBands));
  const allResolved = addCounted(stages.map((stage) => measure(stageOf(stage.key), "escalationsResolved")));
  return {
    id: "escalations",
    title: "Escalations raised and time to resolve",
    note: "An overdue stage goes to the owning agency's lead, then the coordinator, then (as a count) the PCC office. Resolved: the stage has since been done; time to resolve runs from the first escalation.",
    rowHeader: "Stage",
    columns: ["To the agency lead", "To the coordinator", "To the PCC office", "Resolved", "Median time to resolve"],
    rows: [
      ...stages.map((stage, index) => ({
        label: stage.title,
        cells: [
          count(lead.cells[index]!),
          count(coordinator.cells[index]!),
          count(pcc.cells[index]!),
          count(resolved.cells[index]!),
          bandQuantile(ctx, stageOf(stage.key).resolvedBands, 0.5, measure(stageOf(stage.key), "escalationsResolved")),
        ],
      })),
      {
        label: "All stages",
        total: true,
        cells: [count(lead.total), count(coordinator.total), count(pcc.total), count(resolved.total), bandQuantile(ctx, allResolvedBands, 0.5, allResolved)],
      },
    ],
  };
}

function escalationsByAgencyTable(ctx: Publishing): DashboardTable {
  const { owningAgencies, aggregates, threshold } = ctx;
  const agencyList = (name: StageMeasure) =>
    publishList(
      owningAgencies.map((agency) => addCounted(aggregates.byStageAndAgency.filter((row) => row.agencyId === agency.id).map((row) => measure(row, name)))),
      { threshold },
    );
  const lead = agencyList("escalatedToLead");
  const coordinator = agencyList("escalatedToCoordinator");
  const pcc = agencyList("escalatedToPcc");
  return {
    id: "escalations-by-agency",
    title: "Escalations raised, by owning agency",
    rowHeader: "Agency",
    columns: ["To the agency lead", "To the coordinator", "To the PCC office"],
    rows: [
      ...owningAgencies.map((agency, index) => ({
        label: agency.name,
        cells: [count(lead.cells[index]!), count(coordinator.cells[index]!), count(pcc.cells[index]!)],
      })),
      { label: "All agencies", total: true, cells: [count(lead.total), count(coordinator.total), count(pcc.total)] },
    ],
  };
}

function volumesTable(ctx: Publishing): DashboardTable {
  const { period, threshold } = ctx;
  const { people } = ctx.aggregates;
  return tableWithTotals(
    {
      id: "volumes",
      title: "People rescued by month and age group",
      rowHeader: "Month",
      columns: [...AGE_GROUPS.map((ageGroup) => AGE_GROUP_LABELS[ageGroup]), "All"],
    },
    period.months.map(monthLabel),
    "All months",
    crossTable(
      period.months.map((month) =>
        AGE_GROUPS.map((ageGroup) => peopleIn(people.byMonthAndAge.filter((row) => row.month === month && row.ageGroup === ageGroup))),
      ),
      threshold,
    ),
  );
}

/** A list of groups of people with its total, perturbed, under primary and secondary suppression. */
function listTable(
  ctx: Publishing,
  head: { id: DashboardTableId; title: string; rowHeader: string; note?: string },
  groups: ({ label: string } & Counted)[],
): DashboardTable {
  const list = publishList(groups, { threshold: ctx.threshold });
  return {
    ...head,
    columns: ["People"],
    rows: [
      ...groups.map((group, index) => ({ label: group.label, cells: [count(list.cells[index]!)] })),
      { label: "All people", total: true, cells: [count(list.total)] },
    ],
  };
}

function genderTable(ctx: Publishing): DashboardTable {
  const { people } = ctx.aggregates;
  return listTable(
    ctx,
    { id: "gender", title: "People rescued by gender", rowHeader: "Gender" },
    GENDERS.map((value) => ({ label: GENDER_LABELS[value], ...peopleIn(people.byGender.filter((row) => row.gender === value)) })),
  );
}

function exploitationTypeTable(ctx: Publishing): DashboardTable {
  const { people } = ctx.aggregates;
  return listTable(ctx, { id: "exploitation-type", title: "People rescued by type of exploitation", rowHeader: "Type of exploitation" }, [
    ...EXPLOITATION_TYPES.map((value) => ({
      label: EXPLOITATION_TYPE_LABELS[value],
      ...peopleIn(people.byType.filter((row) => row.exploitationType === value)),
    })),
    { label: "Not recorded", ...peopleIn(people.byType.filter((row) => row.exploitationType === null)) },
  ]);
}

/**
 * One breakdown of people by a national category (decision record 0019): each answer in the Home
 * Office's order, then "Not recorded" for people nobody answered it for.
 */
function categoryGroups<T extends string>(
  values: readonly T[],
  labels: Record<T, string>,
  rows: { people: number; keySum: number; value: T | null }[],
): { label: string; count: number; keySum: number }[] {
  const of = (value: T | null) => rows.find((row) => row.value === value);
  return [...values, null].map((value) => ({
    label: value === null ? "Not recorded" : labels[value],
    count: of(value)?.people ?? 0,
    keySum: of(value)?.keySum ?? 0,
  }));
}

/** Where the exploitation took place, as recorded per person (no longer guessed from nationality). */
function ukOverseasTable(ctx: Publishing): DashboardTable {
  const { people } = ctx.aggregates;
  return listTable(
    ctx,
    { id: "uk-overseas", title: "People rescued by where the exploitation took place", rowHeader: "Where exploited" },
    categoryGroups(EXPLOITATION_LOCATIONS, EXPLOITATION_LOCATION_LABELS, people.byExploitationLocation.map((row) => ({ ...row, value: row.exploitationLocation }))),
  );
}

function countyLinesTable(ctx: Publishing): DashboardTable {
  const { people } = ctx.aggregates;
  return listTable(
    ctx,
    {
      id: "county-lines",
      title: "People rescued by county lines exploitation",
      rowHeader: "County lines",
      note: "County lines: criminal exploitation moving drugs from cities to other areas, as the Home Office flags it.",
    },
    categoryGroups(COUNTY_LINES_ANSWERS, COUNTY_LINES_LABELS, people.byCountyLines.map((row) => ({ ...row, value: row.countyLines }))),
  );
}

function ageAtExploitationTable(ctx: Publishing): DashboardTable {
  const { people } = ctx.aggregates;
  return listTable(
    ctx,
    {
      id: "age-at-exploitation",
      title: "People rescued by age at exploitation",
      rowHeader: "Age at exploitation",
      note: "Age when the exploitation took place, as the Home Office counts it; the age group by month above is age at rescue.",
    },
    categoryGroups(AGES_AT_EXPLOITATION, AGE_AT_EXPLOITATION_LABELS, people.byAgeAtExploitation.map((row) => ({ ...row, value: row.ageAtExploitation }))),
  );
}

function referrerTypeTable(ctx: Publishing): DashboardTable {
  const { people } = ctx.aggregates;
  return listTable(
    ctx,
    {
      id: "referrer-type",
      title: "People rescued by type of organisation that referred or first found them",
      rowHeader: "Type of organisation",
      note: "The first responder types of the Home Office's NRM statistics.",
    },
    categoryGroups(REFERRER_TYPES, REFERRER_TYPE_LABELS, people.byReferrerType.map((row) => ({ ...row, value: row.referrerType }))),
  );
}

function nationalityTable(ctx: Publishing): DashboardTable {
  const { threshold } = ctx;
  const { people } = ctx.aggregates;
  // Largest first by the figure as published, so the order says no more than the figures do.
  const shown = (group: Counted) => perturbedOrZero(group, threshold);
  const named = people.byNationality
    .filter((row) => row.nationalityCode !== null)
    .map((row) => ({ label: nationalityName(row.nationalityCode!), count: row.people, keySum: row.keySum }))
    .sort((a, b) => shown(b) - shown(a) || a.label.localeCompare(b.label));
  const notRecorded = peopleIn(people.byNationality.filter((row) => row.nationalityCode === null));
  return listTable(
    ctx,
    {
      id: "nationality",
      title: "People rescued by nationality",
      rowHeader: "Nationality",
      note: `Nationalities with ${threshold} people or fewer are counted together as "Other". Not recorded includes free text recorded before the country list that matched no country.`,
    },
    [...foldSmallGroups(named, threshold, "Other"), ...(notRecorded.count > 0 ? [{ label: "Not recorded", ...notRecorded }] : [])],
  );
}

function nrmTable(ctx: Publishing): DashboardTable {
  const { period, threshold } = ctx;
  const { people } = ctx.aggregates;
  return tableWithTotals(
    {
      id: "nrm",
      title: "NRM consent and Duty to Notify, by month of rescue",
      note: "Adults decide after rest whether to be referred to the National Referral Mechanism; a declined adult is notified to the Home Office without identifying details. Children never need consent. People without a decision yet are not counted.",
      rowHeader: "Month",
      columns: [...NRM_OUTCOMES.map((outcome) => outcome.label), "All decisions"],
    },
    period.months.map(monthLabel),
    "All months",
    crossTable(
      period.months.map((month) =>
        NRM_OUTCOMES.map((outcome) => peopleIn(people.byMonthAndNrm.filter((row) => row.month === month && row.nrmOutcome === outcome.key))),
      ),
      threshold,
    ),
  );
}

/** Each figure stands alone (they are not parts of one whole), so each is suppressed like a headline. */
function nrmProcessTable(ctx: Publishing): DashboardTable {
  const { nrmProcess } = ctx.aggregates;
  return {
    id: "nrm-process",
    title: "The NRM followed",
    note: "Referrals, refusals and withdrawals are of people rescued in the period (their consent decision as it stands now). Duty to Notify records hold no person, so they are counted by the day they were sent, under the filters they can answer.",
    rowHeader: "Measure",
    columns: ["Count"],
    rows: [
      { label: "NRM referrals made", cells: [single(ctx, nrmProcess.referrals)] },
      { label: "Duty to Notify sent", cells: [single(ctx, nrmProcess.dutyToNotify)] },
      { label: "Adults who refused consent to the NRM", cells: [single(ctx, nrmProcess.consentRefused)] },
      { label: "Adults who withdrew consent to the NRM", cells: [single(ctx, nrmProcess.consentWithdrawn)] },
    ],
  };
}

function nrmDecisionsTable(ctx: Publishing): DashboardTable {
  const { decisions } = ctx.aggregates.nrmProcess;
  return tableWithTotals(
    { id: "nrm-decisions-by-kind", title: "NRM decisions received, by kind", rowHeader: "Decision", columns: ["Positive", "Negative", "All decisions"] },
    ["Reasonable Grounds", "Conclusive Grounds"],
    "All decisions",
    crossTable(
      [
        [decisions.rgPositive, decisions.rgNegative],
        [decisions.cgPositive, decisions.cgNegative],
      ],
      ctx.threshold,
    ),
  );
}

const daysText = (days: number) => `${days} day${days === 1 ? "" : "s"}`;

/** Medians and percentiles from few decisions are hidden like any statistic. */
function nrmWaitsTable(ctx: Publishing): DashboardTable {
  const { waits } = ctx.aggregates.nrmProcess;
  const row = (label: string, wait: DecisionWait): TableRow => ({
    label,
    cells: [
      countOrNone(ctx, wait.decisions),
      statistic(wait.median === null ? { kind: "none" } : publishStatisticOn(wait.median, wait.decisions, ctx.threshold), daysText),
      statistic(wait.p90 === null ? { kind: "none" } : publishStatisticOn(wait.p90, wait.decisions, ctx.threshold), daysText),
    ],
  });
  return {
    id: "nrm-waits",
    title: "Days from NRM referral to each decision",
    note: "Reasonable Grounds decisions are expected within 5 working days; Conclusive Grounds decisions come at least 30 days after them.",
    rowHeader: "Decision",
    columns: ["Decisions", "Median", "90th percentile"],
    rows: [row("Reasonable Grounds", waits.reasonableGrounds), row("Conclusive Grounds", waits.conclusiveGrounds)],
  };
}

function completenessTable(ctx: Publishing): DashboardTable {
  const { people } = ctx.aggregates;
  const everyone: Counted = { count: people.total, keySum: people.totalKeySum };
  const disputed = peopleIn(people.byMonthAndAge.filter((row) => row.ageGroup === "AGE_DISPUTED"));
  const typeMissing = peopleIn(people.byType.filter((row) => row.exploitationType === null));
  const languageMissing: Counted = { count: people.languageMissing, keySum: people.languageMissingKeySum };
  const missing = <K extends string>(rows: ({ people: number; keySum: number } & Record<K, unknown>)[], key: K) =>
    peopleIn(rows.filter((row) => row[key] === null));
  return {
    id: "completeness",
    title: "Data completeness",
    note: "The age group is required when a rescue is logged, so it is never missing; where it is disputed the person is treated as a child.",
    rowHeader: "Measure",
    columns: ["Value"],
    rows: [
      { label: "People rescued in the period", cells: [countOrNone(ctx, everyone)] },
      { label: "Missing the age group", cells: [percentOf(ctx, NONE, everyone)] },
      { label: "Missing the type of exploitation", cells: [percentOf(ctx, typeMissing, everyone)] },
      { label: "Missing a language", cells: [percentOf(ctx, languageMissing, everyone)] },
      { label: "Missing the nationality (or not matched to the country list)", cells: [percentOf(ctx, missing(people.byNationality, "nationalityCode"), everyone)] },
      { label: "Missing where the exploitation took place", cells: [percentOf(ctx, missing(people.byExploitationLocation, "exploitationLocation"), everyone)] },
      { label: "Missing the county lines flag", cells: [percentOf(ctx, missing(people.byCountyLines, "countyLines"), everyone)] },
      { label: "Missing the age at exploitation", cells: [percentOf(ctx, missing(people.byAgeAtExploitation, "ageAtExploitation"), everyone)] },
      { label: "Missing the type of referring organisation", cells: [percentOf(ctx, missing(people.byReferrerType, "referrerType"), everyone)] },
      { label: "Age disputed", cells: [percentOf(ctx, disputed, everyone)] },
    ],
  };
}

// ---- Helpers -----------------------------------------------------------------------------------------

/** A cross-table of people, perturbed (totals from their own key sums), under primary and secondary suppression. */
function crossTable(counts: Counted[][], threshold: number): PublishedTable | null {
  return counts.length === 0 || counts[0]!.length === 0 ? null : publishTable(counts, { threshold });
}

/** The people of some summary rows as one count with its key sum. */
function peopleIn(rows: readonly { people: number; keySum: number }[]): Counted {
  return addCounted(rows.map((row) => ({ count: row.people, keySum: row.keySum })));
}

/** What a count is published as, 0 when hidden: for ordering rows without saying more than the figures. */
function perturbedOrZero(group: Counted, threshold: number): number {
  const published = publishCount(group.count, group.keySum, threshold);
  return published.kind === "value" ? published.value : 0;
}

/** A cross-table as rows: each body row with its total last, then the totals row. */
function tableWithTotals(head: Omit<DashboardTable, "rows">, rowLabels: string[], totalLabel: string, table: PublishedTable | null): DashboardTable {
  if (table === null) return { ...head, rows: [] };
  return {
    ...head,
    rows: [
      ...rowLabels.map((label, row) => ({ label, cells: [...table.cells[row]!.map(count), count(table.rowTotals[row]!)] })),
      { label: totalLabel, total: true, cells: [...table.columnTotals.map(count), count(table.grandTotal)] },
    ],
  };
}

function sumBands(bands: readonly number[][]): number[] {
  const total: number[] = [];
  for (const counts of bands) counts.forEach((count, band) => (total[band] = (total[band] ?? 0) + count));
  return total;
}
