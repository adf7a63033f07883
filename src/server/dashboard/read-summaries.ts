import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { DURATION_BAND_COUNT } from "@/domain/statistics/duration-bands";
import type { DashboardAggregates, StageCounts } from "@/domain/reporting/publish-dashboard";
import type { AgeAtExploitation, CountyLines, ExploitationLocation, ReferrerType } from "@/domain/rescue/national-categories";
import type { AgeGroup, ExploitationType, Gender } from "@/domain/types";
import type { Db } from "../db/create-client";
import { summaryConditions, type DashboardFilters } from "./filters";
import { jsonRow, jsonRows, readTogether, type JsonRead } from "./json-reads";

type StageAggregate = DashboardAggregates["byStage"][number];
type StageMonthAggregate = DashboardAggregates["byStageAndMonth"][number];
type StageAgencyAggregate = DashboardAggregates["byStageAndAgency"][number];
type PersonAggregates = DashboardAggregates["people"];

const COUNT_COLUMNS = [
  "stages",
  "done",
  "doneWithinTarget",
  "doneLate",
  "escalatedToLead",
  "escalatedToCoordinator",
  "escalatedToPcc",
  "escalationsResolved",
  // Beside each count, its people's key sum (decision record 0018): a cell's key costs what its count does.
  "stagesKeySum",
  "doneKeySum",
  "doneWithinTargetKeySum",
  "doneLateKeySum",
  "escalatedToLeadKeySum",
  "escalatedToCoordinatorKeySum",
  "escalatedToPccKeySum",
  "escalationsResolvedKeySum",
] as const satisfies readonly (keyof StageCounts)[];
const sums = Prisma.raw(COUNT_COLUMNS.map((column) => `sum(m."${column}")::int AS "${column}"`).join(", "));
const bandSums = (column: string) =>
  Prisma.raw(Array.from({ length: DURATION_BAND_COUNT }, (_, band) => `coalesce(sum(m."${column}"[${band + 1}]), 0)::int`).join(", "));
const countsOf = (row: Record<string, unknown>): StageCounts =>
  Object.fromEntries(COUNT_COLUMNS.map((column) => [column, Number(row[column] ?? 0)])) as StageCounts;
// A summary month comes back from JSON as its first day, "2026-11-01".
const monthKey = (day: string) => day.slice(0, 7);

/**
 * The stage summary for the period and filters, added up per stage (with the duration bands), per
 * stage and month, and per stage and owning agency. Sums of summary rows: no person row is read.
 */
export async function readStageSummary(db: Db, partnershipId: string, filters: DashboardFilters): Promise<StageSummary> {
  return (await readTogether(db, { stages: stageSummaryRead(partnershipId, filters) })).stages;
}

type StageSummary = Pick<DashboardAggregates, "byStage" | "byStageAndMonth" | "byStageAndAgency">;
type StageSumRows = {
  perStage: (Record<string, unknown> & { stageKey: string; doneBands: number[]; resolvedBands: number[] })[];
  grouped: (Record<string, unknown> & { stageKey: string; month: string | null; ownerAgencyId: string | null })[];
};

/** `readStageSummary` as a sub-select, to share a statement with the dashboard's other reads. */
export function stageSummaryRead(partnershipId: string, filters: DashboardFilters): JsonRead<StageSummary> {
  const where = summaryConditions(partnershipId, filters, "stage");
  const sql = Prisma.sql`json_build_object(
    'perStage', ${jsonRows(Prisma.sql`
      SELECT m."stageKey", ${sums},
        ARRAY[${bandSums("doneBands")}] AS "doneBands", ARRAY[${bandSums("resolvedBands")}] AS "resolvedBands"
      FROM "DashboardStageMonth" m WHERE ${where}
      GROUP BY m."stageKey"`)},
    'grouped', ${jsonRows(Prisma.sql`
      SELECT m."stageKey", m."month", m."ownerAgencyId", ${sums}
      FROM "DashboardStageMonth" m WHERE ${where}
      GROUP BY GROUPING SETS ((m."stageKey", m."month"), (m."stageKey", m."ownerAgencyId"))`)})`;
  return { sql, parse: (json) => stageSummaryOf(json as StageSumRows) };
}

function stageSummaryOf({ perStage, grouped }: StageSumRows): StageSummary {
  return {
    byStage: perStage.map((row): StageAggregate => ({
      stageKey: row.stageKey,
      ...countsOf(row),
      doneBands: row.doneBands.map(Number),
      resolvedBands: row.resolvedBands.map(Number),
    })),
    byStageAndMonth: grouped
      .filter((row) => row.month !== null)
      .map((row): StageMonthAggregate => ({ stageKey: row.stageKey, month: monthKey(row.month!), ...countsOf(row) })),
    byStageAndAgency: grouped
      .filter((row) => row.ownerAgencyId !== null)
      .map((row): StageAgencyAggregate => ({ stageKey: row.stageKey, agencyId: row.ownerAgencyId!, ...countsOf(row) })),
  };
}

/**
 * The person summary for the period and filters, added up each way the dashboard breaks people
 * down, and the rescues those people came from.
 */
export async function readPersonSummary(db: Db, partnershipId: string, filters: DashboardFilters): Promise<PersonAggregates> {
  return (await readTogether(db, { people: personSummaryRead(partnershipId, filters) })).people;
}

// Each breakdown is one grouping set; GROUPING() tells which set a row belongs to.
const PERSON_COLUMNS = [
  "month",
  "ageGroup",
  "gender",
  "exploitationType",
  "nationalityCode",
  "nrmOutcome",
  "languageRecorded",
  "exploitationLocation",
  "countyLines",
  "ageAtExploitation",
  "referrerType",
] as const;
const [MONTH, AGE, GENDER, TYPE, NATIONALITY, NRM, LANGUAGE, LOCATION, COUNTY_LINES, AGE_AT_EXPLOITATION, REFERRER] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const PERSON_SETS = [[MONTH, AGE], [GENDER], [TYPE], [NATIONALITY], [MONTH, NRM], [LANGUAGE], [LOCATION], [COUNTY_LINES], [AGE_AT_EXPLOITATION], [REFERRER], []];

type PersonSumRow = {
  set: number;
  month: string | null;
  ageGroup: AgeGroup | null;
  gender: Gender | null;
  exploitationType: ExploitationType | null;
  nationalityCode: string | null;
  nrmOutcome: string | null;
  languageRecorded: boolean | null;
  exploitationLocation: ExploitationLocation | null;
  countyLines: CountyLines | null;
  ageAtExploitation: AgeAtExploitation | null;
  referrerType: ReferrerType | null;
  people: number;
  keySum: number;
};

/** `readPersonSummary` as a sub-select, to share a statement with the dashboard's other reads. */
export function personSummaryRead(partnershipId: string, filters: DashboardFilters): JsonRead<PersonAggregates> {
  const where = summaryConditions(partnershipId, filters, "person");
  const columnList = Prisma.raw(PERSON_COLUMNS.map((column) => `m."${column}"`).join(", "));
  const groupingSets = Prisma.raw(PERSON_SETS.map((set) => `(${set.map((index) => `m."${PERSON_COLUMNS[index]}"`).join(", ")})`).join(", "));
  const sql = Prisma.sql`json_build_object(
    'rows', ${jsonRows(Prisma.sql`
      SELECT GROUPING(${columnList})::int AS "set", ${columnList}, sum(m."people")::int AS "people", sum(m."keySum")::int AS "keySum"
      FROM "DashboardPersonMonth" m WHERE ${where}
      GROUP BY GROUPING SETS (${groupingSets})`)},
    'rescues', ${jsonRow(Prisma.sql`
      SELECT count(*)::int AS rescues, coalesce(sum(d."key"), 0)::int AS "keySum"
      FROM (SELECT DISTINCT u."rescue", u."key" FROM "DashboardPersonMonth" m, unnest(m."rescueIds", m."rescueKeys") AS u("rescue", "key") WHERE ${where}) d`)})`;
  return { sql, parse: (json) => personSummaryOf(json as { rows: PersonSumRow[]; rescues: { rescues: number; keySum: number } | null }) };
}

function personSummaryOf({ rows, rescues }: { rows: PersonSumRow[]; rescues: { rescues: number; keySum: number } | null }): PersonAggregates {
  // GROUPING() sets a bit, from the left, for each column the row is NOT grouped by.
  const allBits = (1 << PERSON_COLUMNS.length) - 1;
  const groupedBy = (...grouped: number[]) => {
    const mask = grouped.reduce((bits, column) => bits & ~(1 << (PERSON_COLUMNS.length - 1 - column)), allBits);
    return rows.filter((row) => Number(row.set) === mask);
  };
  const counted = (row: { people: number; keySum: number } | undefined) => ({ people: Number(row?.people ?? 0), keySum: Number(row?.keySum ?? 0) });
  const total = counted(groupedBy().at(0));
  const languageMissing = counted(groupedBy(LANGUAGE).find((row) => row.languageRecorded === false));
  return {
    total: total.people,
    totalKeySum: total.keySum,
    rescues: Number(rescues?.rescues ?? 0),
    rescuesKeySum: Number(rescues?.keySum ?? 0),
    languageMissing: languageMissing.people,
    languageMissingKeySum: languageMissing.keySum,
    byMonthAndAge: groupedBy(MONTH, AGE).map((row) => ({ month: monthKey(row.month!), ageGroup: row.ageGroup!, ...counted(row) })),
    byGender: groupedBy(GENDER).map((row) => ({ gender: row.gender!, ...counted(row) })),
    byType: groupedBy(TYPE).map((row) => ({ exploitationType: row.exploitationType, ...counted(row) })),
    byNationality: groupedBy(NATIONALITY).map((row) => ({ nationalityCode: row.nationalityCode, ...counted(row) })),
    byExploitationLocation: groupedBy(LOCATION).map((row) => ({ exploitationLocation: row.exploitationLocation, ...counted(row) })),
    byCountyLines: groupedBy(COUNTY_LINES).map((row) => ({ countyLines: row.countyLines, ...counted(row) })),
    byAgeAtExploitation: groupedBy(AGE_AT_EXPLOITATION).map((row) => ({ ageAtExploitation: row.ageAtExploitation, ...counted(row) })),
    byReferrerType: groupedBy(REFERRER).map((row) => ({ referrerType: row.referrerType, ...counted(row) })),
    byMonthAndNrm: groupedBy(MONTH, NRM).map((row) => ({ month: monthKey(row.month!), nrmOutcome: row.nrmOutcome, ...counted(row) })),
  };
}
