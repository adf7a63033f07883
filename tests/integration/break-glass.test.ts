import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/server/access/actor";
import { getBreakGlassAccess } from "../../src/server/break-glass/get-break-glass-access";
import { listBreakGlassReviews } from "../../src/server/break-glass/list-break-glass-reviews";
import { reviewBreakGlass } from "../../src/server/break-glass/review-break-glass";
import { getPseudonymisedCase } from "../../src/server/cases/get-pseudonymised-case";
import { openBreakGlass } from "../../src/server/break-glass/open-break-glass";
import { createPrismaClient } from "../../src/server/db/create-client";
import { ForbiddenError, NotFoundError } from "../../src/server/errors";
import { logOnePerson } from "../support/log-person";
import { createWorld, MINUTE, minute, type World } from "../support/world";

const db = createPrismaClient();

const T0 = minute("2026-06-10T08:00:00Z");
const OPENED = minute("2026-06-10T09:00:00Z");
const at = (minutes: number) => new Date(OPENED.getTime() + minutes * MINUTE);
const NAME = "Vesna Breakglassova";
const REASON = "Police need her identity confirmed for a safeguarding strategy meeting today";

let world: World;
let coordinator: Actor;
let admin: Actor;
let person: Awaited<ReturnType<typeof logOnePerson>>;
let other: Awaited<ReturnType<typeof logOnePerson>>;

beforeAll(async () => {
  world = await createWorld(db, "break-glass");
  const police = await world.actor("POLICE");
  coordinator = await world.actor("PARTNERSHIP", "COORDINATOR");
  admin = await world.actor("PARTNERSHIP", "ADMINISTRATOR");
  person = await logOnePerson(db, police, { t0: T0, now: T0, person: { name: NAME, description: "Woman, about 25 (fictional)" } });
  other = await logOnePerson(db, police, { t0: T0, now: T0, person: { name: "Other Fictional", description: "" } });
  await db.personIdentity.update({
    where: { personId: person.personId },
    data: { dateOfBirth: new Date("2000-01-02T00:00:00Z"), contact: "07700 900456 (fictional)" },
  });
});

afterAll(async () => {
  await db.$disconnect();
});

const grantsOf = (userId: string) => db.breakGlassAccess.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
const auditOf = (userId: string) => db.auditEvent.findMany({ where: { userId }, orderBy: { id: "asc" } });

describe("opening a person's identity (break-glass)", () => {
  it.each([
    ["no reason", "", "Enter why you need to see who this person is"],
    ["only spaces", "      ", "Enter why you need to see who this person is"],
    ["a reason under 20 characters", "Need to check name", "Enter at least 20 characters: say why you need to see who this person is"],
    ["a reason over 1000 characters", "x".repeat(1001), "Enter 1000 characters or fewer"],
  ])("refuses %s, says so next to the field, and opens nothing", async (_label, reason, message) => {
    const lone = await world.actor("PARTNERSHIP", "COORDINATOR");

    const result = await openBreakGlass(db, lone, { personId: person.personId, reason }, OPENED);

    expect(result).toEqual({ ok: false, code: "invalid-input", fieldErrors: { reason: message }, formError: expect.any(String) });
    expect(await grantsOf(lone.id)).toEqual([]);
    expect(await auditOf(lone.id)).toEqual([]);
    expect((await getPseudonymisedCase(db, lone, person.personId, at(1))).identity).toBeNull();
  });

  it("records the grant for 30 minutes and audits it, without the reason in the audit row", async () => {
    const result = await openBreakGlass(db, coordinator, { personId: person.personId, reason: `  ${REASON}  ` }, OPENED);

    expect(result).toEqual({ ok: true, data: { personId: person.personId, expiresAt: at(30) } });
    expect(await grantsOf(coordinator.id)).toEqual([
      expect.objectContaining({ personId: person.personId, reason: REASON, createdAt: OPENED, expiresAt: at(30), reviewedAt: null }),
    ]);
    const audit = await auditOf(coordinator.id);
    expect(audit.map((a) => [a.action, a.entity, a.entityId, a.role, a.agencyId, a.outcome])).toEqual([
      ["case.break_glass", "Person", person.personId, "COORDINATOR", world.agencies.PARTNERSHIP.id, "allowed"],
    ]);
    expect(JSON.stringify(audit, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value))).not.toContain("safeguarding strategy");
  });

  it("shows the identity only while the grant runs, and audits each such view as a view of the person", async () => {
    const before = await getPseudonymisedCase(db, coordinator, person.personId, at(-1));
    const during = await getPseudonymisedCase(db, coordinator, person.personId, at(29));
    const expired = await getPseudonymisedCase(db, coordinator, person.personId, at(30));

    expect(before.identity).toBeNull();
    expect(during.identity).toEqual({
      name: NAME,
      description: "Woman, about 25 (fictional)",
      dateOfBirth: new Date("2000-01-02T00:00:00Z"),
      contact: "07700 900456 (fictional)",
      shownUntil: at(30),
    });
    expect(expired.identity).toBeNull();
    expect(JSON.stringify(expired)).not.toContain(NAME);

    const views = await db.auditEvent.findMany({ where: { userId: coordinator.id, action: { in: ["case.view", "person.view"] } }, orderBy: { id: "asc" } });
    expect(views.map((a) => [a.action, a.entityId, a.outcome])).toEqual([
      ["case.view", person.personId, "allowed"],
      ["case.view", person.personId, "allowed"],
      ["person.view", person.personId, "allowed"],
      ["case.view", person.personId, "allowed"],
    ]);
  });

  it("opens only that person, and only for the coordinator who gave the reason", async () => {
    expect((await getPseudonymisedCase(db, coordinator, other.personId, at(1))).identity).toBeNull();
    const colleague = await world.actor("PARTNERSHIP", "COORDINATOR");
    expect((await getPseudonymisedCase(db, colleague, person.personId, at(1))).identity).toBeNull();
  });

  it("answers a coordinator of another partnership as if the person did not exist, and writes no grant", async () => {
    const outsider = await (await createWorld(db, "break-glass-other")).actor("PARTNERSHIP", "COORDINATOR");

    await expect(openBreakGlass(db, outsider, { personId: person.personId, reason: REASON }, OPENED)).rejects.toBeInstanceOf(NotFoundError);

    expect(await grantsOf(outsider.id)).toEqual([]);
    expect((await auditOf(outsider.id)).map((a) => [a.action, a.entityId, a.outcome])).toEqual([["case.break_glass", person.personId, "denied"]]);
  });
});

describe("the administrators' review of break-glass", () => {
  it("lists each access waiting for review with who, when, case reference and reason, and nothing of the case", async () => {
    const { waiting } = await listBreakGlassReviews(db, admin);

    const caseReference = (await db.person.findUniqueOrThrow({ where: { id: person.personId } })).caseReference;
    expect(waiting).toEqual([
      expect.objectContaining({
        coordinatorName: coordinator.name,
        caseReference,
        reason: REASON,
        openedAt: OPENED,
        expiresAt: at(30),
        reviewedAt: null,
      }),
    ]);
    expect(JSON.stringify(waiting)).not.toContain(NAME);
    expect(await db.auditEvent.findMany({ where: { userId: admin.id, action: "break_glass.list" } })).toHaveLength(1);
  });

  it("marks an access reviewed with a note, once, and audits the review", async () => {
    const [access] = await grantsOf(coordinator.id);
    const reviewedAt = at(120);

    const result = await reviewBreakGlass(db, admin, { accessId: access!.id, note: "Checked with the police lead: justified" }, reviewedAt);
    const again = await reviewBreakGlass(db, admin, { accessId: access!.id, note: "" }, at(121));

    expect(result).toMatchObject({ ok: true, data: { accessId: access!.id } });
    expect(again).toMatchObject({ ok: false, code: "already-reviewed" });
    expect(await db.breakGlassAccess.findUniqueOrThrow({ where: { id: access!.id } })).toMatchObject({
      reviewedAt,
      reviewedById: admin.id,
      reviewNote: "Checked with the police lead: justified",
    });
    const { waiting, reviewed } = await listBreakGlassReviews(db, admin);
    expect(waiting).toEqual([]);
    expect(reviewed).toEqual([expect.objectContaining({ id: access!.id, reviewerName: admin.name, reviewNote: "Checked with the police lead: justified" })]);
    expect((await db.auditEvent.findMany({ where: { userId: admin.id, action: "break_glass.review" } })).map((a) => [a.entityId, a.outcome])).toEqual([
      [access!.id, "allowed"],
    ]);
  });

  it("hides one partnership's accesses from another partnership's administrator", async () => {
    const [access] = await grantsOf(coordinator.id);
    const outsider = await (await createWorld(db, "break-glass-admin")).actor("PARTNERSHIP", "ADMINISTRATOR");

    expect(await listBreakGlassReviews(db, outsider)).toEqual({ waiting: [], reviewed: [] });
    await expect(getBreakGlassAccess(db, outsider, access!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(reviewBreakGlass(db, outsider, { accessId: access!.id }, at(200))).rejects.toBeInstanceOf(NotFoundError);
    expect((await db.breakGlassAccess.findUniqueOrThrow({ where: { id: access!.id } })).reviewedById).toBe(admin.id);
  });

  it("refuses the coordinator and caseworkers the review list", async () => {
    const caseworker = await world.actor("POLICE");
    for (const user of [coordinator, caseworker]) {
      await expect(listBreakGlassReviews(db, user)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(reviewBreakGlass(db, user, { accessId: (await grantsOf(coordinator.id))[0]!.id }, at(200))).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("refuses a review note over 1000 characters next to the field", async () => {
    const result = await openBreakGlass(db, coordinator, { personId: other.personId, reason: REASON }, at(300));
    expect(result.ok).toBe(true);
    const access = await db.breakGlassAccess.findFirstOrThrow({ where: { personId: other.personId } });

    expect(await reviewBreakGlass(db, admin, { accessId: access.id, note: "y".repeat(1001) }, at(301))).toMatchObject({
      ok: false,
      fieldErrors: { note: "Enter 1000 characters or fewer" },
    });
    expect((await db.breakGlassAccess.findUniqueOrThrow({ where: { id: access.id } })).reviewedAt).toBeNull();
  });
});
