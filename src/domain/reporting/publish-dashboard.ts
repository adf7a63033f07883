import { quantileFromBands } from "../statistics/duration-bands";
import { foldSmallGroups } from "../statistics/fold-small-groups";
import { SUPPRESSED_MARK, type PublishedCell, type PublishedTable } from "../statistics/published";
import { suppressShare, suppressStatistic, type PublishedStatistic } from "../statistics/suppress-statistic";
import { suppressList, suppressTable } from "../statistics/suppress-table";
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
export type DecisionWait = { decisions: number; median: number | null; p90: number | null };
/** The NRM followed (decision record 0020), for people rescued in the period; Duty to Notify by day sent. */
export type NrmProcessCounts = {
  referrals: KeyedCount;
  dutyToNotify: number;
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
    /** Rescues (operations) that the people counted came from. */
    rescues: number;
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
 * small-number rule: counts from 1 to `threshold` are suppressed, tables and lists with totals get
 * secondary suppression, and percentages, medians and percentiles from 1 to `threshold` people are
 * hidden. Every hidden figure reads SUPPRESSED_MARK. The page, its charts and the CSV downloads all draw from these tables, so they agree.
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

function percentOf(ctx: Publishing, part: number, whole: number): TableCell {
  return statistic(suppressShare(part, whole, ctx.threshold), percentText);
}

/** A median or percentile of a stage's time bands, hidden when it stands on too few people. */
function bandQuantile(ctx: Publishing, bands: number[], q: number, people: number): TableCell {
  const value = quantileFromBands(bands, q);
  return statistic(value === null ? { kind: "none" } : suppressStatistic(Math.round(value), people, ctx.threshold), minutesText);
}

/** A figure standing alone (a headline): hidden when small, like any count. */
function single(ctx: Publishing, n: number): TableCell {
  return count(suppressList([n], { threshold: ctx.threshold }).cells[0]!);
}

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
      { label: `People rescued, ${period.label}`, cells: [single(ctx, people.total)] },
      { label: `Rescues (operations), ${period.label}`, cells: [single(ctx, people.rescues)] },
      { label: "People with a live pathway now", cells: [single(ctx, live.livePathways)] },
      { label: "Stages overdue now", cells: [single(ctx, live.stagesOverdueNow)] },
    ],
  };
}

function timelinessTable(ctx: Publishing): DashboardTable {
  const { stages, stageOf, threshold } = ctx;
  return {
    id: "timeliness",
    title: "Timeliness per stage",
    note: "For people rescued in the period: time from rescue to the stage being done. Medians and percentiles are read from time bands and are within a few per cent.",
    rowHeader: "Stage",
    columns: ["Target", "Done", "Median", "90th percentile", "Within target"],
    rows: stages.map((stage) => {
      const row = stageOf(stage.key);
      return {
        label: stage.title,
        cells: [
          { text: stage.target, value: null, suppressed: false },
          statistic(suppressStatistic(row.done, row.done, threshold), String),
          bandQuantile(ctx, row.doneBands, 0.5, row.done),
          bandQuantile(ctx, row.doneBands, 0.9, row.done),
          percentOf(ctx, row.doneWithinTarget, row.done),
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
        return percentOf(ctx, row?.doneWithinTarget ?? 0, row?.done ?? 0);
      }),
    })),
  };
}

/** Breaches: stages done after their target, and stages still open past it now. */
function breachesTable(ctx: Publishing): DashboardTable {
  const { stages, owningAgencies, aggregates, threshold } = ctx;
  const openOverdue = (stageKey: string, agencyId: string) =>
    aggregates.live.openOverdue.find((row) => row.stageKey === stageKey && row.agencyId === agencyId)?.stages ?? 0;
  const breachCount = (stageKey: string, agencyId: string) =>
    (aggregates.byStageAndAgency.find((row) => row.stageKey === stageKey && row.agencyId === agencyId)?.doneLate ?? 0) + openOverdue(stageKey, agencyId);
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
  const columnList = (pick: (row: StageCounts) => number) => suppressList(stages.map((stage) => pick(stageOf(stage.key))), { threshold });
  const lead = columnList((row) => row.escalatedToLead);
  const coordinator = columnList((row) => row.escalatedToCoordinator);
  const pcc = columnList((row) => row.escalatedToPcc);
  const resolved = columnList((row) => row.escalationsResolved);
  const allResolvedBands = sumBands(stages.map((stage) => stageOf(stage.key).resolvedBands));
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
          bandQuantile(ctx, stageOf(stage.key).resolvedBands, 0.5, stageOf(stage.key).escalationsResolved),
        ],
      })),
      {
        label: "All stages",
        total: true,
        cells: [count(lead.total), count(coordinator.total), count(pcc.total), count(resolved.total), bandQuantile(ctx, allResolvedBands, 0.5, sum(allResolvedBands))],
      },
    ],
  };
}

function escalationsByAgencyTable(ctx: Publishing): DashboardTable {
  const { owningAgencies, aggregates, threshold } = ctx;
  const agencyList = (pick: (row: StageCounts) => number) =>
    suppressList(
      owningAgencies.map((agency) => sum(aggregates.byStageAndAgency.filter((row) => row.agencyId === agency.id).map(pick))),
      { threshold },
    );
  const lead = agencyList((row) => row.escalatedToLead);
  const coordinator = agencyList((row) => row.escalatedToCoordinator);
  const pcc = agencyList((row) => row.escalatedToPcc);
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
        AGE_GROUPS.map((ageGroup) => people.byMonthAndAge.find((row) => row.month === month && row.ageGroup === ageGroup)?.people ?? 0),
      ),
      threshold,
    ),
  );
}

/** A list of groups of people with its total, under primary and secondary suppression. */
function listTable(
  ctx: Publishing,
  head: { id: DashboardTableId; title: string; rowHeader: string; note?: string },
  groups: { label: string; count: number; keySum?: number }[],
): DashboardTable {
  const list = suppressList(
    groups.map((group) => group.count),
    { threshold: ctx.threshold },
  );
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
    GENDERS.map((value) => ({ label: GENDER_LABELS[value], count: people.byGender.find((row) => row.gender === value)?.people ?? 0 })),
  );
}

function exploitationTypeTable(ctx: Publishing): DashboardTable {
  const { people } = ctx.aggregates;
  return listTable(ctx, { id: "exploitation-type", title: "People rescued by type of exploitation", rowHeader: "Type of exploitation" }, [
    ...EXPLOITATION_TYPES.map((value) => ({
      label: EXPLOITATION_TYPE_LABELS[value],
      count: people.byType.find((row) => row.exploitationType === value)?.people ?? 0,
    })),
    { label: "Not recorded", count: people.byType.find((row) => row.exploitationType === null)?.people ?? 0 },
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
  const named = people.byNationality
    .filter((row) => row.nationalityCode !== null)
    .map((row) => ({ label: nationalityName(row.nationalityCode!), count: row.people, keySum: row.keySum }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const notRecorded = people.byNationality.find((row) => row.nationalityCode === null);
  return listTable(
    ctx,
    {
      id: "nationality",
      title: "People rescued by nationality",
      rowHeader: "Nationality",
      note: `Nationalities with ${threshold} people or fewer are counted together as "Other". Not recorded includes free text recorded before the country list that matched no country.`,
    },
    [
      ...foldSmallGroups(named, threshold, "Other"),
      ...(notRecorded && notRecorded.people > 0 ? [{ label: "Not recorded", count: notRecorded.people, keySum: notRecorded.keySum }] : []),
    ],
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
        NRM_OUTCOMES.map((outcome) => people.byMonthAndNrm.find((row) => row.month === month && row.nrmOutcome === outcome.key)?.people ?? 0),
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
      { label: "NRM referrals made", cells: [single(ctx, nrmProcess.referrals.count)] },
      { label: "Duty to Notify sent", cells: [single(ctx, nrmProcess.dutyToNotify)] },
      { label: "Adults who refused consent to the NRM", cells: [single(ctx, nrmProcess.consentRefused.count)] },
      { label: "Adults who withdrew consent to the NRM", cells: [single(ctx, nrmProcess.consentWithdrawn.count)] },
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
        [decisions.rgPositive.count, decisions.rgNegative.count],
        [decisions.cgPositive.count, decisions.cgNegative.count],
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
      statistic(suppressStatistic(wait.decisions, wait.decisions, ctx.threshold), String),
      statistic(wait.median === null ? { kind: "none" } : suppressStatistic(wait.median, wait.decisions, ctx.threshold), daysText),
      statistic(wait.p90 === null ? { kind: "none" } : suppressStatistic(wait.p90, wait.decisions, ctx.threshold), daysText),
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
  const { threshold } = ctx;
  const { people } = ctx.aggregates;
  const disputed = sum(people.byMonthAndAge.filter((row) => row.ageGroup === "AGE_DISPUTED").map((row) => row.people));
  const typeMissing = people.byType.find((row) => row.exploitationType === null)?.people ?? 0;
  const missing = <K extends string>(rows: ({ people: number } & Record<K, unknown>)[], key: K) => rows.find((row) => row[key] === null)?.people ?? 0;
  return {
    id: "completeness",
    title: "Data completeness",
    note: "The age group is required when a rescue is logged, so it is never missing; where it is disputed the person is treated as a child.",
    rowHeader: "Measure",
    columns: ["Value"],
    rows: [
      { label: "People rescued in the period", cells: [statistic(suppressStatistic(people.total, people.total, threshold), String)] },
      { label: "Missing the age group", cells: [percentOf(ctx, 0, people.total)] },
      { label: "Missing the type of exploitation", cells: [percentOf(ctx, typeMissing, people.total)] },
      { label: "Missing a language", cells: [percentOf(ctx, people.languageMissing, people.total)] },
      { label: "Missing the nationality (or not matched to the country list)", cells: [percentOf(ctx, missing(people.byNationality, "nationalityCode"), people.total)] },
      { label: "Missing where the exploitation took place", cells: [percentOf(ctx, missing(people.byExploitationLocation, "exploitationLocation"), people.total)] },
      { label: "Missing the county lines flag", cells: [percentOf(ctx, missing(people.byCountyLines, "countyLines"), people.total)] },
      { label: "Missing the age at exploitation", cells: [percentOf(ctx, missing(people.byAgeAtExploitation, "ageAtExploitation"), people.total)] },
      { label: "Missing the type of referring organisation", cells: [percentOf(ctx, missing(people.byReferrerType, "referrerType"), people.total)] },
      { label: "Age disputed", cells: [percentOf(ctx, disputed, people.total)] },
    ],
  };
}

// ---- Helpers -----------------------------------------------------------------------------------------

function crossTable(counts: number[][], threshold: number): PublishedTable | null {
  return counts.length === 0 || counts[0]!.length === 0 ? null : suppressTable(counts, { threshold });
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

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function sumBands(bands: readonly number[][]): number[] {
  const total: number[] = [];
  for (const counts of bands) counts.forEach((count, band) => (total[band] = (total[band] ?? 0) + count));
  return total;
}
