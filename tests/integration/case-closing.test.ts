// Closing and reopening a case: who may, what it does to the stages, clocks and escalations, the
// notice to police and the coordinator, the version check, and that nothing is half-written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLOSED_WITH_CASE_REASON } from "../../src/domain/cases/case-closing";
import type { Actor } from "../../src/server/access/actor";
import { closeCase } from "../../src/server/cases/close-case";
import { getCaseClosing } from "../../src/server/cases/get-case-closing";
import { reopenCase } from "../../src/server/cases/reopen-case";
import { createPrismaClient } from "../../src/server/db/create-client";
import { ForbiddenError, NotFoundError } from "../../src/server/errors";
import { runEscalationSweep } from "../../src/server/escalation/run-escalation-sweep";
import { sweepUntilNothingRaised } from "../support/sweep-backlog";
import { referStage } from "../../src/server/referrals/refer-stage";
import { changeStage } from "../../src/server/stages/change-stage";
import { getPersonPathway } from "../../src/server/people/get-person-pathway";
import { logOnePerson } from "../support/log-person";
import { countCaseTables, createWorld, HOUR, MINUTE, type World } from "../support/world";

const db = createPrismaClient();
let world: World;
let away: World;
let police: Actor;
let policeLead: Actor;
let councilLead: Actor;
let councilCaseworker: Actor;
let coordinator: Actor;
let charityLead: Actor;
let awayLead: Actor;
let charityId: string;

const T0 = new Date(Math.floor((Date.now() - 2 * HOUR) / MINUTE) * MINUTE);
const NOW = new Date(T0.getTime() + 2 * HOUR);

async function freshPerson() {
  return logOnePerson(db, police, { t0: T0, now: new Date(T0.getTime() + 5 * MINUTE), person: { interpreterNeeded: "no" } });
}

const closeInput = (personId: string, overrides: Record<string, unknown> = {}) => ({
  personId,
  caseVersion: "0",
  reason: "MISSING",
  note: "Did not return to the safehouse overnight (fictional)",
  ...overrides,
});

beforeAll(async () => {
  world = await createWorld(db, "closing");
  away = await createWorld(db, "closing-away");
  police = await world.actor("POLICE");
  policeLead = await world.actor("POLICE", "AGENCY_LEAD");
  councilLead = await world.actor("COUNCIL_SAFEGUARDING", "AGENCY_LEAD");
  councilCaseworker = await world.actor("COUNCIL_SAFEGUARDING");
  coordinator = await world.actor("PARTNERSHIP", "COORDINATOR");
  awayLead = await away.actor("COUNCIL_SAFEGUARDING", "AGENCY_LEAD");
  const charity = await world.addAgency("CHARITY", "Closing Charity");
  charityId = charity.id;
  charityLead = await world.actorIn(charity.id, "AGENCY_LEAD");
});

afterAll(async () => {
  await db.$disconnect();
});

describe("closing a case", () => {
  it("closes every open stage 'not needed — case closed', keeps finished ones, withdraws waiting referrals, and tells police and the coordinator when the person is missing", async () => {
    const person = await freshPerson();
    const done = await changeStage(db, police, { stageId: person.stage("immediate-safety").id, version: "0", action: "complete", text: "Safe (fictional)" }, new Date(T0.getTime() + 30 * MINUTE));
    expect(done.ok).toBe(true);
    const referred = await referStage(db, councilCaseworker, { stageId: person.stage("accommodation").id, toAgencyId: charityId });
    expect(referred.ok).toBe(true);

    const result = await closeCase(db, councilLead, closeInput(person.personId), NOW);
    expect(result).toMatchObject({ ok: true, data: { reason: "MISSING", concernRaised: true } });

    const row = await db.person.findUniqueOrThrow({ where: { id: person.personId }, include: { stages: { include: { templateStage: true } }, closures: true } });
    expect(row.closedAt).toEqual(NOW);
    expect(row.closeReason).toBe("MISSING");
    expect(row.caseVersion).toBe(1);
    const byKey = Object.fromEntries(row.stages.map((s) => [s.templateStage.key, s]));
    expect(byKey["immediate-safety"]).toMatchObject({ state: "DONE" });
    expect(byKey["accommodation"]).toMatchObject({ state: "NOT_NEEDED", closingReason: CLOSED_WITH_CASE_REASON, completedAt: NOW });
    expect(row.stages.filter((s) => ["NOT_STARTED", "IN_PROGRESS", "PAUSED"].includes(s.state))).toEqual([]);
    expect(row.closures).toHaveLength(1);
    expect(row.closures[0]!.closedStageIds.sort()).toEqual(row.stages.filter((s) => s.templateStage.key !== "immediate-safety").map((s) => s.id).sort());
    expect(await db.referral.findUniqueOrThrow({ where: { id: referred.ok ? referred.data.referralId : "" } })).toMatchObject({ state: "WITHDRAWN" });
    // One home for ending stages (closeStagesNotNeeded): each stage the closing ended is on the timeline and in the audit log.
    const ended = row.closures[0]!.closedStageIds;
    expect(await db.auditEvent.count({ where: { action: "stage.change", entityId: { in: ended }, userId: councilLead.id } })).toBe(ended.length);
    expect(await db.timelineEvent.count({ where: { stageId: { in: ended }, kind: "STAGE_NOT_NEEDED", text: CLOSED_WITH_CASE_REASON } })).toBe(ended.length);
    expect(await db.timelineEvent.findFirst({ where: { personId: person.personId, kind: "REFERRAL_WITHDRAWN" } })).toMatchObject({ text: expect.stringMatching(/withdrawn: the case was closed$/) });

    const timeline = await db.timelineEvent.findMany({ where: { personId: person.personId, kind: "CASE_CLOSED" } });
    expect(timeline).toEqual([expect.objectContaining({ text: "Missing: Did not return to the safehouse overnight (fictional)", actorId: councilLead.id })]);
    const audit = await db.auditEvent.findMany({ where: { entityId: person.personId, action: "case.close" } });
    expect(audit).toEqual([expect.objectContaining({ userId: councilLead.id, outcome: "allowed" })]);
    // The audit row says what changed, never the note.
    expect(JSON.stringify(audit[0]!.changes)).not.toContain("safehouse");

    const concern = await db.notification.findMany({ where: { kind: "CASE_CLOSED_CONCERN", body: { contains: row.caseReference } } });
    const recipients = concern.map((n) => n.recipientId);
    expect(recipients).toEqual(expect.arrayContaining([police.id, policeLead.id, coordinator.id]));
    expect(recipients).not.toContain(councilLead.id);
    expect(concern.find((n) => n.recipientId === coordinator.id)!.href).toBe(`/cases/${person.personId}`);
    for (const notice of concern) expect(notice.body).not.toContain("Romanian");
  });

  it("raises no concern for support complete, and stops escalations: a closed case's overdue stages never escalate", async () => {
    const person = await freshPerson();
    const result = await closeCase(db, coordinator, closeInput(person.personId, { reason: "SUPPORT_COMPLETE", note: "Moved on (fictional)" }), NOW);
    expect(result).toMatchObject({ ok: true, data: { concernRaised: false } });
    expect(await db.notification.count({ where: { kind: "CASE_CLOSED_CONCERN", href: { contains: person.personId } } })).toBe(0);

    await sweepUntilNothingRaised(db, new Date(T0.getTime() + 30 * HOUR));
    expect(await db.escalation.count({ where: { stage: { personId: person.personId } } })).toBe(0);
  });

  it("refuses a stale form and a second close; two closes at once leave one", async () => {
    const person = await freshPerson();
    const [a, b] = await Promise.all([closeCase(db, councilLead, closeInput(person.personId), NOW), closeCase(db, coordinator, closeInput(person.personId), NOW)]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ code: "stale-version" });
    expect(await db.caseClosure.count({ where: { personId: person.personId } })).toBe(1);
    expect(await db.timelineEvent.count({ where: { personId: person.personId, kind: "CASE_CLOSED" } })).toBe(1);

    expect(await closeCase(db, councilLead, closeInput(person.personId, { caseVersion: "1" }), NOW)).toMatchObject({ ok: false, code: "case-closed" });
  });

  it("refuses bad input next to the field and writes nothing", async () => {
    const person = await freshPerson();
    const before = await countCaseTables(db);
    const result = await closeCase(db, councilLead, { personId: person.personId, caseVersion: "0x1", reason: "ABDUCTED", note: "  " }, NOW);
    expect(result).toMatchObject({ ok: false, code: "invalid-input" });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["caseVersion", "note", "reason"]);
    expect(result.fieldErrors.reason).toBe("Select why the case is closing");
    expect(await countCaseTables(db)).toEqual(before);
    expect(await db.person.findUniqueOrThrow({ where: { id: person.personId } })).toMatchObject({ closedAt: null, caseVersion: 0 });
  });

  it("lets only a lead of an agency working with the person, or the coordinator, close it", async () => {
    const person = await freshPerson();
    await expect(closeCase(db, councilCaseworker, closeInput(person.personId), NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(closeCase(db, awayLead, closeInput(person.personId), NOW)).rejects.toBeInstanceOf(NotFoundError);
    // An agency only asked to take a stage on (a referral it has not answered) sees the person but does not close the case.
    const referred = await referStage(db, councilCaseworker, { stageId: person.stage("accommodation").id, toAgencyId: charityId });
    expect(referred.ok).toBe(true);
    await expect(closeCase(db, charityLead, closeInput(person.personId), NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCaseClosing(db, charityLead, person.personId, "close")).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.auditEvent.count({ where: { userId: charityLead.id, action: "case.close", outcome: "denied" } })).toBe(1);
    expect((await db.person.findUniqueOrThrow({ where: { id: person.personId } })).closedAt).toBeNull();
  });

  it("stops work on the closed case's stages, while the agencies whose work it stopped still see the person", async () => {
    const person = await freshPerson();
    await closeCase(db, councilLead, closeInput(person.personId), NOW);
    const change = await changeStage(db, councilCaseworker, { stageId: person.stage("accommodation").id, version: "1", action: "start" }, NOW);
    expect(change).toMatchObject({ ok: false, code: "case-closed" });
    // Council's stages were all open, so all ended "not needed — case closed": that is still council's work.
    await expect(getPersonPathway(db, councilCaseworker, person.personId)).resolves.toMatchObject({ closeReason: "MISSING" });
    // Not so for a stage marked not needed for its own reason (docs/decisions/0003).
    await db.stage.updateMany({ where: { personId: person.personId, ownerAgencyId: councilCaseworker.agencyId }, data: { closingReason: "No longer needed (fictional)" } });
    await expect(getPersonPathway(db, councilCaseworker, person.personId)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("reopening a case", () => {
  it("restarts the stages the closing ended with new clocks from the reopening, keeps history, and escalates them again in a new round", async () => {
    const person = await freshPerson();
    // Overdue before closing: the 4-hour health check escalates in round 0.
    await sweepUntilNothingRaised(db, new Date(T0.getTime() + 5 * HOUR));
    const healthId = person.stage("health-check").id;
    expect(await db.escalation.count({ where: { stageId: healthId } })).toBe(1);

    const closedAt = new Date(T0.getTime() + 6 * HOUR);
    await closeCase(db, councilLead, closeInput(person.personId, { reason: "DISENGAGED", note: "Stopped answering (fictional)" }), closedAt);
    const reopenAt = new Date(T0.getTime() + 30 * HOUR);
    const result = await reopenCase(db, coordinator, { personId: person.personId, caseVersion: "1", reason: "Came back to the area (fictional)" }, reopenAt);
    expect(result).toMatchObject({ ok: true });

    const row = await db.person.findUniqueOrThrow({ where: { id: person.personId }, include: { closures: true } });
    expect(row).toMatchObject({ closedAt: null, closeReason: null, reopenedAt: reopenAt, caseVersion: 2 });
    expect(row.closures[0]).toMatchObject({ reopenedAt: reopenAt, reopenedById: coordinator.id, reopenReason: "Came back to the area (fictional)" });
    const health = await db.stage.findUniqueOrThrow({ where: { id: healthId }, include: { templateStage: true } });
    expect(health).toMatchObject({ state: "NOT_STARTED", clockStartedAt: reopenAt, completedAt: null, closingReason: null, clockRound: 1 });
    expect(health.dueAt).toEqual(new Date(reopenAt.getTime() + health.templateStage.targetValue * HOUR));
    // The history stays: the closing and the stage's earlier end are still on the timeline.
    const kinds = (await db.timelineEvent.findMany({ where: { personId: person.personId }, orderBy: { occurredAt: "asc" } })).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["CASE_CLOSED", "STAGE_NOT_NEEDED", "CASE_REOPENED", "STAGE_RESUMED"]));

    // Overdue again after the reopening: a second escalation, in round 1.
    await sweepUntilNothingRaised(db, new Date(reopenAt.getTime() + 5 * HOUR));
    expect((await db.escalation.findMany({ where: { stageId: healthId, level: "AGENCY_LEAD" } })).map((e) => e.clockRound).sort()).toEqual([0, 1]);
    // And again: nothing more.
    await runEscalationSweep(db, new Date(reopenAt.getTime() + 5 * HOUR + MINUTE));
    expect(await db.escalation.count({ where: { stageId: healthId, level: "AGENCY_LEAD" } })).toBe(2);
  });

  it("needs a reason, refuses a live case, a stale form, and callers who may not", async () => {
    const person = await freshPerson();
    expect(await reopenCase(db, councilLead, { personId: person.personId, caseVersion: "0", reason: "Found (fictional)" }, NOW)).toMatchObject({ ok: false, code: "case-open" });
    await closeCase(db, councilLead, closeInput(person.personId), NOW);
    const before = await countCaseTables(db);
    const blank = await reopenCase(db, councilLead, { personId: person.personId, caseVersion: "1", reason: "" }, NOW);
    expect(blank).toMatchObject({ ok: false, code: "invalid-input", fieldErrors: { reason: "Enter why the case is being reopened" } });
    expect(await reopenCase(db, councilLead, { personId: person.personId, caseVersion: "0", reason: "Found (fictional)" }, NOW)).toMatchObject({ ok: false, code: "stale-version" });
    await expect(reopenCase(db, councilCaseworker, { personId: person.personId, caseVersion: "1", reason: "Found" }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reopenCase(db, awayLead, { personId: person.personId, caseVersion: "1", reason: "Found" }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    expect(await countCaseTables(db)).toEqual({ ...before, auditEvent: before.auditEvent + 2 });
    expect((await db.person.findUniqueOrThrow({ where: { id: person.personId } })).closedAt).not.toBeNull();
  });
});
