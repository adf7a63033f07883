import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personFormInput, rescueFormInput } from "../../prisma/factories";
import type { DashboardTable, PublishedDashboard } from "../../src/domain/reporting/publish-dashboard";
import { MAX_CHANGE, perturbCount } from "../../src/domain/statistics/cell-key";
import { mulberry32 } from "../../src/domain/seeded-random";
import type { Actor } from "../../src/server/access/actor";
import { exportDashboardTable } from "../../src/server/dashboard/export-dashboard-table";
import { parseDashboardFilters, type DashboardFilters } from "../../src/server/dashboard/filters";
import { getDashboard } from "../../src/server/dashboard/get-dashboard";
import { createPrismaClient } from "../../src/server/db/create-client";
import { logRescue } from "../../src/server/rescues/log-rescue";
import { changeStage } from "../../src/server/stages/change-stage";
import { createWorld, HOUR, MINUTE, minute } from "../support/world";

/*
 * The differencing attacks of issue 12, run against the real dashboard read and publish step: what
 * the page and the CSV show. Each crafted attack is repeated with fresh record keys (as if it were
 * another partnership with the same true counts): the difference of two published figures must give
 * the true small count no more often than two unrelated perturbed figures would, and must spread
 * over several values, so a reader cannot trust any one of them. Decision record 0018.
 */

const db = createPrismaClient();
const NOW = new Date("2026-11-20T12:00:00Z");
const THRESHOLD = 4;
const ROUNDS = 30;

type Query = Record<string, string | undefined>;

function filters(query: Query): DashboardFilters {
  const parsed = parseDashboardFilters(query, NOW);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.data;
}
const read = (pcc: Actor, query: Query) => getDashboard(db, pcc, filters(query), NOW, { audit: false });

function cellText(table: DashboardTable, rowLabel: string, column: string): string {
  const row = table.rows.find((entry) => entry.label === rowLabel || entry.label.startsWith(`${rowLabel},`));
  if (!row) throw new Error(`No row "${rowLabel}" in ${table.id}: ${table.rows.map((entry) => entry.label).join(", ")}`);
  const index = table.columns.indexOf(column);
  if (index < 0) throw new Error(`No column "${column}" in ${table.id}`);
  return row.cells[index]!.text;
}
const peopleRescued = (dashboard: PublishedDashboard) => cellText(dashboard.tables.headlines, "People rescued", "Count");

/** The figure a reader gets by subtracting two published ones; none when either is hidden. */
function differenced(whole: string, part: string): number | null {
  return /^\d+$/.test(whole) && /^\d+$/.test(part) ? Number(whole) - Number(part) : null;
}

/**
 * How often, by chance, two figures perturbed with unrelated keys differ by exactly the truth when
 * both are shown: what a difference of published figures may not beat.
 */
const chances = new Map<string, number>();
function chanceOfExactDifference(whole: number, part: number): number {
  const known = chances.get(`${whole}-${part}`);
  if (known !== undefined) return known;
  let shown = 0;
  let exact = 0;
  for (let wholeKey = 0; wholeKey < 256; wholeKey += 1) {
    const a = perturbCount(whole, wholeKey);
    if (a <= THRESHOLD && whole > 0) continue;
    for (let partKey = 0; partKey < 256; partKey += 1) {
      const b = perturbCount(part, partKey);
      if (b <= THRESHOLD && part > 0) continue;
      shown += 1;
      if (a - b === whole - part) exact += 1;
    }
  }
  const chance = shown === 0 ? 0 : exact / shown;
  chances.set(`${whole}-${part}`, chance);
  return chance;
}

/**
 * Gives every person of the partnership a fresh record key from `random`; the summaries follow (a
 * person's change marks them stale). People are taken in an order their ids (random) do not decide,
 * so the same seed gives every group the views tell apart (age, gender, time) the same keys.
 */
async function drawKeys(partnershipId: string, random: () => number): Promise<void> {
  const people = await db.person.findMany({
    where: { rescue: { partnershipId } },
    select: { id: true },
    orderBy: [{ ageGroup: "asc" }, { gender: "asc" }, { rescue: { occurredAt: "asc" } }, { id: "asc" }],
  });
  const ids = people.map((person) => person.id);
  const keys = ids.map(() => Math.floor(random() * 256));
  await db.$executeRaw`UPDATE "Person" p SET "cellKey" = k."key" FROM unnest(${ids}::uuid[], ${keys}::int[]) AS k("id", "key") WHERE p."id" = k."id"`;
}

/** Logs one rescue of the given people through the real use case, a few minutes before `now`. */
async function logPeople(police: Actor, occurredAt: Date, people: Record<string, unknown>[]) {
  const result = await logRescue(db, police, rescueFormInput({ occurredAt, people: people.map((person) => personFormInput({ interpreterNeeded: "no", ...person })) }), new Date(occurredAt.getTime() + 5 * MINUTE));
  if (!result.ok) throw new Error(`Rescue not logged: ${JSON.stringify(result)}`);
  return db.person.findMany({ where: { rescueId: result.data.rescueId }, include: { stages: { include: { templateStage: true } } } });
}

async function complete(stageId: string, actor: Actor, when: Date, extra: Record<string, unknown> = {}) {
  const stage = await db.stage.findUniqueOrThrow({ where: { id: stageId } });
  const result = await changeStage(db, actor, { stageId, version: stage.version, action: "complete", text: "Done (fictional)", ...extra }, when);
  if (!result.ok) throw new Error(JSON.stringify(result));
}

/** Runs an attack ROUNDS times with fresh keys and checks it recovers the truth no better than chance. */
async function expectNoBetterThanChance(
  partnershipId: string,
  seed: number,
  truth: { whole: number; part: number },
  attack: () => Promise<{ whole: string; part: string; hidden: string[] }>,
) {
  const random = mulberry32(seed);
  const differences: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    await drawKeys(partnershipId, random);
    const { whole, part, hidden } = await attack();
    // The small count itself is never shown, in any round.
    for (const text of hidden) expect(text).toBe("[c]");
    // Each figure is the truth moved by at most MAX_CHANGE.
    expect(Math.abs(Number(whole) - truth.whole)).toBeLessThanOrEqual(MAX_CHANGE);
    expect(Math.abs(Number(part) - truth.part)).toBeLessThanOrEqual(MAX_CHANGE);
    const difference = differenced(whole, part);
    if (difference !== null) differences.push(difference);
  }
  const target = truth.whole - truth.part;
  const exactRate = differences.filter((difference) => difference === target).length / differences.length;
  expect(differences.length).toBeGreaterThanOrEqual(ROUNDS / 2);
  // Chance is about a third; allow for 30 rounds' spread, but never most of the time.
  expect(exactRate).toBeLessThanOrEqual(chanceOfExactDifference(truth.whole, truth.part) + 0.2);
  // The reader sees the difference wander: no single value stands out as the truth.
  expect(new Set(differences).size).toBeGreaterThanOrEqual(3);
}

afterAll(async () => {
  await db.$disconnect();
});

describe("the gender differencing attack: all − men − not known = women", () => {
  let pcc: Actor;
  let partnershipId: string;
  const OCTOBER = { kind: "month", month: "2026-10" };

  beforeAll(async () => {
    const world = await createWorld(db, "attack-gender");
    pcc = await world.actor("PCC_OFFICE", "PCC_OFFICE");
    partnershipId = pcc.partnershipId;
    const police = await world.actor("POLICE");
    // 16 people in October: 12 men and 4 women; no one non-binary or of gender not known.
    for (let i = 0; i < 4; i += 1) {
      await logPeople(police, minute(`2026-10-0${i + 1}T10:00:00Z`), [{ gender: "MALE" }, { gender: "MALE" }, { gender: "MALE" }, { gender: "FEMALE" }]);
    }
  });

  it("gives the women's count no more often than chance, and never shows it", async () => {
    await expectNoBetterThanChance(partnershipId, 1201, { whole: 16, part: 12 }, async () => {
      const [all, men, notKnown, nonBinary, women] = await Promise.all(
        [{}, { gender: "MALE" }, { gender: "NOT_KNOWN" }, { gender: "NON_BINARY" }, { gender: "FEMALE" }].map((query) => read(pcc, { ...OCTOBER, ...query })),
      );
      expect(peopleRescued(notKnown!)).toBe("0");
      expect(peopleRescued(nonBinary!)).toBe("0");
      return {
        whole: peopleRescued(all!),
        part: peopleRescued(men!),
        hidden: [peopleRescued(women!), cellText(all!.tables.gender, "Female", "People")],
      };
    });
  });
});

describe("attacks within one month: all − adults, and the stage table's 43 − 40", () => {
  let pcc: Actor;
  let partnershipId: string;
  let nrmTitle: string;
  const NOVEMBER = { kind: "month", month: "2026-11" };

  beforeAll(async () => {
    const world = await createWorld(db, "attack-stages");
    pcc = await world.actor("PCC_OFFICE", "PCC_OFFICE");
    partnershipId = pcc.partnershipId;
    const police = await world.actor("POLICE");
    const council = await world.actor("COUNCIL_SAFEGUARDING");
    const T0 = minute("2026-11-02T09:00:00Z");
    // 40 adults and 3 children; everyone's accommodation is done, and every adult's NRM consent decision.
    const people = [];
    for (let i = 0; i < 10; i += 1) people.push(...(await logPeople(police, new Date(T0.getTime() + i * MINUTE), Array.from({ length: 4 }, () => ({ ageGroup: "ADULT" })))));
    people.push(...(await logPeople(police, new Date(T0.getTime() + 20 * MINUTE), Array.from({ length: 3 }, () => ({ ageGroup: "CHILD" })))));
    for (const person of people) {
      const stageOf = (key: string) => person.stages.find((stage) => stage.templateStage.key === key);
      await complete(stageOf("accommodation")!.id, council, new Date(T0.getTime() + 2 * HOUR));
      const consent = stageOf("nrm-consent-decision");
      if (consent) await complete(consent.id, police, new Date(T0.getTime() + 30 * HOUR), { nrmDecision: "NRM_REFERRAL" });
    }
    nrmTitle = people.flatMap((person) => person.stages).find((stage) => stage.templateStage.key === "nrm-consent-decision")!.templateStage.title;
  });

  it("all people − adults: gives the children's count no more often than chance", async () => {
    await expectNoBetterThanChance(partnershipId, 1202, { whole: 43, part: 40 }, async () => {
      const [all, adults, children] = await Promise.all([{}, { ageGroup: "ADULT" }, { ageGroup: "CHILD" }].map((query) => read(pcc, { ...NOVEMBER, ...query })));
      return { whole: peopleRescued(all!), part: peopleRescued(adults!), hidden: [peopleRescued(children!), cellText(all!.tables.volumes, "Nov 2026", "Child")] };
    });
  });

  it("the stage table: accommodation done (43) − NRM consent done (40) gives the children no more often than chance", async () => {
    await expectNoBetterThanChance(partnershipId, 1203, { whole: 43, part: 40 }, async () => {
      const [all, children] = await Promise.all([{}, { ageGroup: "CHILD" }].map((query) => read(pcc, { ...NOVEMBER, ...query })));
      return {
        whole: cellText(all!.tables.timeliness, "Emergency accommodation", "Done"),
        part: cellText(all!.tables.timeliness, nrmTitle, "Done"),
        hidden: [cellText(children!.tables.timeliness, "Emergency accommodation", "Done")],
      };
    });
  });

  it("gives the same people the same figure in every view: headline, stage table, tables' totals and the CSV", async () => {
    await drawKeys(partnershipId, mulberry32(1204));
    const [all, adults] = await Promise.all([read(pcc, NOVEMBER), read(pcc, { ...NOVEMBER, ageGroup: "ADULT" })]);
    // The 40 adults: the adults' headline, the adults-only stage and the NRM referrals. (The
    // volumes table hides its adults' column beside the 3 children: secondary suppression.)
    const fortyAdults = peopleRescued(adults);
    expect(cellText(all.tables.timeliness, nrmTitle, "Done")).toBe(fortyAdults);
    expect(cellText(all.tables.volumes, "All months", "Adult")).toBe("[c]");
    expect(cellText(all.tables.nrm, "All months", "All decisions")).toBe(fortyAdults);
    expect(cellText(adults.tables.timeliness, "Emergency accommodation", "Done")).toBe(fortyAdults);
    // The 43: the headline, the stage everyone has, every breakdown's total.
    const everyone = peopleRescued(all);
    expect(cellText(all.tables.timeliness, "Emergency accommodation", "Done")).toBe(everyone);
    for (const id of ["gender", "exploitation-type", "uk-overseas", "nationality"] as const) expect(cellText(all.tables[id], "All people", "People")).toBe(everyone);
    expect(cellText(all.tables.volumes, "All months", "All")).toBe(everyone);
    const { csv } = await exportDashboardTable(db, pcc, "nrm", filters(NOVEMBER), NOW);
    expect(csv.split("\r\n")).toContain(`All months,${fortyAdults},0,0,${fortyAdults}`);
    // Asking again gives the same figures: nothing new to average away.
    expect(peopleRescued(await read(pcc, NOVEMBER))).toBe(everyone);
  });
});

describe("two periods subtracted: July to September − July to August = September", () => {
  let pcc: Actor;
  let partnershipId: string;

  beforeAll(async () => {
    const world = await createWorld(db, "attack-periods");
    pcc = await world.actor("PCC_OFFICE", "PCC_OFFICE");
    partnershipId = pcc.partnershipId;
    const police = await world.actor("POLICE");
    for (const [month, count] of [["07", 10], ["08", 9], ["09", 3]] as const) {
      await logPeople(police, minute(`2026-${month}-14T10:00:00Z`), Array.from({ length: count }, () => ({})));
    }
  });

  it("gives September's count no more often than chance, and never shows it", async () => {
    await expectNoBetterThanChance(partnershipId, 1205, { whole: 22, part: 19 }, async () => {
      const [quarter, twoMonths, september] = await Promise.all(
        [
          { kind: "custom", from: "07/2026", to: "09/2026" },
          { kind: "custom", from: "07/2026", to: "08/2026" },
          { kind: "month", month: "2026-09" },
        ].map((query) => read(pcc, query)),
      );
      return { whole: peopleRescued(quarter!), part: peopleRescued(twoMonths!), hidden: [peopleRescued(september!), cellText(quarter!.tables.volumes, "Sep 2026", "All")] };
    });
  });
});

describe("differences over random partnerships, filters and periods", () => {
  const MONTHS = ["2026-07", "2026-08", "2026-09"];
  const PERIODS: { months: string[]; query: Query }[] = [
    ...MONTHS.map((month) => ({ months: [month], query: { kind: "month", month } })),
    { months: MONTHS.slice(0, 2), query: { kind: "custom", from: "07/2026", to: "08/2026" } },
    { months: MONTHS.slice(1), query: { kind: "custom", from: "08/2026", to: "09/2026" } },
    { months: MONTHS, query: { kind: "quarter", quarter: "2026-Q3" } },
  ];
  const FILTERS: { keep: (person: Crafted) => boolean; query: Query }[] = [
    { keep: () => true, query: {} },
    ...(["FEMALE", "MALE", "NON_BINARY", "NOT_KNOWN"] as const).map((gender) => ({ keep: (person: Crafted) => person.gender === gender, query: { gender } })),
    ...(["ADULT", "CHILD", "AGE_DISPUTED"] as const).map((ageGroup) => ({ keep: (person: Crafted) => person.ageGroup === ageGroup, query: { ageGroup } })),
  ];
  type Crafted = { month: string; gender: string; ageGroup: string };

  it("no difference of two nested published figures recovers a true count of 1 to 4 more often than chance", async () => {
    const random = mulberry32(20261212);
    const pick = <T,>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
    let pairs = 0;
    let exact = 0;
    let expectedByChance = 0;
    for (let partnership = 0; partnership < 10; partnership += 1) {
      const world = await createWorld(db, `attack-random-${partnership}`);
      const pcc = await world.actor("PCC_OFFICE", "PCC_OFFICE");
      const police = await world.actor("POLICE");
      const crafted: Crafted[] = [];
      for (const [index, month] of MONTHS.entries()) {
        const size = 6 + Math.floor(random() * 14);
        const people = Array.from({ length: size }, () => ({
          month,
          gender: pick(["FEMALE", "FEMALE", "MALE", "MALE", "MALE", "NON_BINARY", "NOT_KNOWN"]),
          ageGroup: pick(["ADULT", "ADULT", "ADULT", "ADULT", "CHILD", "AGE_DISPUTED"]),
        }));
        // A few rescues a month, of one to four people each.
        for (let start = 0; start < people.length; ) {
          const batch = people.slice(start, start + 1 + Math.floor(random() * 4));
          await logPeople(police, minute(`${month}-${String(3 + index + start).padStart(2, "0")}T10:00:00Z`), batch.map(({ gender, ageGroup }) => ({ gender, ageGroup })));
          start += batch.length;
        }
        crafted.push(...people);
      }
      await drawKeys(pcc.partnershipId, random);

      const views: { months: string[]; filter: (typeof FILTERS)[number]; figure: string; truth: number }[] = [];
      for (const period of PERIODS) {
        for (const filter of FILTERS) {
          const figure = peopleRescued(await read(pcc, { ...period.query, ...filter.query }));
          const truth = crafted.filter((person) => period.months.includes(person.month) && filter.keep(person)).length;
          views.push({ months: period.months, filter, figure, truth });
        }
      }
      // Nested pairs: the same period unfiltered and filtered, or the same filter over a period and a shorter one.
      for (const whole of views) {
        for (const part of views) {
          const sameFilter = whole.filter === part.filter;
          const nestedPeriod = sameFilter && part.months.length < whole.months.length && part.months.every((month) => whole.months.includes(month));
          const nestedFilter = whole.months === part.months && whole.filter === FILTERS[0] && part.filter !== FILTERS[0];
          if (!nestedPeriod && !nestedFilter) continue;
          const hiddenTruth = whole.truth - part.truth;
          if (hiddenTruth < 1 || hiddenTruth > THRESHOLD) continue;
          const difference = differenced(whole.figure, part.figure);
          if (difference === null) continue;
          pairs += 1;
          if (difference === hiddenTruth) exact += 1;
          expectedByChance += chanceOfExactDifference(whole.truth, part.truth);
        }
      }
    }
    expect(pairs).toBeGreaterThanOrEqual(60);
    // Chance is about a third of the pairs; the published differences may not do meaningfully better
    // (three standard deviations; without perturbation every pair would recover its count).
    expect(exact).toBeLessThanOrEqual(expectedByChance + 3 * Math.sqrt(expectedByChance));
  }, 180_000);
});
