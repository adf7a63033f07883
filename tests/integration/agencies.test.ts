// Administrators add, rename, set the hours of and retire agencies (issue 11). Retiring moves the
// agency's open work, in one transaction, to the agency the administrator picks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/server/access/actor";
import { addAgency } from "../../src/server/agencies/add-agency";
import { getAgency } from "../../src/server/agencies/get-agency";
import { listAgencies } from "../../src/server/agencies/list-agencies";
import { renameAgency } from "../../src/server/agencies/rename-agency";
import { retireAgency } from "../../src/server/agencies/retire-agency";
import { setAgencyHours } from "../../src/server/agencies/set-agency-hours";
import { listDashboardAgencies } from "../../src/server/dashboard/list-dashboard-agencies";
import { createPrismaClient } from "../../src/server/db/create-client";
import { ForbiddenError, NotFoundError } from "../../src/server/errors";
import { getPersonPathway } from "../../src/server/people/get-person-pathway";
import { answerReferral } from "../../src/server/referrals/answer-referral";
import { referStage } from "../../src/server/referrals/refer-stage";
import { getStageWork } from "../../src/server/stages/get-stage-work";
import { listReferralTargets } from "../../src/server/stages/referral-targets";
import { logOnePerson } from "../support/log-person";
import { createWorld, MINUTE, type World } from "../support/world";

const db = createPrismaClient();
let world: World;
let admin: Actor;
const NOW = new Date();
const T0 = new Date(NOW.getTime() - 40 * MINUTE);

beforeAll(async () => {
  world = await createWorld(db, "agencies");
  admin = await world.actor("PARTNERSHIP", "ADMINISTRATOR");
});

afterAll(async () => {
  await db.$disconnect();
});

function unwrap<T>(result: { ok: true; data: T } | { ok: false }): T {
  if (!result.ok) throw new Error(`Refused: ${JSON.stringify(result)}`);
  return result.data;
}

const agencyRow = (id: string) => db.agency.findUniqueOrThrow({ where: { id } });
const auditOf = (entityId: string) => db.auditEvent.findMany({ where: { entityId, outcome: "allowed" }, orderBy: { occurredAt: "asc" } });

describe("adding an agency", () => {
  it("adds a second charity, round the clock, with an audit row saying what was set", async () => {
    await world.addAgency("CHARITY", "Beacon Refuge");
    const added = unwrap(await addAgency(db, admin, { name: `  Lantern   Refuge (${world.slug}) `, kind: "CHARITY" }));

    const row = await agencyRow(added.agencyId);
    expect(row).toMatchObject({ name: `Lantern Refuge (${world.slug})`, kind: "CHARITY", partnershipId: world.partnership.id, officeHoursOnly: false, retiredAt: null, version: 0 });
    expect(await auditOf(added.agencyId)).toEqual([
      expect.objectContaining({
        action: "agency.create",
        userId: admin.id,
        changes: { name: { before: null, after: row.name }, kind: { before: null, after: "CHARITY" } },
      }),
    ]);
    const listed = await listAgencies(db, admin);
    expect(listed.filter((agency) => agency.kind === "CHARITY").map((agency) => agency.name)).toEqual([`Beacon Refuge (${world.slug})`, row.name]);
  });

  it("refuses a name the partnership already has, whatever its capitals, and writes nothing", async () => {
    const before = await db.agency.count();
    const result = await addAgency(db, admin, { name: `POLICE (${world.slug.toUpperCase()})`, kind: "POLICE" });
    expect(result).toMatchObject({
      ok: false,
      code: "name-taken",
      fieldErrors: { name: `There is already an agency called POLICE (${world.slug.toUpperCase()}) in this partnership. Choose a different name.` },
    });
    expect(await db.agency.count()).toBe(before);
  });

  it("takes a name another partnership uses", async () => {
    const other = await createWorld(db, "agencies-other");
    expect((await addAgency(db, admin, { name: other.agencies.HEALTH.name, kind: "HEALTH" })).ok).toBe(true);
  });

  it("gives one of two simultaneous adds of the same name and refuses the other", async () => {
    const name = `Twin Refuge (${world.slug})`;
    const results = await Promise.all([addAgency(db, admin, { name, kind: "CHARITY" }), addAgency(db, admin, { name: name.toLowerCase(), kind: "CHARITY" })]);
    expect(results.map((result) => (result.ok ? "ok" : result.code)).sort()).toEqual(["name-taken", "ok"]);
    expect(await db.agency.count({ where: { partnershipId: world.partnership.id, name: { equals: name, mode: "insensitive" } } })).toBe(1);
  });

  it("refuses a blank name and an unknown kind next to each field", async () => {
    expect(await addAgency(db, admin, { name: "  ", kind: "MILITIA" })).toMatchObject({
      ok: false,
      code: "invalid-input",
      fieldErrors: { name: "Enter the agency's name", kind: "Select what kind of agency it is" },
    });
  });
});

describe("renaming an agency", () => {
  it("renames it, bumps its version and audits the old and new name; history reads the new name", async () => {
    const agency = await world.addAgency("CHARITY", "Harbour Aid");
    const renamed = unwrap(await renameAgency(db, admin, { agencyId: agency.id, version: "0", name: `Harbour House Aid (${world.slug})` }));

    expect(await agencyRow(agency.id)).toMatchObject({ name: renamed.name, version: 1 });
    expect(await auditOf(agency.id)).toEqual([
      expect.objectContaining({ action: "agency.rename", changes: { name: { before: agency.name, after: renamed.name } } }),
    ]);
  });

  it("refuses a name taken by another agency (capitals aside) but lets an agency change its own capitals", async () => {
    const agency = await world.addAgency("CHARITY", "Quay Aid");
    expect(await renameAgency(db, admin, { agencyId: agency.id, version: 0, name: world.agencies.VCAS.name.toLowerCase() })).toMatchObject({
      ok: false,
      code: "name-taken",
      fieldErrors: { name: expect.stringContaining("There is already an agency called") },
    });
    expect(await agencyRow(agency.id)).toMatchObject({ name: agency.name, version: 0 });
    expect((await renameAgency(db, admin, { agencyId: agency.id, version: 0, name: agency.name.toUpperCase() })).ok).toBe(true);
  });

  it("refuses an edit from a form showing an older version", async () => {
    const agency = await world.addAgency("CHARITY", "Pier Aid");
    unwrap(await renameAgency(db, admin, { agencyId: agency.id, version: 0, name: `Pier Aid Two (${world.slug})` }));
    const stale = await renameAgency(db, admin, { agencyId: agency.id, version: 0, name: `Pier Aid Three (${world.slug})` });
    expect(stale).toMatchObject({ ok: false, code: "stale-version", formError: expect.stringContaining("Someone else changed") });
    expect((await agencyRow(agency.id)).name).toBe(`Pier Aid Two (${world.slug})`);
  });

  it("treats another partnership's agency as not found, audited as denied", async () => {
    const other = await createWorld(db, "agencies-away");
    await expect(renameAgency(db, admin, { agencyId: other.agencies.VCAS.id, version: 0, name: "Taken over" })).rejects.toThrow(NotFoundError);
    expect(await db.auditEvent.count({ where: { userId: admin.id, action: "agency.rename", outcome: "denied", entityId: other.agencies.VCAS.id } })).toBe(1);
    expect((await agencyRow(other.agencies.VCAS.id)).name).toBe(other.agencies.VCAS.name);
  });
});

describe("working hours", () => {
  it("sets office hours, audited field by field, and back to round the clock keeping the times", async () => {
    const agency = await world.addAgency("CHARITY", "Dawn Aid");
    unwrap(await setAgencyHours(db, admin, { agencyId: agency.id, version: "0", hours: "office", opensAt: "08:30", closesAt: "16:00" }));
    expect(await agencyRow(agency.id)).toMatchObject({ officeHoursOnly: true, opensAtMinute: 510, closesAtMinute: 960, version: 1 });

    unwrap(await setAgencyHours(db, admin, { agencyId: agency.id, version: "1", hours: "always", opensAt: "", closesAt: "" }));
    expect(await agencyRow(agency.id)).toMatchObject({ officeHoursOnly: false, opensAtMinute: 510, closesAtMinute: 960, version: 2 });

    expect((await auditOf(agency.id)).map((row) => [row.action, row.changes])).toEqual([
      [
        "agency.hours_update",
        { officeHoursOnly: { before: false, after: true }, opensAt: { before: "09:00", after: "08:30" }, closesAt: { before: "17:00", after: "16:00" } },
      ],
      ["agency.hours_update", { officeHoursOnly: { before: true, after: false } }],
    ]);
  });

  it("refuses a closing time before the opening time, next to the closing time, and a stale form", async () => {
    const agency = await world.addAgency("CHARITY", "Dusk Aid");
    expect(await setAgencyHours(db, admin, { agencyId: agency.id, version: "0", hours: "office", opensAt: "17:00", closesAt: "09:00" })).toMatchObject({
      ok: false,
      code: "invalid-input",
      fieldErrors: { closesAt: "The closing time must be after the opening time" },
    });
    expect(await setAgencyHours(db, admin, { agencyId: agency.id, version: "3", hours: "office", opensAt: "09:00", closesAt: "17:00" })).toMatchObject({
      ok: false,
      code: "stale-version",
    });
    expect(await agencyRow(agency.id)).toMatchObject({ officeHoursOnly: false, version: 0 });
  });
});

describe("retiring an agency", () => {
  it("is refused while the current pathway names it as a stage owner", async () => {
    const health = world.agencies.HEALTH;
    const result = await retireAgency(db, admin, { agencyId: health.id, version: 0 });
    expect(result).toMatchObject({ ok: false, code: "owns-pathway-stages", formError: expect.stringContaining("Change the pathway first") });
    expect((await agencyRow(health.id)).retiredAt).toBeNull();
  });

  it("asks only the current pathway version: once a new version gives its stages to another agency, it may go", async () => {
    const pathwayWorld = await createWorld(db, "agencies-pathway");
    const pathwayAdmin = await pathwayWorld.actor("PARTNERSHIP", "ADMINISTRATOR");
    const oldHealth = pathwayWorld.agencies.HEALTH;
    expect(await retireAgency(db, pathwayAdmin, { agencyId: oldHealth.id, version: 0 })).toMatchObject({
      ok: false,
      code: "owns-pathway-stages",
      formError: expect.stringMatching(/^The current pathway \(version 1\) names Health \(.+\) as the owner of Health check \(triage\)\. Change the pathway first/),
    });

    const newHealth = await pathwayWorld.addAgency("HEALTH", "North Health Trust");
    const { stages, ...v1 } = pathwayWorld.template;
    await db.pathwayTemplate.create({
      data: {
        partnershipId: v1.partnershipId,
        version: 2,
        name: v1.name,
        atRiskPercent: v1.atRiskPercent,
        stages: {
          create: stages.map(({ id: _id, templateId: _templateId, ownerAgencyId, ...stage }) => ({
            ...stage,
            ownerAgencyId: ownerAgencyId === oldHealth.id ? newHealth.id : ownerAgencyId,
          })),
        },
      },
    });
    // Version 1 still names the old health agency (people on it keep their stages), but it is not current.
    expect(unwrap(await retireAgency(db, pathwayAdmin, { agencyId: oldHealth.id, version: 0 }))).toMatchObject({ agencyId: oldHealth.id });
    // And the new one is now the last health agency the pathway needs, as well as its owner.
    expect((await getAgency(db, pathwayAdmin, newHealth.id)).retirement?.blockers.map((blocker) => blocker.code)).toEqual(["owns-pathway-stages", "last-of-kind"]);
  });

  it("is refused while it has active staff, saying how many", async () => {
    const agency = await world.addAgency("CHARITY", "Busy Aid");
    await world.actorIn(agency.id);
    await world.actorIn(agency.id, "AGENCY_LEAD");
    expect(await retireAgency(db, admin, { agencyId: agency.id, version: 0 })).toMatchObject({
      ok: false,
      code: "has-active-staff",
      formError: `${agency.name} still has 2 active members of staff. Move them to another agency or switch their accounts off first.`,
    });
    const view = await getAgency(db, admin, agency.id);
    expect(view.retirement?.blockers).toEqual([{ code: "has-active-staff", activeStaff: 2 }]);
  });

  it("is refused for the last active agency of a kind the partnership needs", async () => {
    const lonely = await createWorld(db, "agencies-lonely");
    const lonelyAdmin = await lonely.actorIn((await lonely.addAgency("PCC_OFFICE", "Spare office")).id, "ADMINISTRATOR");
    expect(await retireAgency(db, lonelyAdmin, { agencyId: lonely.agencies.PARTNERSHIP.id, version: 0 })).toMatchObject({
      ok: false,
      code: "last-of-kind",
      formError: expect.stringContaining("last active agency of the kind “Partnership team”"),
    });
  });

  it("is refused from a stale form, and twice", async () => {
    const agency = await world.addAgency("CHARITY", "Twice Aid");
    expect(await retireAgency(db, admin, { agencyId: agency.id, version: 7 })).toMatchObject({ ok: false, code: "stale-version" });
    unwrap(await retireAgency(db, admin, { agencyId: agency.id, version: 0 }));
    expect(await retireAgency(db, admin, { agencyId: agency.id, version: 1 })).toMatchObject({ ok: false, code: "agency-retired" });
  });

  it("moves its open stages to the agency picked, declines referrals waiting on it, withdraws its own, all in one go", async () => {
    const police = await world.actor("POLICE");
    const council = await world.actor("COUNCIL_SAFEGUARDING");
    const leaving = await world.addAgency("CHARITY", "Ember Refuge");
    const taking = await world.addAgency("CHARITY", "Willow Refuge");
    const leavingWorker = await world.actorIn(leaving.id);

    // Ember Refuge took on one person's accommodation, and referred it on to health, no answer yet.
    const placed = await logOnePerson(db, police, { t0: T0, now: NOW });
    const referred = unwrap(await referStage(db, council, { stageId: placed.stage("accommodation").id, toAgencyId: leaving.id }, NOW));
    unwrap(await answerReferral(db, leavingWorker, { referralId: referred.referralId, decision: "accept" }, NOW));
    await db.stage.update({ where: { id: placed.stage("accommodation").id }, data: { assigneeId: leavingWorker.id, assignedAt: NOW } });
    const onward = unwrap(await referStage(db, leavingWorker, { stageId: placed.stage("accommodation").id, toAgencyId: world.agencies.HEALTH.id }, NOW));
    // Council asked Ember Refuge about another person's accommodation: still waiting.
    const waiting = await logOnePerson(db, police, { t0: T0, now: NOW });
    const asked = unwrap(await referStage(db, council, { stageId: waiting.stage("accommodation").id, toAgencyId: leaving.id }, NOW));
    await db.user.update({ where: { id: leavingWorker.id }, data: { active: false } });

    const stageBefore = await db.stage.findUniqueOrThrow({ where: { id: placed.stage("accommodation").id } });
    const plan = (await getAgency(db, admin, leaving.id)).retirement!;
    expect(plan).toMatchObject({ blockers: [], openStages: 1, referralsWaitingOnIt: 1, referralsItMade: 1 });
    // Other charities first; never itself, nor an agency that does no casework.
    expect(plan.moveTargets[0]?.kind).toBe("CHARITY");
    expect(plan.moveTargets.map((agency) => agency.id)).not.toContain(leaving.id);
    expect(plan.moveTargets.map((agency) => agency.kind)).not.toContain("PCC_OFFICE");

    expect(await retireAgency(db, admin, { agencyId: leaving.id, version: 0 })).toMatchObject({
      ok: false,
      code: "invalid-input",
      fieldErrors: { moveToAgencyId: `Select the agency that takes on ${leaving.name}'s open stages` },
    });
    expect(await retireAgency(db, admin, { agencyId: leaving.id, version: 0, moveToAgencyId: world.agencies.PCC_OFFICE.id })).toMatchObject({
      ok: false,
      fieldErrors: { moveToAgencyId: expect.any(String) },
    });

    const retired = unwrap(await retireAgency(db, admin, { agencyId: leaving.id, version: 0, moveToAgencyId: taking.id }, NOW));
    expect(retired).toEqual({ agencyId: leaving.id, name: leaving.name, movedStages: 1, movedTo: { id: taking.id, name: taking.name }, declinedReferrals: 1, withdrawnReferrals: 1 });

    const stage = await db.stage.findUniqueOrThrow({ where: { id: stageBefore.id } });
    expect(stage).toMatchObject({ ownerAgencyId: taking.id, assigneeId: null, assignedAt: null, version: stageBefore.version + 1, dueAt: stageBefore.dueAt });
    expect(await db.timelineEvent.findMany({ where: { stageId: stage.id, kind: "STAGE_MOVED" } })).toEqual([
      expect.objectContaining({ personId: placed.personId, actorId: admin.id, text: `Moved from ${leaving.name} to ${taking.name}: ${leaving.name} was retired` }),
    ]);
    expect(await db.referral.findUniqueOrThrow({ where: { id: asked.referralId } })).toMatchObject({
      state: "DECLINED",
      answeredById: admin.id,
      answerReason: `${leaving.name} was retired, so it cannot take this on. The stage stays with the agency that referred it.`,
    });
    expect(await db.stage.findUniqueOrThrow({ where: { id: waiting.stage("accommodation").id } })).toMatchObject({ ownerAgencyId: world.agencies.COUNCIL_SAFEGUARDING.id });
    expect(await db.referral.findUniqueOrThrow({ where: { id: onward.referralId } })).toMatchObject({ state: "WITHDRAWN" });
    expect((await agencyRow(leaving.id)).retiredAt).toEqual(NOW);

    expect(await db.auditEvent.findFirst({ where: { action: "agency.retire", entityId: leaving.id } })).toMatchObject({
      userId: admin.id,
      changes: {
        retiredAt: { before: null, after: NOW.toISOString() },
        openStagesMovedTo: { before: leaving.id, after: taking.id },
        movedStages: { before: 0, after: 1 },
        declinedReferrals: { before: 0, after: 1 },
        withdrawnReferrals: { before: 0, after: 1 },
      },
    });
    expect(await db.auditEvent.findFirst({ where: { action: "stage.move", entityId: stage.id } })).toMatchObject({
      changes: { ownerAgencyId: { before: leaving.id, after: taking.id } },
    });

    // The new owner works on it; the council hears its referral was declined and may refer elsewhere.
    const takingWorker = await world.actorIn(taking.id);
    const pathway = await getPersonPathway(db, takingWorker, placed.personId);
    expect(pathway.stages.find((candidate) => candidate.id === stage.id)).toMatchObject({ ownerAgencyName: taking.name, changeRefusal: null });
    expect(await db.notification.findMany({ where: { recipientId: council.id, kind: "REFERRAL_ANSWERED", href: `/referrals/${asked.referralId}` } })).toEqual([
      expect.objectContaining({ title: `${leaving.name} (retired) declined Emergency accommodation` }),
    ]);

    // The dashboard's filter keeps it for history, after the active agencies.
    const pcc = await world.actor("PCC_OFFICE", "PCC_OFFICE");
    const filter = await listDashboardAgencies(db, pcc);
    expect(filter.at(-1)?.name).toMatch(/\(retired\)$/);
    expect(filter.find((agency) => agency.id === leaving.id)?.name).toBe(`${leaving.name} (retired)`);

    // A retired agency takes no new work, and its history says it is retired.
    expect((await listReferralTargets(db, council)).map((agency) => agency.id)).not.toContain(leaving.id);
    expect(await referStage(db, council, { stageId: waiting.stage("accommodation").id, toAgencyId: leaving.id })).toMatchObject({
      ok: false,
      fieldErrors: { toAgencyId: "Select one of the partner agencies listed" },
    });
    const history = await getStageWork(db, council, waiting.stage("accommodation").id);
    expect(history.referrals[0]).toMatchObject({ toAgencyName: `${leaving.name} (retired)`, state: "DECLINED" });
    const listed = await listAgencies(db, admin);
    expect(listed.find((agency) => agency.id === leaving.id)).toMatchObject({ retiredAt: NOW, openStages: 0, activeStaff: 0 });
    expect(listed.find((agency) => agency.id === taking.id)).toMatchObject({ retiredAt: null, openStages: 1 });
    // Active agencies are listed before retired ones.
    expect(listed.findIndex((agency) => agency.retiredAt)).toBeGreaterThan(listed.findLastIndex((agency) => !agency.retiredAt));
  });

  it("needs no choice when the agency owns no open stages", async () => {
    const agency = await world.addAgency("CHARITY", "Quiet Aid");
    expect(unwrap(await retireAgency(db, admin, { agencyId: agency.id, version: "0" }))).toMatchObject({ movedStages: 0, movedTo: null });
  });
});

describe("who may manage agencies", () => {
  it.each([
    ["COUNCIL_SAFEGUARDING", "CASEWORKER"],
    ["COUNCIL_SAFEGUARDING", "AGENCY_LEAD"],
    ["PARTNERSHIP", "COORDINATOR"],
    ["PCC_OFFICE", "PCC_OFFICE"],
  ] as const)("refuses a %s %s everything, audited", async (kind, role) => {
    const someone = await world.actor(kind, role);
    const target = world.agencies.VCAS;
    await expect(listAgencies(db, someone)).rejects.toThrow(ForbiddenError);
    await expect(getAgency(db, someone, target.id)).rejects.toThrow(ForbiddenError);
    await expect(addAgency(db, someone, { name: "Sneaky Aid", kind: "CHARITY" })).rejects.toThrow(ForbiddenError);
    await expect(renameAgency(db, someone, { agencyId: target.id, version: 0, name: "Sneaky" })).rejects.toThrow(ForbiddenError);
    await expect(setAgencyHours(db, someone, { agencyId: target.id, version: 0, hours: "always" })).rejects.toThrow(ForbiddenError);
    await expect(retireAgency(db, someone, { agencyId: target.id, version: 0 })).rejects.toThrow(ForbiddenError);
    expect(await db.auditEvent.count({ where: { userId: someone.id, action: "permission.denied" } })).toBe(6);
    expect(await agencyRow(target.id)).toMatchObject({ name: target.name, version: 0, retiredAt: null });
  });
});
