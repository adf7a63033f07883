// The partnership's own pathway: publishing versions, who keeps which version, targets in working
// hours, deleting unused versions, and that the dashboard's past figures stay as they were.
import { afterAll, describe, expect, it } from "vitest";
import { ROLES, type AgencyKind, type Role } from "../../src/domain/types";
import type { Actor } from "../../src/server/access/actor";
import { parseDashboardFilters } from "../../src/server/dashboard/filters";
import { getDashboard } from "../../src/server/dashboard/get-dashboard";
import { refreshDashboardSummaries } from "../../src/server/dashboard/summary/refresh-summaries";
import { createPrismaClient } from "../../src/server/db/create-client";
import { ForbiddenError, NotFoundError } from "../../src/server/errors";
import { deletePathwayVersion } from "../../src/server/pathway/delete-pathway-version";
import { getPathwayAdmin } from "../../src/server/pathway/get-pathway-admin";
import { publishPathwayVersion } from "../../src/server/pathway/publish-pathway-version";
import { getPersonPathway } from "../../src/server/people/get-person-pathway";
import { changeStage } from "../../src/server/stages/change-stage";
import { logOnePerson } from "../support/log-person";
import { pathwayEditForm } from "../support/pathway-form";
import { createWorld, HOUR, MINUTE, minute, type World } from "../support/world";

const db = createPrismaClient();

afterAll(async () => {
  await db.$disconnect();
});

const editForm = (admin: Actor, changes: Record<string, Record<string, string>> = {}, baseVersion?: number) => pathwayEditForm(db, admin, changes, baseVersion);

async function setUp(label: string) {
  const world = await createWorld(db, label);
  const admin = await world.actor("PARTNERSHIP", "ADMINISTRATOR");
  const police = await world.actor("POLICE");
  return { world, admin, police };
}

const versionsOf = (world: World) =>
  db.pathwayTemplate.findMany({ where: { partnershipId: world.partnership.id }, orderBy: { version: "asc" }, include: { stages: { orderBy: { sortOrder: "asc" } } } });
const publishAudits = (admin: Actor) => db.auditEvent.findMany({ where: { userId: admin.id, action: "pathway.publish" } });

describe("publishing a new pathway version", () => {
  it("makes version 2, a copy of every stage with the change, audited with each change before and after", async () => {
    const { world, admin } = await setUp("pathway-publish");
    const published = await publishPathwayVersion(db, admin, await editForm(admin, { "health-check": { targetValue: "6" } }));

    expect(published).toEqual({ ok: true, data: { version: 2, changedStages: 1 } });
    const [v1, v2] = await versionsOf(world);
    expect(v2!.publishedById).toBe(admin.id);
    expect(v1!.publishedById).toBeNull();
    expect(v2!.stages.map((stage) => stage.key)).toEqual(v1!.stages.map((stage) => stage.key));
    for (const stage of v2!.stages) {
      const old = v1!.stages.find((candidate) => candidate.key === stage.key)!;
      const { id: _newId, templateId: _newTemplate, ...copied } = stage;
      const { id: _oldId, templateId: _oldTemplate, ...original } = old;
      expect(copied).toEqual(stage.key === "health-check" ? { ...original, targetValue: 6 } : original);
    }
    const [audit] = await publishAudits(admin);
    expect(audit).toMatchObject({ entity: "PathwayTemplate", entityId: v2!.id, outcome: "allowed", changes: { "health-check.targetValue": { before: 4, after: 6 } } });
    expect(Object.keys(audit!.changes as object)).toEqual(["health-check.targetValue"]);

    const view = await getPathwayAdmin(db, admin);
    expect(view.current.version).toBe(2);
    expect(view.versions.map((version) => [version.version, version.current, version.publishedByName])).toEqual([
      [2, true, admin.name],
      [1, false, null],
    ]);
  });

  it("makes no version and no audit row when nothing changed", async () => {
    const { world, admin } = await setUp("pathway-nochange");
    expect(await publishPathwayVersion(db, admin, await editForm(admin))).toEqual({ ok: true, data: { version: null, changedStages: 0 } });
    expect(await versionsOf(world)).toHaveLength(1);
    expect(await publishAudits(admin)).toEqual([]);
  });

  it("refuses a form based on an older version, and lets only one of two saves on the same base through", async () => {
    const { world, admin } = await setUp("pathway-stale");
    const onVersion1 = await editForm(admin, { "health-check": { targetValue: "5" } });
    const otherOnVersion1 = await editForm(admin, { accommodation: { targetValue: "3" } });
    const [first, second] = await Promise.all([publishPathwayVersion(db, admin, onVersion1), publishPathwayVersion(db, admin, otherOnVersion1)]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect((first.ok ? second : first)).toMatchObject({ ok: false, code: "stale-version" });

    const stale = await publishPathwayVersion(db, admin, await editForm(admin, { "victim-support": { targetValue: "48" } }, 1));
    expect(stale).toMatchObject({ ok: false, code: "stale-version", formError: expect.stringContaining("Someone published version 2") });
    expect(await versionsOf(world)).toHaveLength(2);
  });

  it("refuses a retired owner and an agency of another partnership, next to the field, and makes no version", async () => {
    const { world, admin } = await setUp("pathway-owner");
    const other = await createWorld(db, "pathway-owner-other");
    const retired = await db.agency.create({ data: { partnershipId: world.partnership.id, kind: "CHARITY", name: `Closed charity (${world.slug})`, retiredAt: new Date() } });
    const form = await editForm(admin);
    const health = form.stages.findIndex((stage) => stage.key === "health-check");

    const toRetired = await publishPathwayVersion(db, admin, await editForm(admin, { "health-check": { ownerAgencyId: retired.id } }));
    expect(toRetired).toMatchObject({ ok: false, code: "invalid-input", fieldErrors: { [`stages.${health}.ownerAgencyId`]: `${retired.name} has been retired: choose an active agency to own this stage` } });
    const toForeign = await publishPathwayVersion(db, admin, await editForm(admin, { "health-check": { ownerAgencyId: other.agencies.HEALTH.id } }));
    expect(toForeign).toMatchObject({ ok: false, fieldErrors: { [`stages.${health}.ownerAgencyId`]: "Choose an agency of this partnership" } });
    const offWhereCodeNeedsIt = await publishPathwayVersion(db, admin, await editForm(admin, { accommodation: { enabled: "off" } }));
    expect(offWhereCodeNeedsIt).toMatchObject({ ok: false, code: "invalid-input" });
    expect(await versionsOf(world)).toHaveLength(1);
    expect(await publishAudits(admin)).toEqual([]);
    // The active agencies are the choices; the retired one is not offered.
    expect((await getPathwayAdmin(db, admin)).owners.map((owner) => owner.id)).not.toContain(retired.id);
  });
});

describe("people keep the version they started under", () => {
  it("gives a rescue logged after a change the new target, while an earlier person keeps the old one", async () => {
    const { world, admin, police } = await setUp("pathway-keep");
    // The rescue form carries whole minutes.
    const t0 = new Date(Math.floor((Date.now() - 2 * HOUR) / MINUTE) * MINUTE);
    const earlier = await logOnePerson(db, police, { t0, now: new Date(t0.getTime() + MINUTE) });
    expect((await publishPathwayVersion(db, admin, await editForm(admin, { "health-check": { targetValue: "8" }, "case-conference": { enabled: "off" } }))).ok).toBe(true);
    const later = await logOnePerson(db, police, { t0, now: new Date(t0.getTime() + 2 * MINUTE) });

    const [v1, v2] = await versionsOf(world);
    const earlierRow = await db.person.findUniqueOrThrow({ where: { id: earlier.personId } });
    const laterRow = await db.person.findUniqueOrThrow({ where: { id: later.personId } });
    expect([earlierRow.templateId, laterRow.templateId]).toEqual([v1!.id, v2!.id]);
    expect(earlier.stage("health-check").dueAt).toEqual(new Date(t0.getTime() + 4 * HOUR));
    expect(later.stage("health-check").dueAt).toEqual(new Date(t0.getTime() + 8 * HOUR));
    // A stage switched off is not given to anyone new; the earlier person keeps theirs.
    expect(() => later.stage("case-conference")).toThrow();
    expect(earlier.stage("case-conference")).toBeDefined();

    const council = await world.actor("COUNCIL_SAFEGUARDING");
    const targetOf = async (personId: string) => (await getPersonPathway(db, council, personId)).stages.find((stage) => stage.key === "health-check")!.target;
    expect([await targetOf(earlier.personId), await targetOf(later.personId)]).toEqual(["4 hours", "8 hours"]);

    const view = await getPathwayAdmin(db, admin);
    expect(view.versions.map((version) => [version.version, version.livePeople])).toEqual([
      [2, 1],
      [1, 1],
    ]);
    await db.person.update({ where: { id: earlier.personId }, data: { closedAt: new Date() } });
    expect((await getPathwayAdmin(db, admin)).versions.map((version) => version.livePeople)).toEqual([1, 0]);
  });

  it("counts a target in working hours over the owning agency's office hours at T0", async () => {
    const { world, admin, police } = await setUp("pathway-working-hours");
    await db.agency.update({ where: { id: world.agencies.HEALTH.id }, data: { officeHoursOnly: true, opensAtMinute: 9 * 60, closesAtMinute: 17 * 60 } });
    expect((await publishPathwayVersion(db, admin, await editForm(admin, { "health-check": { targetUnit: "WORKING_HOURS" }, "immediate-safety": { targetUnit: "WORKING_HOURS" } }))).ok).toBe(true);

    // Friday 6 March 2026, 16:00 GMT: health, open 09:00 to 17:00, has 1 hour left that day.
    const t0 = minute("2026-03-06T16:00:00Z");
    const person = await logOnePerson(db, police, { t0, now: new Date(t0.getTime() + 5 * MINUTE) });
    expect(person.stage("health-check").dueAt).toEqual(minute("2026-03-09T12:00:00Z"));
    // Police are open round the clock: every hour counts.
    expect(person.stage("immediate-safety").dueAt).toEqual(minute("2026-03-06T17:00:00Z"));
    const council = await world.actor("COUNCIL_SAFEGUARDING");
    const view = await getPersonPathway(db, council, person.personId);
    expect(view.stages.find((stage) => stage.key === "health-check")!.target).toBe("4 working hours");
  });
});

describe("deleting a version", () => {
  it("deletes an earlier version nobody started under, and refuses one in use and the current one", async () => {
    const { world, admin, police } = await setUp("pathway-delete");
    expect((await publishPathwayVersion(db, admin, await editForm(admin, { "health-check": { targetValue: "5" } }))).ok).toBe(true);
    const t0 = new Date(Date.now() - HOUR);
    await logOnePerson(db, police, { t0, now: new Date(t0.getTime() + MINUTE) });
    expect((await publishPathwayVersion(db, admin, await editForm(admin, { "health-check": { targetValue: "6" } }))).ok).toBe(true);
    const [v1, v2, v3] = await versionsOf(world);

    expect(await deletePathwayVersion(db, admin, { templateId: v2!.id })).toMatchObject({ ok: false, code: "version-in-use" });
    expect(await deletePathwayVersion(db, admin, { templateId: v3!.id })).toMatchObject({ ok: false, code: "current-version" });
    expect(await deletePathwayVersion(db, admin, { templateId: v1!.id })).toEqual({ ok: true, data: { version: 1 } });
    expect((await versionsOf(world)).map((version) => version.version)).toEqual([2, 3]);
    expect(await db.pathwayStageTemplate.count({ where: { templateId: v1!.id } })).toBe(0);
    expect(await db.auditEvent.findFirst({ where: { userId: admin.id, action: "pathway.delete_version" } })).toMatchObject({
      entityId: v1!.id,
      changes: { version: { before: 1, after: null } },
    });
  });

  it("treats a version of another partnership as not found, and audits the attempt", async () => {
    const { admin } = await setUp("pathway-delete-home");
    const other = await createWorld(db, "pathway-delete-away");
    await expect(deletePathwayVersion(db, admin, { templateId: other.template.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.pathwayTemplate.count({ where: { id: other.template.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { userId: admin.id, action: "pathway.delete_version", outcome: "denied" } })).toBe(1);
  });
});

describe("the dashboard's past figures", () => {
  it("do not change when a target changes, even when the month is rebuilt from the live tables", async () => {
    const { world, admin, police } = await setUp("pathway-dashboard");
    const health = await world.actor("HEALTH");
    // September 2026: seen 5 hours after rescue, late against the 4-hour target.
    const t0 = minute("2026-09-10T10:00:00Z");
    const person = await logOnePerson(db, police, { t0, now: new Date(t0.getTime() + MINUTE) });
    const done = await changeStage(db, health, { stageId: person.stage("health-check").id, version: 0, action: "complete", text: "Seen at the walk-in centre" }, new Date(t0.getTime() + 5 * HOUR));
    expect(done.ok).toBe(true);
    await refreshDashboardSummaries(db, world.partnership.id);
    const september = async () =>
      db.dashboardStageMonth.aggregate({
        where: { partnershipId: world.partnership.id, month: new Date("2026-09-01T00:00:00Z"), stageKey: "health-check" },
        _sum: { done: true, doneWithinTarget: true, doneLate: true },
      });
    expect((await september())._sum).toEqual({ done: 1, doneWithinTarget: 0, doneLate: 1 });

    // Six hours would have made it within target, but she was rescued under version 1.
    expect((await publishPathwayVersion(db, admin, await editForm(admin, { "health-check": { targetValue: "6" } }))).ok).toBe(true);
    await db.dashboardStaleMonth.create({ data: { partnershipId: world.partnership.id, month: new Date("2026-09-01T00:00:00Z") } });
    expect(await refreshDashboardSummaries(db, world.partnership.id)).toHaveLength(1);
    expect((await september())._sum).toEqual({ done: 1, doneWithinTarget: 0, doneLate: 1 });
    expect((await db.stage.findUniqueOrThrow({ where: { id: person.stage("health-check").id } })).dueAt).toEqual(new Date(t0.getTime() + 4 * HOUR));

    // The PCC office's timeliness table names the target September's people were measured against.
    const pcc = await world.actor("PCC_OFFICE", "PCC_OFFICE");
    const now = new Date();
    const targetIn = async (month: string) => {
      const filters = parseDashboardFilters({ kind: "month", month }, now);
      if (!filters.ok) throw new Error(JSON.stringify(filters));
      const { tables } = await getDashboard(db, pcc, filters.data, now, { audit: false });
      return tables.timeliness.rows.find((row) => row.label === "Health check (triage)")?.cells[0]?.text;
    };
    expect(await targetIn("2026-09")).toBe("4 hours");
    await logOnePerson(db, police, { t0: minute("2026-09-20T10:00:00Z"), now: minute("2026-09-20T10:05:00Z") });
    expect(await targetIn("2026-09")).toBe("4 hours or 6 hours");
  });
});

describe("only administrators", () => {
  const others: { kind: AgencyKind; role: Role }[] = [
    { kind: "POLICE", role: "CASEWORKER" },
    { kind: "COUNCIL_SAFEGUARDING", role: "AGENCY_LEAD" },
    { kind: "PARTNERSHIP", role: "COORDINATOR" },
    { kind: "PCC_OFFICE", role: "PCC_OFFICE" },
  ];

  it("covers every role but the administrator", () => {
    expect(others.map((other) => other.role).sort()).toEqual(ROLES.filter((role) => role !== "ADMINISTRATOR").sort());
  });

  it.each(others)("refuses the pathway page, a publish and a delete to the $role, audited, changing nothing", async ({ kind, role }) => {
    const { world, admin } = await setUp("pathway-roles");
    const actor = await world.actor(kind, role);
    const form = await editForm(admin, { "health-check": { targetValue: "9" } });
    await expect(getPathwayAdmin(db, actor)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(publishPathwayVersion(db, actor, form)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deletePathwayVersion(db, actor, { templateId: world.template.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await versionsOf(world)).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { userId: actor.id, action: "permission.denied", outcome: "denied" } })).toBe(3);
  });
});
