import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/server/access/actor";
import { createPrismaClient } from "../../src/server/db/create-client";
import { refreshDashboardSummaries, refreshStaleDashboardMonths } from "../../src/server/dashboard/summary/refresh-summaries";
import { runEscalationSweep } from "../../src/server/escalation/run-escalation-sweep";
import { changeStage } from "../../src/server/stages/change-stage";
import { logOnePerson } from "../support/log-person";
import { createWorld, HOUR, MINUTE, minute } from "../support/world";

const db = createPrismaClient();
const MARCH = minute("2026-03-10T09:00:00Z");
// 31 March 23:30 UTC is 00:30 on 1 April in London (BST): an April rescue.
const APRIL_IN_LONDON = minute("2026-03-31T23:30:00Z");

let partnershipId: string;
let police: Actor;

const staleMonths = async () =>
  (await db.dashboardStaleMonth.findMany({ where: { partnershipId }, orderBy: { month: "asc" } })).map((row) => row.month.toISOString().slice(0, 7));

/** What the summaries say for a month, next to what the live tables say. */
async function summaryAndTruth(month: string) {
  const day = new Date(`${month}-01T00:00:00Z`);
  const [stages] = await db.$queryRaw<{ stages: number; done: number; escalated: number }[]>`
    SELECT coalesce(sum("stages"), 0)::int AS stages, coalesce(sum("done"), 0)::int AS done, coalesce(sum("escalatedToLead"), 0)::int AS escalated
    FROM "DashboardStageMonth" WHERE "partnershipId" = ${partnershipId}::uuid AND "month" = ${day}::date`;
  const [people] = await db.$queryRaw<{ people: number }[]>`
    SELECT coalesce(sum("people"), 0)::int AS people FROM "DashboardPersonMonth" WHERE "partnershipId" = ${partnershipId}::uuid AND "month" = ${day}::date`;
  const [truth] = await db.$queryRaw<{ people: number; stages: number; done: number; escalated: number }[]>`
    SELECT count(DISTINCT p."id")::int AS people, count(s."id")::int AS stages,
      count(s."id") FILTER (WHERE s."state" = 'DONE')::int AS done,
      count(e."id")::int AS escalated
    FROM "Rescue" r JOIN "Person" p ON p."rescueId" = r."id" JOIN "Stage" s ON s."personId" = p."id"
      LEFT JOIN "Escalation" e ON e."stageId" = s."id" AND e."level" = 'AGENCY_LEAD'
    WHERE r."partnershipId" = ${partnershipId}::uuid AND "dashboard_month"(r."occurredAt") = ${day}::date`;
  return { summary: { people: people!.people, ...stages! }, truth: truth! };
}

beforeAll(async () => {
  const world = await createWorld(db, "summaries");
  police = await world.actor("POLICE");
  partnershipId = police.partnershipId;
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the dashboard's month summaries", () => {
  it("are marked stale by a new rescue, rebuilt to match the live tables, and the marks cleared", async () => {
    await logOnePerson(db, police, { t0: MARCH, now: new Date(MARCH.getTime() + 5 * MINUTE) });
    await logOnePerson(db, police, { t0: APRIL_IN_LONDON, now: new Date(APRIL_IN_LONDON.getTime() + 5 * MINUTE) });
    expect(await staleMonths()).toEqual(["2026-03", "2026-04"]);

    const rebuilt = await refreshDashboardSummaries(db, partnershipId);
    expect(rebuilt.map((month) => month.toISOString().slice(0, 7)).sort()).toEqual(["2026-03", "2026-04"]);
    expect(await staleMonths()).toEqual([]);
    for (const month of ["2026-03", "2026-04"]) {
      const { summary, truth } = await summaryAndTruth(month);
      expect(summary).toEqual(truth);
      expect(summary.people).toBe(1);
    }
    // Nothing stale: nothing to do.
    expect(await refreshDashboardSummaries(db, partnershipId)).toEqual([]);
  });

  it("are marked stale by a stage's change, an escalation and a person's change, and follow them", async () => {
    const person = await logOnePerson(db, police, { t0: MARCH, now: new Date(MARCH.getTime() + 5 * MINUTE) });
    await refreshDashboardSummaries(db, partnershipId);

    const stage = person.stage("immediate-safety");
    const done = await changeStage(db, police, { stageId: stage.id, version: 0, action: "complete", text: "Safe (fictional)" }, new Date(MARCH.getTime() + HOUR / 2));
    expect(done.ok).toBe(true);
    expect(await staleMonths()).toEqual(["2026-03"]);
    await refreshDashboardSummaries(db, partnershipId);

    await runEscalationSweep(db, new Date("2026-03-20T12:00:00Z"));
    expect(await staleMonths()).toEqual(["2026-03"]);
    await refreshDashboardSummaries(db, partnershipId);

    await db.person.update({ where: { id: person.personId }, data: { gender: "MALE" } });
    expect(await staleMonths()).toEqual(["2026-03"]);
    await refreshDashboardSummaries(db, partnershipId);

    const { summary, truth } = await summaryAndTruth("2026-03");
    expect(summary).toEqual(truth);
    expect(summary.done).toBeGreaterThanOrEqual(1);
    expect(summary.escalated).toBeGreaterThan(0);
    const [male] = await db.$queryRaw<{ people: number }[]>`
      SELECT coalesce(sum("people"), 0)::int AS people FROM "DashboardPersonMonth"
      WHERE "partnershipId" = ${partnershipId}::uuid AND "gender" = 'MALE'`;
    expect(male!.people).toBe(1);
  });

  it("move a rescue whose time is corrected out of its old month and into its new one", async () => {
    const person = await logOnePerson(db, police, { t0: MARCH, now: new Date(MARCH.getTime() + 5 * MINUTE) });
    await refreshDashboardSummaries(db, partnershipId);
    const before = { march: (await summaryAndTruth("2026-03")).summary.people, april: (await summaryAndTruth("2026-04")).summary.people };

    await db.rescue.update({ where: { id: person.rescueId }, data: { occurredAt: new Date("2026-04-02T09:00:00Z") } });
    expect(await staleMonths()).toEqual(["2026-03", "2026-04"]);
    await refreshDashboardSummaries(db, partnershipId);
    expect((await summaryAndTruth("2026-03")).summary.people).toBe(before.march - 1);
    expect((await summaryAndTruth("2026-04")).summary.people).toBe(before.april + 1);
  });

  it("are rebuilt once however many readers ask at the same moment", async () => {
    for (let i = 0; i < 3; i++) await logOnePerson(db, police, { t0: MARCH, now: new Date(MARCH.getTime() + 5 * MINUTE) });
    const results = await Promise.all([1, 2, 3, 4].map(() => refreshDashboardSummaries(db, partnershipId)));
    expect(results.filter((months) => months.length > 0)).toHaveLength(1);
    const { summary, truth } = await summaryAndTruth("2026-03");
    expect(summary).toEqual(truth);
  });

  it("are kept up by the job runner's minute task for every partnership", async () => {
    await logOnePerson(db, police, { t0: MARCH, now: new Date(MARCH.getTime() + 5 * MINUTE) });
    expect(await refreshStaleDashboardMonths(db)).toBeGreaterThanOrEqual(1);
    expect(await staleMonths()).toEqual([]);
    expect((await summaryAndTruth("2026-03")).summary).toEqual((await summaryAndTruth("2026-03")).truth);
  });
});
