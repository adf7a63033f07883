import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/server/access/actor";
import { createPrismaClient } from "../../src/server/db/create-client";
import { getPersonPathway } from "../../src/server/people/get-person-pathway";
import { changeStage } from "../../src/server/stages/change-stage";
import { logOnePerson } from "../support/log-person";
import { createWorld, HOUR, MINUTE, minute, type World } from "../support/world";

const db = createPrismaClient();

const T0 = minute("2026-03-10T09:15:00Z");
const LOGGED = new Date(T0.getTime() + 20 * MINUTE);
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

const MISSING = "Choose what the person decided: NRM referral or Duty to Notify";
const NOT_HERE = "A decision is recorded only when the NRM consent decision stage is marked as done";
const PROBLEM = "There is a problem: check the highlighted answers.";

let world: World;
let police: Actor;
let council: Actor;
let health: Actor;

beforeAll(async () => {
  world = await createWorld(db, "nrm-decision");
  police = await world.actor("POLICE");
  council = await world.actor("COUNCIL_SAFEGUARDING");
  health = await world.actor("HEALTH");
});

afterAll(async () => {
  await db.$disconnect();
});

const newAdult = () => logOnePerson(db, police, { t0: T0, now: LOGGED, person: { ageGroup: "ADULT", interpreterNeeded: "no" } });

/** Everything a refused change could have touched: the stage, the person's timeline and the stage's audit rows. */
async function everything(stageId: string) {
  const stage = await db.stage.findUniqueOrThrow({ where: { id: stageId } });
  const timeline = await db.timelineEvent.findMany({ where: { personId: stage.personId }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] });
  const audit = await db.auditEvent.findMany({ where: { entityId: stageId }, orderBy: { id: "asc" } });
  return { stage, timeline, audit };
}

describe("recording the adult's NRM consent decision", () => {
  it("refuses to mark the stage done without a decision, says so next to the field and writes nothing", async () => {
    const { stage } = await newAdult();
    const consent = stage("nrm-consent-decision");
    const before = await everything(consent.id);

    const result = await changeStage(db, police, { stageId: consent.id, version: "0", action: "complete", text: "Explained after rest" }, at(30));

    expect(result).toEqual({ ok: false, code: "invalid-input", fieldErrors: { nrmDecision: MISSING }, formError: PROBLEM });
    expect(await everything(consent.id)).toEqual(before);
    expect(before.stage).toMatchObject({ state: "NOT_STARTED", nrmDecision: null, version: 0 });
  });

  it("asks for the decision and the outcome together when both are missing", async () => {
    const { stage } = await newAdult();
    const consent = stage("nrm-consent-decision");
    const before = await everything(consent.id);

    const result = await changeStage(db, police, { stageId: consent.id, version: "0", action: "complete", text: "", nrmDecision: "" }, at(30));

    expect(result).toEqual({ ok: false, code: "invalid-input", fieldErrors: { text: "Enter the outcome", nrmDecision: MISSING }, formError: PROBLEM });
    expect(await everything(consent.id)).toEqual(before);
  });

  it("refuses a decision that is not one of the two", async () => {
    const { stage } = await newAdult();
    const consent = stage("nrm-consent-decision");
    const before = await everything(consent.id);

    const result = await changeStage(db, police, { stageId: consent.id, version: "0", action: "complete", text: "Explained", nrmDecision: "MAYBE" }, at(30));

    expect(result).toEqual({ ok: false, code: "invalid-input", fieldErrors: { nrmDecision: MISSING }, formError: PROBLEM });
    expect(await everything(consent.id)).toEqual(before);
  });

  it("stores Duty to Notify with the completion, says it on the timeline, and shows it to those who see the stage in full", async () => {
    const { personId, stage } = await newAdult();
    const consent = stage("nrm-consent-decision");
    const outcome = "Explained in Romanian with an independent interpreter after rest (fictional)";

    const result = await changeStage(
      db,
      police,
      { stageId: consent.id, version: "0", action: "complete", text: outcome, nrmDecision: "DUTY_TO_NOTIFY" },
      at(30),
    );

    expect(result).toEqual({ ok: true, data: { personId, stageTitle: "NRM consent decision recorded", state: "DONE" } });
    const after = await everything(consent.id);
    expect(after.stage).toMatchObject({ state: "DONE", completedAt: at(30), nrmDecision: "DUTY_TO_NOTIFY", version: 1 });
    const completed = after.timeline.filter((e) => e.kind === "STAGE_COMPLETED");
    expect(completed).toHaveLength(1);
    expect(completed[0]).toMatchObject({ stageId: consent.id, text: `Decision: Duty to Notify\n${outcome}` });
    expect(after.audit.map((a) => [a.action, a.outcome])).toEqual([["stage.change", "allowed"]]);

    // Police (the owner) and council (another agency seeing the whole record) see the decision.
    for (const reader of [police, council]) {
      const view = await getPersonPathway(db, reader, personId);
      expect(view.stages.find((s) => s.key === "nrm-consent-decision")).toMatchObject({ state: "DONE", nrmDecision: "DUTY_TO_NOTIFY" });
    }
    // Health's minimal record keeps another agency's stage to its title, owner and clock.
    const healthView = await getPersonPathway(db, health, personId);
    expect(healthView.stages.find((s) => s.key === "nrm-consent-decision")).toMatchObject({ seenInFull: false, state: "DONE", nrmDecision: null });
    expect(healthView.timeline.some((e) => e.text?.includes("Duty to Notify"))).toBe(false);
  });

  it("stores an NRM referral the same way", async () => {
    const { stage } = await newAdult();
    const consent = stage("nrm-consent-decision");
    await changeStage(db, police, { stageId: consent.id, version: 0, action: "start" }, at(20));

    const result = await changeStage(
      db,
      police,
      { stageId: consent.id, version: 1, action: "complete", text: "Consented; referral submitted", nrmDecision: "NRM_REFERRAL" },
      at(40),
    );

    expect(result).toMatchObject({ ok: true, data: { state: "DONE" } });
    const after = await everything(consent.id);
    expect(after.stage).toMatchObject({ state: "DONE", nrmDecision: "NRM_REFERRAL" });
    expect(after.timeline.at(-1)).toMatchObject({ kind: "STAGE_COMPLETED", text: "Decision: NRM referral\nConsented; referral submitted" });
  });

  it("ignores a decision ticked while starting or pausing the NRM stage: nothing is decided until it is done", async () => {
    const { stage } = await newAdult();
    const consent = stage("nrm-consent-decision");

    const started = await changeStage(db, police, { stageId: consent.id, version: 0, action: "start", nrmDecision: "NRM_REFERRAL" }, at(20));
    const paused = await changeStage(
      db,
      police,
      { stageId: consent.id, version: 1, action: "pause", text: "Resting before consent is explained", nrmDecision: "DUTY_TO_NOTIFY" },
      at(21),
    );

    expect(started).toMatchObject({ ok: true, data: { state: "IN_PROGRESS" } });
    expect(paused).toMatchObject({ ok: true, data: { state: "PAUSED" } });
    const after = await everything(consent.id);
    expect(after.stage).toMatchObject({ state: "PAUSED", nrmDecision: null });
    expect(after.timeline.map((e) => [e.kind, e.text])).toEqual([
      ["RESCUE_LOGGED", null],
      ["STAGE_STARTED", null],
      ["STAGE_PAUSED", "Resting before consent is explained"],
    ]);
  });

  it("refuses a decision sent for any other stage and writes nothing", async () => {
    const { stage } = await newAdult();
    const accommodation = stage("accommodation");
    const before = await everything(accommodation.id);

    const result = await changeStage(
      db,
      council,
      { stageId: accommodation.id, version: 0, action: "complete", text: "Placed in a refuge", nrmDecision: "NRM_REFERRAL" },
      at(2),
    );

    expect(result).toEqual({ ok: false, code: "invalid-input", fieldErrors: { nrmDecision: NOT_HERE }, formError: PROBLEM });
    expect(await everything(accommodation.id)).toEqual(before);
  });

  it("still lets other stages be done without any decision", async () => {
    const { stage } = await newAdult();
    const accommodation = stage("accommodation");

    const result = await changeStage(db, council, { stageId: accommodation.id, version: 0, action: "complete", text: "Placed in a refuge" }, at(2));

    expect(result).toMatchObject({ ok: true, data: { state: "DONE" } });
    expect((await everything(accommodation.id)).stage).toMatchObject({ state: "DONE", nrmDecision: null });
  });
});
