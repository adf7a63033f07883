import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPartnership } from "../../prisma/factories";
import { DEMO_SLUG } from "../../prisma/seed/org";
import { generateHistory, GenerateRefused, type GenerateSummary } from "../../scripts/lib/generate-history";
import { buildPathway } from "../../src/domain/pathway/build-pathway";
import { createPrismaClient } from "../../src/server/db/create-client";

const db = createPrismaClient();
const now = new Date("2026-10-01T00:00:00Z");
const PEOPLE = 300;
let first: GenerateSummary;

beforeAll(async () => {
  first = await generateHistory(db, { people: PEOPLE, seed: 42, months: 6, now, slug: "scale-it-a", batchPeople: 120, force: true });
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
});

const inFirst = () => ({ rescue: { partnership: { slug: "scale-it-a" } } });

describe("the large synthetic history generator", () => {
  it("stores exactly the people asked for, with rescues, identities, stages and timelines", async () => {
    expect(first.people).toBe(PEOPLE);
    expect(await db.person.count({ where: inFirst() })).toBe(PEOPLE);
    expect(await db.personIdentity.count({ where: { person: inFirst() } })).toBe(PEOPLE);
    expect(first.rescues).toBeGreaterThan(50);
    expect(first.rescues).toBeLessThan(PEOPLE);
    expect(first.timelineEvents).toBeGreaterThan(first.people);
    // Every person's timeline starts with the rescue being logged.
    expect(await db.timelineEvent.count({ where: { person: inFirst(), kind: "RESCUE_LOGGED" } })).toBe(PEOPLE);
  });

  it("gives every person exactly the template's stages for their age group (and interpreter need), with the template's due times", async () => {
    const template = await db.pathwayTemplate.findFirstOrThrow({ where: { partnership: { slug: "scale-it-a" } }, include: { stages: true } });
    const people = await db.person.findMany({ where: inFirst(), include: { stages: true, rescue: true } });
    for (const person of people) {
      const expected = buildPathway(template.stages, person, person.rescue.occurredAt);
      expect(person.stages.map((s) => s.templateStageId).sort()).toEqual(expected.map((e) => e.template.id).sort());
      for (const { template: stageTemplate, dueAt } of expected) {
        expect(person.stages.find((s) => s.templateStageId === stageTemplate.id)!.dueAt).toEqual(dueAt);
      }
    }
  });

  it("never completes a stage before the rescue happened, and has a plausible share of late stages", async () => {
    const [before] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Stage" s JOIN "Person" p ON p.id = s."personId" JOIN "Rescue" r ON r.id = p."rescueId"
      JOIN "Partnership" pa ON pa.id = r."partnershipId"
      WHERE pa.slug = 'scale-it-a' AND s."completedAt" IS NOT NULL AND s."completedAt" < r."occurredAt"`;
    expect(Number(before!.n)).toBe(0);
    expect(await db.stage.count({ where: { person: inFirst(), state: "DONE" } })).toBeGreaterThan(first.stages / 2);
    expect(first.lateStages).toBeGreaterThan(0);
    expect(first.lateStages / first.stages).toBeLessThan(0.5);
  });

  it("records several exploitation types and leaves some missing", async () => {
    const groups = await db.person.groupBy({ by: ["exploitationType"], where: inFirst(), _count: true });
    const types = groups.map((g) => g.exploitationType);
    expect(types).toContain(null);
    expect(types.filter((t) => t !== null).length).toBeGreaterThanOrEqual(3);
    const missing = groups.find((g) => g.exploitationType === null)!._count;
    expect(missing).toBeLessThan(PEOPLE / 4);
  });

  it("records the adult's NRM decision on every done NRM consent decision stage, and on no other stage", async () => {
    const consent = { person: inFirst(), templateStage: { key: "nrm-consent-decision" } };
    const done = await db.stage.findMany({ where: { ...consent, state: "DONE" }, select: { id: true, nrmDecision: true } });
    expect(done.length).toBeGreaterThan(PEOPLE / 4);
    expect(done.filter((stage) => stage.nrmDecision === null)).toEqual([]);
    // Roughly 70% consent to a referral and 30% decline (Duty to Notify).
    const declined = done.filter((stage) => stage.nrmDecision === "DUTY_TO_NOTIFY").length / done.length;
    expect(declined).toBeGreaterThan(0.18);
    expect(declined).toBeLessThan(0.42);
    // Open consent stages and every other stage carry none.
    expect(await db.stage.count({ where: { ...consent, state: { not: "DONE" }, nrmDecision: { not: null } } })).toBe(0);
    expect(await db.stage.count({ where: { person: inFirst(), templateStage: { key: { not: "nrm-consent-decision" } }, nrmDecision: { not: null } } })).toBe(0);
    // The completion's timeline entry says the decision, as the app writes it.
    const completions = await db.timelineEvent.findMany({
      where: { kind: "STAGE_COMPLETED", stageId: { in: done.map((stage) => stage.id) } },
      select: { stageId: true, text: true },
    });
    expect(completions).toHaveLength(done.length);
    const decisionOf = new Map(done.map((stage) => [stage.id, stage.nrmDecision]));
    for (const { stageId, text } of completions) {
      const label = decisionOf.get(stageId!) === "NRM_REFERRAL" ? "NRM referral" : "Duty to Notify";
      expect(text).toMatch(new RegExp(`^Decision: ${label}\n.+`));
    }
  });

  it("raises escalations only for stages that were late, at the partnership's thresholds and while still open", async () => {
    const escalations = await db.escalation.findMany({ where: { stage: { person: inFirst() } }, include: { stage: true } });
    expect(escalations.length).toBeGreaterThan(0);
    expect(new Set(escalations.map((e) => e.level))).toEqual(new Set(["AGENCY_LEAD", "COORDINATOR", "PCC_OFFICE"]));
    const minutes = { AGENCY_LEAD: 0, COORDINATOR: 240, PCC_OFFICE: 1440 };
    for (const { stage, level, raisedAt } of escalations) {
      const due = stage.dueAt.getTime() + stage.pausedMs;
      expect(raisedAt.getTime()).toBe(due + minutes[level] * 60_000);
      const openUntil = (stage.completedAt ?? stage.pausedAt ?? now).getTime();
      expect(raisedAt.getTime()).toBeLessThan(openUntil);
    }
    // And every late stage was escalated to its agency lead.
    expect(first.escalations.AGENCY_LEAD).toBe(first.lateStages);
    expect(first.escalations.COORDINATOR).toBeLessThanOrEqual(first.escalations.AGENCY_LEAD);
    expect(first.escalations.PCC_OFFICE).toBeLessThanOrEqual(first.escalations.COORDINATOR);
  });

  it("makes the same history for the same seed, and another for another seed", async () => {
    const again = await generateHistory(db, { people: PEOPLE, seed: 42, months: 6, now, slug: "scale-it-b", batchPeople: 120, force: true });
    const other = await generateHistory(db, { people: PEOPLE, seed: 43, months: 6, now, slug: "scale-it-c", batchPeople: 120, force: true });
    const strip = ({ partnershipId: _p, slug: _s, seconds: _t, ...counts }: GenerateSummary) => counts;
    expect(strip(again)).toEqual(strip(first));
    expect(strip(other)).not.toEqual(strip(first));
    // The same people get the same NRM decisions.
    const decisions = (slug: string) =>
      db.stage.groupBy({
        by: ["nrmDecision"],
        where: { person: { rescue: { partnership: { slug } } }, nrmDecision: { not: null } },
        _count: true,
        orderBy: { nrmDecision: "asc" },
      });
    expect(await decisions("scale-it-b")).toEqual(await decisions("scale-it-a"));
  }, 120_000);

  it("refuses a database that holds the demo partnership, unless forced", async () => {
    if (!(await db.partnership.findUnique({ where: { slug: DEMO_SLUG } }))) await createPartnership(db, { slug: DEMO_SLUG });
    await expect(generateHistory(db, { people: 10, seed: 1, months: 1, now, slug: "scale-it-refused" })).rejects.toBeInstanceOf(GenerateRefused);
    expect(await db.partnership.findUnique({ where: { slug: "scale-it-refused" } })).toBeNull();
    const forced = await generateHistory(db, { people: 5, seed: 1, months: 1, now, slug: "scale-it-forced", force: true });
    expect(forced.people).toBe(5);
  });
});
