import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/server/access/actor";
import { createPrismaClient } from "../../src/server/db/create-client";
import { ForbiddenError, NotFoundError } from "../../src/server/errors";
import { getPersonPathway } from "../../src/server/people/get-person-pathway";
import { getAgencyQueue } from "../../src/server/queue/get-agency-queue";
import { answerReferral } from "../../src/server/referrals/answer-referral";
import { getReferral } from "../../src/server/referrals/get-referral";
import { referStage } from "../../src/server/referrals/refer-stage";
import { withdrawReferral } from "../../src/server/referrals/withdraw-referral";
import { assignStage, claimStage } from "../../src/server/stages/assign-stage";
import { changeStage } from "../../src/server/stages/change-stage";
import { getStageWork } from "../../src/server/stages/get-stage-work";
import { logOnePerson } from "../support/log-person";
import { createWorld, HOUR, MINUTE, minute, type World } from "../support/world";

const db = createPrismaClient();

const T0 = minute("2026-03-10T09:15:00Z");
const LOGGED = new Date(T0.getTime() + 10 * MINUTE);
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

let world: World;
let police: Actor;
let council: Actor;
let councilColleague: Actor;
let councilLead: Actor;
let salvationArmy: Actor;
let salvationArmyLead: Actor;
let health: Actor;

beforeAll(async () => {
  world = await createWorld(db, "queue");
  police = await world.actor("POLICE");
  council = await world.actor("COUNCIL_SAFEGUARDING");
  councilColleague = await world.actor("COUNCIL_SAFEGUARDING");
  councilLead = await world.actor("COUNCIL_SAFEGUARDING", "AGENCY_LEAD");
  salvationArmy = await world.actor("SALVATION_ARMY");
  salvationArmyLead = await world.actor("SALVATION_ARMY", "AGENCY_LEAD");
  health = await world.actor("HEALTH");
});

afterAll(async () => {
  await db.$disconnect();
});

const newPerson = () => logOnePerson(db, police, { t0: T0, now: LOGGED, person: { interpreterNeeded: "no" } });

describe("an agency's queue", () => {
  it("lists only the stages the agency owns, most urgent first, with a count for every filter", async () => {
    const person = await newPerson();
    const queue = await getAgencyQueue(db, council, "all", at(3.5));
    const mine = queue.stages.filter((row) => row.personId === person.personId);
    // Council owns accommodation (4 h), social care contact (24 h) and the case conference on the
    // default pathway; police stages (immediate safety) are not on council's queue.
    expect(mine.map((row) => row.stageTitle)).toEqual(["Emergency accommodation", "Social care contact", "Multi-agency case conference"]);
    expect(queue.stages.every((row) => row.personId && row.stageTitle !== "Immediate safety")).toBe(true);
    expect(queue.counts.all).toBe(queue.stages.length);
    // At 3.5 h of a 4 h target, accommodation is at risk and due within 4 hours.
    const atRisk = await getAgencyQueue(db, council, "at_risk", at(3.5));
    expect(atRisk.stages.map((row) => row.stageId)).toContain(person.stage("accommodation").id);
    const dueSoon = await getAgencyQueue(db, council, "due_soon", at(3.5));
    expect(dueSoon.stages.map((row) => row.stageId)).toContain(person.stage("accommodation").id);
    expect(dueSoon.stages.map((row) => row.stageId)).not.toContain(person.stage("social-care-contact").id);
    const overdue = await getAgencyQueue(db, council, "overdue", at(5));
    expect(overdue.stages[0]?.stageId).toBe(person.stage("accommodation").id);
  });

  it("is refused to roles without a queue, and the refusal is audited", async () => {
    const pcc = await world.actor("PCC_OFFICE", "PCC_OFFICE");
    await expect(getAgencyQueue(db, pcc, "all", at(1))).rejects.toThrow(ForbiddenError);
    const denied = await db.auditEvent.findFirst({ where: { userId: pcc.id, action: "permission.denied" } });
    expect(denied?.outcome).toBe("denied");
  });
});

describe("claiming and assigning", () => {
  it("lets a caseworker claim an unassigned stage once; a second claim is refused with who has it", async () => {
    const person = await newPerson();
    const stageId = person.stage("accommodation").id;
    const [first, second] = await Promise.all([
      claimStage(db, council, { stageId }, at(1)),
      claimStage(db, councilColleague, { stageId }, at(1)),
    ]);
    const winners = [first, second].filter((result) => result.ok);
    expect(winners).toHaveLength(1);
    const loser = [first, second].find((result) => !result.ok);
    expect(loser && !loser.ok && loser.formError).toMatch(/already been claimed by CASEWORKER at Council/);
    const stage = await db.stage.findUniqueOrThrow({ where: { id: stageId } });
    expect([council.id, councilColleague.id]).toContain(stage.assigneeId);
    const mine = await getAgencyQueue(db, { ...council }, "mine", at(1));
    expect(mine.stages.some((row) => row.stageId === stageId)).toBe(stage.assigneeId === council.id);
  });

  it("refuses a claim on another agency's stage, saying which rule refused", async () => {
    const person = await newPerson();
    const result = await claimStage(db, police, { stageId: person.stage("accommodation").id }, at(1));
    expect(result).toMatchObject({ ok: false, code: "not-owner", formError: expect.stringMatching(/Only Council safeguarding .* owns this stage/) });
    expect((await db.stage.findUniqueOrThrow({ where: { id: person.stage("accommodation").id } })).assigneeId).toBeNull();
  });

  it("lets a lead assign and reassign within the agency, tells the assignee, and shows the team's workload", async () => {
    const person = await newPerson();
    const stageId = person.stage("accommodation").id;
    expect((await assignStage(db, councilLead, { stageId, assigneeId: council.id }, at(1))).ok).toBe(true);
    expect((await assignStage(db, councilLead, { stageId, assigneeId: councilColleague.id }, at(1.5))).ok).toBe(true);
    expect((await db.stage.findUniqueOrThrow({ where: { id: stageId } })).assigneeId).toBe(councilColleague.id);
    const notices = await db.notification.findMany({ where: { recipientId: { in: [council.id, councilColleague.id] }, kind: "STAGE_ASSIGNED" } });
    expect(notices.map((notice) => notice.recipientId).sort()).toEqual([council.id, councilColleague.id].sort());
    expect(notices.every((notice) => notice.href === `/people/${person.personId}/stages/${stageId}`)).toBe(true);

    const workload = (await getAgencyQueue(db, councilLead, "all", at(5))).team!;
    const colleague = workload.find((member) => member.userId === councilColleague.id);
    expect(colleague).toMatchObject({ open: expect.any(Number), overdue: expect.any(Number) });
    expect(colleague!.open).toBeGreaterThanOrEqual(1);
    expect(colleague!.overdue).toBeGreaterThanOrEqual(1);
    expect(workload.every((member) => member.userId !== police.id)).toBe(true);
    // The team's workload is the lead's alone.
    expect((await getAgencyQueue(db, council, "all", at(5))).team).toBeNull();
    expect(await db.auditEvent.count({ where: { userId: council.id, action: "team.view" } })).toBe(0);
    expect(await db.auditEvent.count({ where: { userId: councilLead.id, action: "team.view" } })).toBeGreaterThan(0);

    const timeline = await db.timelineEvent.findMany({ where: { stageId, kind: "STAGE_ASSIGNED" }, orderBy: { occurredAt: "asc" } });
    expect(timeline.map((event) => event.text)).toEqual([
      `Assigned to ${council.name} by ${councilLead.name}`,
      `Assigned to ${councilColleague.name} by ${councilLead.name}`,
    ]);
  });

  it("refuses assignment by a caseworker, and to someone in another agency", async () => {
    const person = await newPerson();
    const stageId = person.stage("accommodation").id;
    await expect(assignStage(db, council, { stageId, assigneeId: councilColleague.id }, at(1))).rejects.toThrow(ForbiddenError);
    const result = await assignStage(db, councilLead, { stageId, assigneeId: police.id }, at(1));
    expect(result).toMatchObject({ ok: false, fieldErrors: { assigneeId: expect.stringContaining("Select someone in Council") } });
    expect((await db.stage.findUniqueOrThrow({ where: { id: stageId } })).assigneeId).toBeNull();
  });
});

describe("referrals", () => {
  it("hands a stage over when the receiving agency accepts; the clock keeps running and the wait is kept", async () => {
    const person = await newPerson();
    const stageId = person.stage("accommodation").id;
    await claimStage(db, council, { stageId }, at(0.5));

    // Before the referral, Salvation Army cannot see the person.
    await expect(getPersonPathway(db, salvationArmy, person.personId)).rejects.toThrow(NotFoundError);

    const referred = await referStage(db, council, { stageId, toAgencyId: world.agencies.SALVATION_ARMY!.id, message: "Safehouse bed needed tonight" }, at(1));
    if (!referred.ok) throw new Error(JSON.stringify(referred));

    // A second referral of the same stage while one waits is refused.
    const again = await referStage(db, council, { stageId, toAgencyId: world.agencies.VCAS!.id }, at(1));
    expect(again).toMatchObject({ ok: false, code: "referral-pending" });

    // The receiving agency sees it on its queue and can now open the person.
    const queue = await getAgencyQueue(db, salvationArmy, "all", at(1.2));
    expect(queue.incoming.map((referral) => referral.id)).toContain(referred.data.referralId);
    await expect(getPersonPathway(db, salvationArmy, person.personId)).resolves.toMatchObject({ id: person.personId });
    const received = await db.notification.findMany({ where: { kind: "REFERRAL_RECEIVED", href: `/referrals/${referred.data.referralId}` } });
    expect(received.map((notice) => notice.recipientId).sort()).toEqual([salvationArmy.id, salvationArmyLead.id].sort());

    const answered = await answerReferral(db, salvationArmy, { referralId: referred.data.referralId, decision: "accept" }, at(1.75));
    expect(answered).toMatchObject({ ok: true, data: { waitedMs: 0.75 * HOUR } });
    const twice = await answerReferral(db, salvationArmyLead, { referralId: referred.data.referralId, decision: "decline", reason: "Changed our mind" }, at(1.8));
    expect(twice).toMatchObject({ ok: false, code: "already-answered" });

    const stage = await db.stage.findUniqueOrThrow({ where: { id: stageId } });
    expect(stage.ownerAgencyId).toBe(world.agencies.SALVATION_ARMY!.id);
    expect(stage.assigneeId).toBeNull();
    expect(stage.dueAt).toEqual(person.stage("accommodation").dueAt);

    // Council now cannot change it; Salvation Army can.
    const byCouncil = await changeStage(db, council, { stageId, version: stage.version, action: "start" }, at(2));
    expect(byCouncil.ok).toBe(false);
    expect((await changeStage(db, salvationArmy, { stageId, version: stage.version, action: "start" }, at(2))).ok).toBe(true);

    // The referring agency sees the answer and when it came.
    const councilQueue = await getAgencyQueue(db, council, "all", at(2));
    expect(councilQueue.outgoing.find((referral) => referral.id === referred.data.referralId)).toMatchObject({
      state: "ACCEPTED",
      answeredAt: at(1.75),
      answeredByName: salvationArmy.name,
    });
    const answerNotices = await db.notification.findMany({ where: { kind: "REFERRAL_ANSWERED", href: `/referrals/${referred.data.referralId}` } });
    expect(answerNotices.map((notice) => notice.recipientId)).toContain(council.id);
    expect(answerNotices.map((notice) => notice.recipientId)).toContain(councilLead.id);
  });

  it("requires a reason to decline, and leaves the stage with the referring agency", async () => {
    const person = await newPerson();
    const stageId = person.stage("accommodation").id;
    const referred = await referStage(db, council, { stageId, toAgencyId: world.agencies.SALVATION_ARMY!.id }, at(1));
    if (!referred.ok) throw new Error(JSON.stringify(referred));

    const noReason = await answerReferral(db, salvationArmy, { referralId: referred.data.referralId, decision: "decline", reason: "  " }, at(2));
    expect(noReason).toMatchObject({ ok: false, fieldErrors: { reason: "Enter why you are declining the referral" } });
    expect((await db.referral.findUniqueOrThrow({ where: { id: referred.data.referralId } })).state).toBe("PENDING");

    const declined = await answerReferral(db, salvationArmy, { referralId: referred.data.referralId, decision: "decline", reason: "No beds free in the region tonight" }, at(2));
    expect(declined.ok).toBe(true);
    const view = await getReferral(db, council, referred.data.referralId);
    expect(view).toMatchObject({ state: "DECLINED", answerReason: "No beds free in the region tonight", answeredAt: at(2), canAnswer: false });
    expect((await db.stage.findUniqueOrThrow({ where: { id: stageId } })).ownerAgencyId).toBe(world.agencies.COUNCIL_SAFEGUARDING!.id);

    // After declining, Salvation Army no longer sees the person, so it cannot change its answer.
    await expect(getPersonPathway(db, salvationArmy, person.personId)).rejects.toThrow(NotFoundError);
    await expect(answerReferral(db, salvationArmy, { referralId: referred.data.referralId, decision: "accept" }, at(3))).rejects.toThrow(NotFoundError);
    expect((await db.referral.findUniqueOrThrow({ where: { id: referred.data.referralId } })).state).toBe("DECLINED");
  });

  it("lets only the receiving agency answer, and only the owner refer", async () => {
    const person = await newPerson();
    const stageId = person.stage("accommodation").id;
    const byHealth = await referStage(db, health, { stageId, toAgencyId: world.agencies.SALVATION_ARMY!.id }, at(1));
    expect(byHealth).toMatchObject({ ok: false, code: "not-owner" });

    const referred = await referStage(db, council, { stageId, toAgencyId: world.agencies.SALVATION_ARMY!.id }, at(1));
    if (!referred.ok) throw new Error(JSON.stringify(referred));
    await expect(answerReferral(db, health, { referralId: referred.data.referralId, decision: "accept" }, at(2))).rejects.toThrow(NotFoundError);
    await expect(answerReferral(db, council, { referralId: referred.data.referralId, decision: "accept" }, at(2))).rejects.toThrow(NotFoundError);
    await expect(getReferral(db, health, referred.data.referralId)).rejects.toThrow(NotFoundError);
    expect((await db.referral.findUniqueOrThrow({ where: { id: referred.data.referralId } })).state).toBe("PENDING");
  });

  it("refuses referring a stage to an agency outside the partnership", async () => {
    const other = await createWorld(db, "queue-other");
    const person = await newPerson();
    const result = await referStage(db, council, { stageId: person.stage("accommodation").id, toAgencyId: other.agencies.SALVATION_ARMY!.id }, at(1));
    expect(result).toMatchObject({ ok: false, fieldErrors: { toAgencyId: "Select one of the partner agencies listed" } });
    expect(await db.referral.count({ where: { stageId: person.stage("accommodation").id } })).toBe(0);
  });

  it("lets the referring agency withdraw a waiting referral: the stage stays, the other agency loses sight of the person, and nobody can answer it after", async () => {
    const person = await newPerson();
    const stageId = person.stage("accommodation").id;
    const referred = await referStage(db, council, { stageId, toAgencyId: world.agencies.SALVATION_ARMY!.id }, at(1));
    if (!referred.ok) throw new Error(JSON.stringify(referred));
    const referralId = referred.data.referralId;

    // Only the agency that referred may take it back; to anyone else it does not exist.
    await expect(withdrawReferral(db, salvationArmy, { referralId }, at(1.5))).rejects.toThrow(NotFoundError);
    await expect(withdrawReferral(db, health, { referralId }, at(1.5))).rejects.toThrow(NotFoundError);
    const staged = await getStageWork(db, council, stageId);
    expect(staged).toMatchObject({ canWithdrawReferral: true, canRefer: false });

    const withdrawn = await withdrawReferral(db, councilColleague, { referralId }, at(1.5));
    expect(withdrawn).toEqual({ ok: true, data: { personId: person.personId, stageId } });

    expect(await db.referral.findUniqueOrThrow({ where: { id: referralId } })).toMatchObject({ state: "WITHDRAWN", answeredById: councilColleague.id, answeredAt: at(1.5) });
    expect((await db.stage.findUniqueOrThrow({ where: { id: stageId } })).ownerAgencyId).toBe(world.agencies.COUNCIL_SAFEGUARDING!.id);
    const entries = await db.timelineEvent.findMany({ where: { stageId, kind: "REFERRAL_WITHDRAWN" } });
    expect(entries).toEqual([expect.objectContaining({ actorId: councilColleague.id, text: `Referral to Salvation Army (${world.slug}) withdrawn by Council safeguarding (${world.slug})` })]);
    expect(await db.auditEvent.count({ where: { entityId: referralId, action: "referral.withdraw", outcome: "allowed" } })).toBe(1);

    // The Salvation Army no longer sees the person, nor the referral on its queue.
    await expect(getPersonPathway(db, salvationArmy, person.personId)).rejects.toThrow(NotFoundError);
    expect((await getAgencyQueue(db, salvationArmy, "all", at(1.6))).incoming.map((referral) => referral.id)).not.toContain(referralId);
    await expect(answerReferral(db, salvationArmy, { referralId, decision: "accept" }, at(1.6))).rejects.toThrow(NotFoundError);
    // Withdrawing twice says so; the stage can be referred again.
    expect(await withdrawReferral(db, council, { referralId }, at(1.7))).toMatchObject({ ok: false, code: "already-answered" });
    expect(await getStageWork(db, council, stageId)).toMatchObject({ canWithdrawReferral: false, canRefer: true });
    expect(await referStage(db, council, { stageId, toAgencyId: world.agencies.VCAS!.id }, at(2))).toMatchObject({ ok: true });
  });

  it("refuses to withdraw a referral that was answered", async () => {
    const person = await newPerson();
    const referred = await referStage(db, council, { stageId: person.stage("accommodation").id, toAgencyId: world.agencies.SALVATION_ARMY!.id }, at(1));
    if (!referred.ok) throw new Error(JSON.stringify(referred));
    await answerReferral(db, salvationArmy, { referralId: referred.data.referralId, decision: "decline", reason: "No bed tonight" }, at(1.2));

    expect(await withdrawReferral(db, council, { referralId: referred.data.referralId }, at(1.5))).toMatchObject({ ok: false, code: "already-answered" });
    expect((await db.referral.findUniqueOrThrow({ where: { id: referred.data.referralId } })).state).toBe("DECLINED");
  });
});
