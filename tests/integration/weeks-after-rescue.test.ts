// Issue 14, part A: corrections with a version check, age reassessment, dependants and safety flags,
// each through its real use case against Postgres, with every refusal and the need-to-know of each field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personFormInput, rescueFormInput } from "../../prisma/factories";
import { addWorkingDays } from "../../src/domain/time/working-days";
import type { Actor } from "../../src/server/access/actor";
import { getPseudonymisedCase } from "../../src/server/cases/get-pseudonymised-case";
import { listPseudonymisedCases } from "../../src/server/cases/list-pseudonymised-cases";
import { createPrismaClient } from "../../src/server/db/create-client";
import { ForbiddenError, NotFoundError } from "../../src/server/errors";
import { correctPersonDetails } from "../../src/server/people/correct-person-details";
import { getPersonDetails } from "../../src/server/people/get-person-details";
import { getPersonPathway } from "../../src/server/people/get-person-pathway";
import { linkDependant, unlinkDependant } from "../../src/server/people/link-dependant";
import { listAgencyPeople } from "../../src/server/people/list-agency-people";
import { recordAgeAssessment } from "../../src/server/people/record-age-assessment";
import { setSafetyFlags } from "../../src/server/people/set-safety-flags";
import { getAgencyQueue } from "../../src/server/queue/get-agency-queue";
import { logRescue } from "../../src/server/rescues/log-rescue";
import { logOnePerson } from "../support/log-person";
import { countCaseTables, createWorld, HOUR, MINUTE, type World } from "../support/world";

const db = createPrismaClient();

let world: World;
let police: Actor;
let council: Actor;
let health: Actor;
let vcas: Actor;
let coordinator: Actor;
let pcc: Actor;
let admin: Actor;
let outsider: Actor;

const now = () => new Date();
const plainJson = (_key: string, value: unknown) => (typeof value === "bigint" ? String(value) : value);
const t0 = () => new Date(Date.now() - 2 * HOUR - (Date.now() % MINUTE));

beforeAll(async () => {
  world = await createWorld(db, "weeks-a");
  police = await world.actor("POLICE");
  council = await world.actor("COUNCIL_SAFEGUARDING");
  health = await world.actor("HEALTH");
  vcas = await world.actor("VCAS");
  coordinator = await world.actor("PARTNERSHIP", "COORDINATOR");
  pcc = await world.actor("PCC_OFFICE", "PCC_OFFICE");
  admin = await world.actor("PARTNERSHIP", "ADMINISTRATOR");
  const away = await createWorld(db, "weeks-a-away");
  outsider = await away.actor("COUNCIL_SAFEGUARDING");
});

afterAll(async () => {
  await db.$disconnect();
});

async function freshPerson(person: Record<string, unknown> = {}) {
  return logOnePerson(db, police, { t0: t0(), now: now(), person: { name: "Ana Fictional", interpreterNeeded: "no", ...person } });
}

/** What the details form was shown with, as the form sends it back (`was.<field>`). */
async function shownForm(actor: Actor, personId: string) {
  const details = await getPersonDetails(db, actor, personId);
  const values: Record<string, unknown> = {};
  for (const field of details.fields) {
    if (typeof field.value === "string") values[field.key] = field.value;
    else {
      values[field.key] = field.value.ticked;
      values.otherNeeds = field.value.other;
    }
  }
  return { version: details.version, values, fields: details.fields.map((field) => field.key) };
}

async function correctionForm(actor: Actor, personId: string, changes: Record<string, unknown>) {
  const shown = await shownForm(actor, personId);
  return { personId, version: shown.version, ...shown.values, ...changes, was: shown.values };
}

describe("correcting a person's details", () => {
  it("lets the logging agency correct them: saved, on the timeline by field name, audited with identity withheld", async () => {
    const person = await freshPerson();
    const result = await correctPersonDetails(db, police, await correctionForm(police, person.personId, { name: "Ana Corrected Fictional", gender: "NOT_KNOWN", languages: "Romanian, English", dateOfBirth: "1994-05-17" }));
    expect(result).toEqual({ ok: true, data: { personId: person.personId, changed: ["name", "dateOfBirth", "gender", "languages"] } });

    const row = await db.person.findUniqueOrThrow({ where: { id: person.personId }, include: { identity: true } });
    expect(row).toMatchObject({ version: 1, gender: "NOT_KNOWN", languages: ["Romanian", "English"] });
    expect(row.identity).toMatchObject({ name: "Ana Corrected Fictional", dateOfBirth: new Date("1994-05-17T00:00:00Z") });

    const entry = await db.timelineEvent.findFirstOrThrow({ where: { personId: person.personId, kind: "DETAILS_CORRECTED" } });
    expect(entry.text).toBe("Changed: name, date of birth, gender, languages");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "person.correct", entityId: person.personId } });
    expect(audit.changes).toEqual({
      name: { before: "withheld", after: "withheld" },
      dateOfBirth: { before: "withheld", after: "withheld" },
      gender: { before: "Female", after: "Not known" },
      languages: { before: "Romanian", after: "Romanian, English" },
    });
    expect(JSON.stringify(audit, plainJson)).not.toMatch(/Ana|1994/);
  });

  it("corrects the national statistics' fields too: nationality from the country list, county lines, referrer type", async () => {
    const person = await freshPerson({ nationality: "Albanian" });
    const result = await correctPersonDetails(db, council, await correctionForm(council, person.personId, { nationalityCode: "French", countyLines: "YES", referrerType: "LOCAL_AUTHORITY", ageAtExploitation: "CHILD" }));
    expect(result.ok && result.data.changed).toEqual(["nationalityCode", "countyLines", "ageAtExploitation", "referrerType"]);
    const row = await db.person.findUniqueOrThrow({ where: { id: person.personId } });
    expect(row).toMatchObject({ countyLines: "YES", referrerType: "LOCAL_AUTHORITY", ageAtExploitation: "CHILD" });
    expect(row.nationalityCode).toBe("FRA");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "person.correct", entityId: person.personId } });
    expect(audit.changes).toMatchObject({ nationalityCode: { before: "Albania" }, countyLines: { before: "Not recorded", after: "Yes" } });
  });

  async function interpreterStage(personId: string) {
    return db.stage.findFirst({ where: { personId, templateStage: { key: "interpreter" } } });
  }

  it("interpreter needed: the interpreter stage is added with a clock from the correction, on the timeline and audited", async () => {
    const person = await freshPerson({ interpreterNeeded: "no" });
    expect(await interpreterStage(person.personId)).toBeNull();
    const correctedAt = new Date();
    expect(await correctPersonDetails(db, police, await correctionForm(police, person.personId, { interpreterNeeded: "yes" }), correctedAt)).toMatchObject({ ok: true, data: { changed: ["interpreterNeeded"] } });
    expect(await interpreterStage(person.personId)).toMatchObject({ state: "NOT_STARTED", clockStartedAt: correctedAt });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "person.correct", entityId: person.personId } });
    expect(audit.changes).toEqual({
      interpreterNeeded: { before: "No", after: "Yes" },
      stagesClosed: { before: 0, after: 0 },
      stagesRestarted: { before: 0, after: 0 },
      stagesAdded: { before: 0, after: 1 },
    });
    expect(await db.timelineEvent.findFirst({ where: { personId: person.personId, kind: "DETAILS_CORRECTED" } })).toMatchObject({ text: "Changed: interpreter needed" });
  });

  it("interpreter not needed: a not-started interpreter stage closes not needed; needed again, it restarts; nothing is deleted", async () => {
    const person = await freshPerson({ interpreterNeeded: "yes" });
    const stage = (await interpreterStage(person.personId))!;
    expect(stage.state).toBe("NOT_STARTED");
    expect(await correctPersonDetails(db, police, await correctionForm(police, person.personId, { interpreterNeeded: "no" }))).toMatchObject({ ok: true });
    expect(await interpreterStage(person.personId)).toMatchObject({ id: stage.id, state: "NOT_NEEDED", closingReason: "Not needed — no interpreter needed" });
    expect(await db.timelineEvent.findFirst({ where: { stageId: stage.id, kind: "STAGE_NOT_NEEDED" } })).toMatchObject({ text: "Not needed — no interpreter needed" });

    const again = new Date();
    expect(await correctPersonDetails(db, police, await correctionForm(police, person.personId, { interpreterNeeded: "yes" }), again)).toMatchObject({ ok: true });
    expect(await interpreterStage(person.personId)).toMatchObject({ id: stage.id, state: "NOT_STARTED", clockStartedAt: again, clockRound: 1 });
    expect(await db.stage.count({ where: { personId: person.personId, templateStage: { key: "interpreter" } } })).toBe(1);
    expect((await db.timelineEvent.findMany({ where: { stageId: stage.id }, orderBy: { occurredAt: "asc" } })).map((entry) => entry.kind)).toEqual(["STAGE_NOT_NEEDED", "STAGE_RESUMED"]);
  });

  it("interpreter not needed: a started or done interpreter stage stays as it is", async () => {
    for (const state of ["IN_PROGRESS", "DONE"] as const) {
      const person = await freshPerson({ interpreterNeeded: "yes" });
      const stage = (await interpreterStage(person.personId))!;
      await db.stage.update({ where: { id: stage.id }, data: { state, startedAt: now(), completedAt: state === "DONE" ? now() : null } });
      expect(await correctPersonDetails(db, police, await correctionForm(police, person.personId, { interpreterNeeded: "no" }))).toMatchObject({ ok: true });
      expect(await interpreterStage(person.personId)).toMatchObject({ state, closingReason: null });
    }
  });

  it("an interpreter stage a caseworker marked not needed is not restarted by a later correction", async () => {
    const person = await freshPerson({ interpreterNeeded: "yes" });
    const stage = (await interpreterStage(person.personId))!;
    await db.stage.update({ where: { id: stage.id }, data: { state: "NOT_NEEDED", closingReason: "Speaks English well (fictional)", completedAt: now() } });
    await correctPersonDetails(db, police, await correctionForm(police, person.personId, { interpreterNeeded: "no" }));
    expect(await correctPersonDetails(db, police, await correctionForm(police, person.personId, { interpreterNeeded: "yes" }))).toMatchObject({ ok: true });
    expect(await interpreterStage(person.personId)).toMatchObject({ state: "NOT_NEEDED", closingReason: "Speaks English well (fictional)", clockRound: 0 });
  });

  it("refuses a second writer on the old version, says what changed, and writes nothing", async () => {
    const person = await freshPerson();
    const first = await correctionForm(council, person.personId, { nationalityCode: "Moldovan" });
    const second = await correctionForm(police, person.personId, { languages: "Romanian, Russian" });
    expect((await correctPersonDetails(db, council, first)).ok).toBe(true);
    const before = await countCaseTables(db);

    const stale = await correctPersonDetails(db, police, second);
    expect(stale).toMatchObject({ ok: false, code: "stale-version", formError: expect.stringMatching(/Someone else changed/) });
    expect(!stale.ok && stale.fieldErrors).toEqual({ nationalityCode: expect.stringContaining("“Moldova”") });
    expect(await countCaseTables(db)).toMatchObject({ timelineEvent: before.timelineEvent, auditEvent: before.auditEvent });
    expect(await db.person.findUniqueOrThrow({ where: { id: person.personId } })).toMatchObject({ version: 1, nationalityCode: "MDA", languages: ["Romanian"] });

    // Sent again on the version the page now shows, the second writer's answer is saved.
    const again = await correctPersonDetails(db, police, { ...second, version: 1, nationalityCode: "Moldova" });
    expect(again).toMatchObject({ ok: true, data: { changed: ["languages"] } });
  });

  it("refuses bad answers next to each field, all at once, and writes nothing", async () => {
    const person = await freshPerson();
    const before = await countCaseTables(db);
    const result = await correctPersonDetails(db, police, await correctionForm(police, person.personId, { name: "", description: "", dateOfBirth: "2001-02-30", gender: "DRAGON", interpreterNeeded: "maybe", nationalityCode: "Atlantis", countyLines: "SOMETIMES", immediateNeeds: ["Caviar"] }));
    expect(result).toMatchObject({ ok: false, code: "invalid-input" });
    expect(!result.ok && Object.keys(result.fieldErrors).sort()).toEqual(["countyLines", "dateOfBirth", "gender", "immediateNeeds", "interpreterNeeded", "name", "nationalityCode"]);
    expect(!result.ok && result.fieldErrors.dateOfBirth).toMatch(/real date of birth/);

    const future = await correctPersonDetails(db, police, await correctionForm(police, person.personId, { dateOfBirth: "2999-01-01" }));
    expect(!future.ok && future.fieldErrors.dateOfBirth).toBe("The date of birth must be in the past");
    expect(await correctPersonDetails(db, police, await correctionForm(police, person.personId, {}))).toMatchObject({ ok: false, code: "no-change" });
    expect(await correctPersonDetails(db, police, { personId: person.personId, version: "1e3" })).toMatchObject({ ok: false, fieldErrors: { version: expect.any(String) } });
    expect(await countCaseTables(db)).toMatchObject({ timelineEvent: before.timelineEvent, personIdentity: before.personIdentity });
  });

  it("gives health only its minimal record's fields: never nationality, and a nationality it sends is not written", async () => {
    const person = await freshPerson({ nationality: "Albanian" });
    const form = await getPersonDetails(db, health, person.personId);
    expect(form.fields.map((field) => field.key)).toEqual(["name", "description", "dateOfBirth", "gender", "languages", "interpreterNeeded", "immediateNeeds"]);
    expect(JSON.stringify(form)).not.toMatch(/Albania|ALB/);

    const result = await correctPersonDetails(db, health, { ...(await correctionForm(health, person.personId, { interpreterNeeded: "yes" })), nationalityCode: "France", countyLines: "YES" });
    expect(result).toMatchObject({ ok: true, data: { changed: ["interpreterNeeded"] } });
    expect(await db.person.findUniqueOrThrow({ where: { id: person.personId } })).toMatchObject({ nationalityCode: "ALB", countyLines: null, interpreterNeeded: true });
  });

  it("is not found for an agency outside the person's view, and forbidden to the coordinator, the PCC office and administrators", async () => {
    const person = await freshPerson();
    const form = await correctionForm(police, person.personId, { name: "Nobody Else Fictional" });
    await expect(correctPersonDetails(db, outsider, form)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPersonDetails(db, outsider, person.personId)).rejects.toBeInstanceOf(NotFoundError);
    for (const actor of [coordinator, pcc, admin]) {
      await expect(correctPersonDetails(db, actor, form)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getPersonDetails(db, actor, person.personId)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await db.personIdentity.findUniqueOrThrow({ where: { personId: person.personId } })).name).toBe("Ana Fictional");
  });
});

describe("an age assessment", () => {
  const assessment = (personId: string, outcome: string, extra: Record<string, unknown> = {}) => ({
    personId,
    outcome,
    assessedOn: new Date().toISOString().slice(0, 10),
    assessedBy: "Teesmoor Council children's social worker (fictional)",
    mertonCompliant: "yes",
    ...extra,
  });

  it("assessed as an adult: children's stages not done close not needed, a done one stays, the adult consent stage gets a clock from the assessment", async () => {
    const person = await freshPerson({ ageGroup: "AGE_DISPUTED" });
    await db.stage.update({ where: { id: person.stage("childrens-services-notified").id }, data: { state: "DONE", completedAt: now() } });
    const assessedAt = new Date();
    const result = await recordAgeAssessment(db, council, assessment(person.personId, "ADULT"), assessedAt);
    expect(result).toEqual({ ok: true, data: { personId: person.personId, closed: 1, restarted: 0, added: 1 } });

    const stages = await db.stage.findMany({ where: { personId: person.personId }, include: { templateStage: true } });
    const byKey = Object.fromEntries(stages.map((stage) => [stage.templateStage.key, stage]));
    expect(byKey["childrens-services-notified"]?.state).toBe("DONE");
    expect(byKey["child-nrm-referral"]).toMatchObject({ state: "NOT_NEEDED", closingReason: "Not needed — age assessed as adult" });
    expect(byKey["nrm-consent-decision"]).toMatchObject({ state: "NOT_STARTED", clockStartedAt: assessedAt, dueAt: addWorkingDays(assessedAt, 3) });
    expect(await db.person.findUniqueOrThrow({ where: { id: person.personId } })).toMatchObject({ ageGroup: "ADULT" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "person.assess_age", entityId: person.personId, outcome: "allowed" } });
    expect(audit.changes).toEqual({ ageGroup: { before: "AGE_DISPUTED", after: "ADULT" }, stagesClosed: { before: 0, after: 1 }, stagesRestarted: { before: 0, after: 0 }, stagesAdded: { before: 0, after: 1 } });
    expect(await db.ageAssessment.findMany({ where: { personId: person.personId } })).toEqual([
      expect.objectContaining({ outcome: "ADULT", mertonCompliant: true, recordedByAgencyId: world.agencies.COUNCIL_SAFEGUARDING.id }),
    ]);

    const view = await getPersonPathway(db, police, person.personId);
    const consent = view.stages.find((stage) => stage.key === "nrm-consent-decision")!;
    expect(consent.clock.t0).toEqual(assessedAt);
    expect(view.timeline.map((entry) => entry.kind)).toEqual(expect.arrayContaining(["AGE_ASSESSED", "STAGE_NOT_NEEDED"]));
    expect(view.ageAssessments).toEqual([expect.objectContaining({ outcome: "ADULT", mertonCompliant: true })]);
  });

  it("assessed as a child: the adult consent stage closes, children's services and the child NRM referral come with clocks from now", async () => {
    const person = await freshPerson({ ageGroup: "ADULT" });
    const assessedAt = new Date();
    expect(await recordAgeAssessment(db, council, assessment(person.personId, "CHILD"), assessedAt)).toMatchObject({ ok: true, data: { closed: 1, added: 2 } });
    const stages = await db.stage.findMany({ where: { personId: person.personId }, include: { templateStage: true } });
    const byKey = Object.fromEntries(stages.map((stage) => [stage.templateStage.key, stage]));
    expect(byKey["nrm-consent-decision"]).toMatchObject({ state: "NOT_NEEDED", closingReason: "Not needed — age assessed as child" });
    expect(byKey["childrens-services-notified"]).toMatchObject({ clockStartedAt: assessedAt, dueAt: new Date(assessedAt.getTime() + HOUR) });
    expect(byKey["child-nrm-referral"]).toMatchObject({ clockStartedAt: assessedAt, dueAt: new Date(assessedAt.getTime() + 24 * HOUR) });
  });

  async function stagesByKey(personId: string) {
    const stages = await db.stage.findMany({ where: { personId }, include: { templateStage: true } });
    return Object.fromEntries(stages.map((stage) => [stage.templateStage.key, stage]));
  }

  it("adult → child → adult: the second assessment restarts the adult consent stage with a new clock and closes the children's stages", async () => {
    const person = await freshPerson({ ageGroup: "ADULT" });
    const stageCount = await db.stage.count({ where: { personId: person.personId } });
    const first = new Date(Date.now() - 30 * MINUTE);
    expect(await recordAgeAssessment(db, council, assessment(person.personId, "CHILD"), first)).toMatchObject({ ok: true, data: { closed: 1, restarted: 0, added: 2 } });
    const consentId = (await stagesByKey(person.personId))["nrm-consent-decision"]!.id;

    const second = new Date();
    expect(await recordAgeAssessment(db, council, assessment(person.personId, "ADULT"), second)).toEqual({
      ok: true,
      data: { personId: person.personId, closed: 2, restarted: 1, added: 0 },
    });
    const byKey = await stagesByKey(person.personId);
    // The same stage, open again as new work: a new clock from the second assessment and a new escalation round.
    expect(byKey["nrm-consent-decision"]).toMatchObject({ id: consentId, state: "NOT_STARTED", closingReason: null, clockStartedAt: second, dueAt: addWorkingDays(second, 3), clockRound: 1 });
    expect(byKey["childrens-services-notified"]).toMatchObject({ state: "NOT_NEEDED", closingReason: "Not needed — age assessed as adult" });
    expect(byKey["child-nrm-referral"]).toMatchObject({ state: "NOT_NEEDED", closingReason: "Not needed — age assessed as adult" });
    // Nothing deleted: the two children's stages stay, closed.
    expect(await db.stage.count({ where: { personId: person.personId } })).toBe(stageCount + 2);
    // The history: closed by the first assessment, restarted by the second.
    const consentHistory = await db.timelineEvent.findMany({ where: { stageId: consentId }, orderBy: { occurredAt: "asc" } });
    expect(consentHistory.map((entry) => [entry.kind, entry.text])).toEqual([
      ["STAGE_NOT_NEEDED", "Not needed — age assessed as child"],
      ["STAGE_RESUMED", "Restarted with a new clock: age assessed as an adult"],
    ]);
    expect(await db.auditEvent.count({ where: { action: "stage.change", entityId: consentId, outcome: "allowed" } })).toBe(2);
    const view = await getPersonPathway(db, police, person.personId);
    expect(view.stages.find((stage) => stage.key === "nrm-consent-decision")!.clock.t0).toEqual(second);
  });

  it("child → adult → child: the children's stages come back with new clocks, the adult consent stage closes again", async () => {
    const person = await freshPerson({ ageGroup: "CHILD" });
    expect(await recordAgeAssessment(db, council, assessment(person.personId, "ADULT"), new Date(Date.now() - 30 * MINUTE))).toMatchObject({ ok: true, data: { closed: 2, added: 1 } });
    const second = new Date();
    expect(await recordAgeAssessment(db, council, assessment(person.personId, "CHILD"), second)).toMatchObject({ ok: true, data: { closed: 1, restarted: 2, added: 0 } });
    const byKey = await stagesByKey(person.personId);
    expect(byKey["childrens-services-notified"]).toMatchObject({ state: "NOT_STARTED", clockStartedAt: second, dueAt: new Date(second.getTime() + HOUR), clockRound: 1 });
    expect(byKey["child-nrm-referral"]).toMatchObject({ state: "NOT_STARTED", clockStartedAt: second, dueAt: new Date(second.getTime() + 24 * HOUR), clockRound: 1 });
    expect(byKey["nrm-consent-decision"]).toMatchObject({ state: "NOT_NEEDED", closingReason: "Not needed — age assessed as child" });
    // Children's services sees the child's work in its queue again.
    const queue = await getAgencyQueue(db, council, "all");
    expect(JSON.stringify(queue, plainJson)).toContain(byKey["childrens-services-notified"]!.id);
  });

  it("a children's stage done before the first assessment stays done through both", async () => {
    const person = await freshPerson({ ageGroup: "CHILD" });
    await db.stage.update({ where: { id: person.stage("childrens-services-notified").id }, data: { state: "DONE", completedAt: now() } });
    await recordAgeAssessment(db, council, assessment(person.personId, "ADULT"), new Date(Date.now() - 30 * MINUTE));
    expect(await recordAgeAssessment(db, council, assessment(person.personId, "CHILD"))).toMatchObject({ ok: true, data: { restarted: 1 } });
    const byKey = await stagesByKey(person.personId);
    expect(byKey["childrens-services-notified"]).toMatchObject({ state: "DONE", clockRound: 0 });
    expect(byKey["child-nrm-referral"]).toMatchObject({ state: "NOT_STARTED", clockRound: 1 });
  });

  it("refuses health, a closed case and bad answers, writing nothing; not found outside the view; forbidden to other roles", async () => {
    const person = await freshPerson({ ageGroup: "AGE_DISPUTED" });
    const before = await countCaseTables(db);
    expect(await recordAgeAssessment(db, health, assessment(person.personId, "ADULT"))).toMatchObject({ ok: false, code: "not-permitted" });
    const bad = await recordAgeAssessment(db, council, assessment(person.personId, "AGE_DISPUTED", { assessedOn: "2999-01-01", assessedBy: " ", mertonCompliant: "" }));
    expect(!bad.ok && Object.keys(bad.fieldErrors).sort()).toEqual(["assessedBy", "assessedOn", "mertonCompliant", "outcome"]);
    expect(await recordAgeAssessment(db, council, assessment(person.personId, "ADULT", { assessedOn: "2020-01-01" }))).toMatchObject({ ok: false, fieldErrors: { assessedOn: "The assessment cannot be before the rescue" } });
    await expect(recordAgeAssessment(db, outsider, assessment(person.personId, "ADULT"))).rejects.toBeInstanceOf(NotFoundError);
    for (const actor of [coordinator, pcc, admin]) await expect(recordAgeAssessment(db, actor, assessment(person.personId, "ADULT"))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await countCaseTables(db)).toMatchObject({ stage: before.stage, timelineEvent: before.timelineEvent });
    expect(await db.ageAssessment.count({ where: { personId: person.personId } })).toBe(0);

    await db.person.update({ where: { id: person.personId }, data: { closedAt: now() } });
    expect(await recordAgeAssessment(db, council, assessment(person.personId, "ADULT"))).toMatchObject({ ok: false, code: "case-closed" });
    expect(await db.person.findUniqueOrThrow({ where: { id: person.personId } })).toMatchObject({ ageGroup: "AGE_DISPUTED" });
  });
});

describe("a parent and children rescued together", () => {
  async function logFamily(childOf: unknown = "1") {
    return logRescue(
      db,
      police,
      rescueFormInput({
        occurredAt: t0(),
        people: [
          personFormInput({ name: "Mira Parent Fictional" }),
          personFormInput({ name: "Luca Child Fictional", ageGroup: "CHILD", childOf }),
        ],
      }),
      now(),
    );
  }

  it("links the child on the rescue form; the child has children's services with their own clock, the parent's page shows the child", async () => {
    const logged = await logFamily();
    expect(logged.ok).toBe(true);
    const rows = await db.person.findMany({ where: { rescueId: logged.ok ? logged.data.rescueId : "" }, include: { identity: true, stages: { include: { templateStage: true } } } });
    const parent = rows.find((row) => row.identity?.name === "Mira Parent Fictional")!;
    const child = rows.find((row) => row.identity?.name === "Luca Child Fictional")!;
    expect(child.parentPersonId).toBe(parent.id);
    expect(child.stages.find((stage) => stage.templateStage.key === "childrens-services-notified")).toBeDefined();
    expect(parent.stages.find((stage) => stage.templateStage.key === "childrens-services-notified")).toBeUndefined();

    const parentView = await getPersonPathway(db, council, parent.id);
    expect(parentView.dependants).toEqual([expect.objectContaining({ id: child.id, displayName: "Luca Child Fictional" })]);
    expect(parentView.hiddenDependants).toBe(0);
    expect((await getPersonPathway(db, council, child.id)).parent).toMatchObject({ id: parent.id });
  });

  it("counts a linked child the reader cannot see, and never names them", async () => {
    const logged = await logFamily();
    const rows = await db.person.findMany({ where: { rescueId: logged.ok ? logged.data.rescueId : "" }, include: { identity: true, stages: { include: { templateStage: true } } } });
    const parent = rows.find((row) => row.parentPersonId === null)!;
    const child = rows.find((row) => row.parentPersonId !== null)!;
    // The child's victim-support stage goes to a charity: VCAS works with the parent only.
    const charity = await world.addAgency("CHARITY", `Children's charity ${crypto.randomUUID().slice(0, 6)}`);
    await db.stage.updateMany({ where: { personId: child.id, ownerAgencyId: world.agencies.VCAS.id }, data: { ownerAgencyId: charity.id } });

    const view = await getPersonPathway(db, vcas, parent.id);
    expect(view.dependants).toEqual([]);
    expect(view.hiddenDependants).toBe(1);
    expect(JSON.stringify(view)).not.toContain("Luca Child Fictional");
    expect(JSON.stringify(view)).not.toContain(child.id);
  });

  it("refuses a child-of that points nowhere, at itself, from an adult row, or round in a loop, writing nothing", async () => {
    const before = await countCaseTables(db);
    for (const [childOf, message] of [
      ["7", /no person 7/],
      ["2", /own parent/],
      ["one", /number of the parent's row/],
    ] as const) {
      const result = await logFamily(childOf);
      expect(!result.ok && result.fieldErrors["people.1.childOf"]).toMatch(message);
    }
    const adult = await logRescue(db, police, rescueFormInput({ occurredAt: t0(), people: [personFormInput(), personFormInput({ childOf: "1" })] }), now());
    expect(!adult.ok && adult.fieldErrors["people.1.childOf"]).toMatch(/Only a child/);
    const loop = await logRescue(
      db,
      police,
      rescueFormInput({ occurredAt: t0(), people: [personFormInput({ ageGroup: "CHILD", childOf: "2" }), personFormInput({ ageGroup: "CHILD", childOf: "1" })] }),
      now(),
    );
    expect(!loop.ok && loop.fieldErrors["people.0.childOf"]).toMatch(/each other's parent/);
    expect(await countCaseTables(db)).toMatchObject({ rescue: before.rescue, person: before.person });
  });

  it("links afterwards from the person's page, within the same rescue only", async () => {
    const logged = await logFamily("");
    const rows = await db.person.findMany({ where: { rescueId: logged.ok ? logged.data.rescueId : "" }, select: { id: true, ageGroup: true } });
    const parent = rows.find((row) => row.ageGroup === "ADULT")!;
    const child = rows.find((row) => row.ageGroup === "CHILD")!;
    const elsewhere = await freshPerson();

    expect((await getPersonPathway(db, police, child.id)).parentCandidates.map((candidate) => candidate.id)).toEqual([parent.id]);
    expect(await linkDependant(db, police, { personId: child.id, parentPersonId: elsewhere.personId })).toMatchObject({ ok: false, fieldErrors: { parentPersonId: "Choose a parent from the same rescue" } });
    expect(await linkDependant(db, police, { personId: child.id, parentPersonId: child.id })).toMatchObject({ ok: false, fieldErrors: { parentPersonId: expect.stringMatching(/own parent/) } });
    expect(await linkDependant(db, police, { personId: parent.id, parentPersonId: child.id })).toMatchObject({ ok: false, code: "invalid-input", formError: expect.stringMatching(/Only a child/) });
    expect(await linkDependant(db, police, { personId: child.id, parentPersonId: "not-a-uuid" })).toMatchObject({ ok: false, fieldErrors: { parentPersonId: expect.any(String) } });
    await expect(linkDependant(db, outsider, { personId: child.id, parentPersonId: parent.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(linkDependant(db, coordinator, { personId: child.id, parentPersonId: parent.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.person.findUniqueOrThrow({ where: { id: child.id } })).parentPersonId).toBeNull();

    expect(await linkDependant(db, police, { personId: child.id, parentPersonId: parent.id })).toEqual({ ok: true, data: { personId: child.id } });
    expect((await db.person.findUniqueOrThrow({ where: { id: child.id } })).parentPersonId).toBe(parent.id);
    expect(await linkDependant(db, police, { personId: child.id, parentPersonId: parent.id })).toMatchObject({ ok: false, code: "no-change" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "person.link_dependant", entityId: child.id, outcome: "allowed" } });
    expect(audit.changes).toEqual({ parentPersonId: { before: null, after: parent.id } });
  });
});

describe("unlinking a child from a parent", () => {
  async function linkedFamily() {
    const logged = await logRescue(
      db,
      police,
      rescueFormInput({ occurredAt: t0(), people: [personFormInput({ name: "Dana Parent Fictional" }), personFormInput({ name: "Toma Child Fictional", ageGroup: "CHILD", childOf: "1" })] }),
      now(),
    );
    const rows = await db.person.findMany({ where: { rescueId: logged.ok ? logged.data.rescueId : "" }, select: { id: true, parentPersonId: true } });
    return { parent: rows.find((row) => row.parentPersonId === null)!, child: rows.find((row) => row.parentPersonId !== null)! };
  }

  it("unlinks with a reason: both timelines say so (the reason on the child's only), audited, and the parent's page no longer shows the child", async () => {
    const { parent, child } = await linkedFamily();
    expect((await getPersonPathway(db, council, child.id)).canUnlinkParent).toBe(true);
    const reason = "Not the child's parent: the aunt (fictional)";
    expect(await unlinkDependant(db, council, { personId: child.id, reason })).toEqual({ ok: true, data: { personId: child.id } });
    expect((await db.person.findUniqueOrThrow({ where: { id: child.id } })).parentPersonId).toBeNull();

    expect(await db.timelineEvent.findMany({ where: { personId: child.id, kind: "DEPENDANT_UNLINKED" } })).toEqual([expect.objectContaining({ text: reason, actorId: council.id })]);
    expect(await db.timelineEvent.findMany({ where: { personId: parent.id, kind: "DEPENDANT_UNLINKED" } })).toEqual([expect.objectContaining({ text: null, actorId: council.id })]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "person.unlink_dependant", entityId: child.id, outcome: "allowed" } });
    expect(audit.changes).toEqual({ parentPersonId: { before: parent.id, after: null } });
    expect(JSON.stringify(audit, plainJson)).not.toContain("aunt");

    const parentView = await getPersonPathway(db, council, parent.id);
    expect(parentView.dependants).toEqual([]);
    expect(parentView.timeline.map((entry) => entry.kind)).toContain("DEPENDANT_UNLINKED");
    const childView = await getPersonPathway(db, council, child.id);
    expect(childView.parent).toBeNull();
    expect(childView.canUnlinkParent).toBe(false);
    // The link's history stays: linked at the rescue is still on the child's timeline.
    expect(childView.timeline.map((entry) => entry.kind)).toEqual(expect.arrayContaining(["DEPENDANT_UNLINKED"]));
  });

  it("refuses a missing reason next to the field, a child not linked, callers outside the view and roles that may not link, writing nothing", async () => {
    const { child } = await linkedFamily();
    const before = await countCaseTables(db);
    const blank = await unlinkDependant(db, council, { personId: child.id, reason: "  " });
    expect(blank).toMatchObject({ ok: false, code: "invalid-input", fieldErrors: { reason: "Enter why the link to this parent is wrong or has ended" } });
    expect(await unlinkDependant(db, council, { personId: child.id, reason: "x".repeat(501) })).toMatchObject({ ok: false, fieldErrors: { reason: "Enter 500 characters or fewer" } });
    expect(await unlinkDependant(db, council, { personId: "not-a-uuid", reason: "Wrong (fictional)" })).toMatchObject({ ok: false, fieldErrors: { personId: expect.any(String) } });
    await expect(unlinkDependant(db, outsider, { personId: child.id, reason: "Wrong (fictional)" })).rejects.toBeInstanceOf(NotFoundError);
    for (const actor of [coordinator, pcc, admin]) await expect(unlinkDependant(db, actor, { personId: child.id, reason: "Wrong (fictional)" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await countCaseTables(db)).toMatchObject({ person: before.person, timelineEvent: before.timelineEvent });
    expect((await db.person.findUniqueOrThrow({ where: { id: child.id } })).parentPersonId).not.toBeNull();

    await unlinkDependant(db, council, { personId: child.id, reason: "Wrong (fictional)" });
    expect(await unlinkDependant(db, council, { personId: child.id, reason: "Wrong again (fictional)" })).toMatchObject({ ok: false, code: "no-change" });
  });
});

describe("safety flags", () => {
  const NUMBER = "07700 900461";
  const flags = (personId: string, version = 0, extra: Record<string, unknown> = {}) => ({
    personId,
    version,
    risks: ["tippingOffRisk", "doNotDiscloseWhereabouts"],
    safeContact: "Only through the VCAS worker (fictional)",
    neverContact: `No letters; never call ${NUMBER}: the exploiter has that phone (fictional)`,
    ...extra,
  });

  it("are set by an agency working with the person and shown on the record, the queue, the people list and, risks only, to the coordinator", async () => {
    const person = await freshPerson();
    expect(await setSafetyFlags(db, health, flags(person.personId))).toEqual({ ok: true, data: { personId: person.personId } });

    const expected = { risks: ["tippingOffRisk", "doNotDiscloseWhereabouts"], safeContact: "Only through the VCAS worker (fictional)", neverContact: expect.stringContaining(NUMBER) };
    for (const actor of [police, health, vcas]) expect((await getPersonPathway(db, actor, person.personId)).safety).toEqual(expected);
    const queue = await getAgencyQueue(db, council, "all");
    expect(queue.stages.filter((row) => row.personId === person.personId).map((row) => row.safety)).toEqual(
      queue.stages.filter((row) => row.personId === person.personId).map(() => expected),
    );
    expect((await listAgencyPeople(db, police)).rows.find((row) => row.id === person.personId)?.safety).toEqual(expected);

    const theCase = await getPseudonymisedCase(db, coordinator, person.personId);
    expect(theCase.safety).toEqual({ risks: ["tippingOffRisk", "doNotDiscloseWhereabouts"], safeContact: null, neverContact: null });
    const cases = (await listPseudonymisedCases(db, coordinator)).rows;
    expect(cases.find((row) => row.id === person.personId)?.safety?.risks).toEqual(["tippingOffRisk", "doNotDiscloseWhereabouts"]);
    expect(JSON.stringify([theCase, cases])).not.toContain(NUMBER);
  });

  it("never reach the audit log or the timeline text", async () => {
    const person = await freshPerson();
    await setSafetyFlags(db, police, flags(person.personId));
    const audit = await db.auditEvent.findMany({ where: { action: "person.safety_flags", entityId: person.personId } });
    expect(audit).toEqual([expect.objectContaining({ changes: null, outcome: "allowed" })]);
    const entries = await db.timelineEvent.findMany({ where: { personId: person.personId, kind: "SAFETY_FLAGS_CHANGED" } });
    expect(entries.map((entry) => entry.text)).toEqual([null]);
    const everything = JSON.stringify([await db.auditEvent.findMany({ where: { entityId: person.personId } }), await db.timelineEvent.findMany({ where: { personId: person.personId } })], plainJson);
    expect(everything).not.toContain(NUMBER);
  });

  it("refuse a stale form, bad answers and callers outside the view, writing nothing", async () => {
    const person = await freshPerson();
    expect((await setSafetyFlags(db, police, flags(person.personId))).ok).toBe(true);
    expect(await setSafetyFlags(db, council, flags(person.personId, 0, { risks: [] }))).toMatchObject({ ok: false, code: "stale-version" });
    const bad = await setSafetyFlags(db, council, flags(person.personId, 1, { risks: ["sharkRisk"], safeContact: "x".repeat(301), neverContact: "Bell\u0007" }));
    expect(!bad.ok && Object.keys(bad.fieldErrors).sort()).toEqual(["neverContact", "risks", "safeContact"]);
    await expect(setSafetyFlags(db, outsider, flags(person.personId, 1))).rejects.toBeInstanceOf(NotFoundError);
    for (const actor of [coordinator, pcc, admin]) await expect(setSafetyFlags(db, actor, flags(person.personId, 1))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.personSafety.findUniqueOrThrow({ where: { personId: person.personId } })).toMatchObject({ tippingOffRisk: true, updatedById: police.id });
    expect((await db.person.findUniqueOrThrow({ where: { id: person.personId } })).version).toBe(1);
  });
});
