import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit, recordAudits } from "../../src/server/audit/record-audit";
import { createPrismaClient } from "../../src/server/db/create-client";
import { createOwnerPrismaClient } from "../support/owner-db";
import { createWorld } from "../support/world";

const db = createPrismaClient();
// The app's role may not even try (db-roles.test.ts); the trigger also stops the schema's owner.
const owner = createOwnerPrismaClient();

let rowId: bigint;
let original: Awaited<ReturnType<typeof db.auditEvent.findUniqueOrThrow>>;

beforeAll(async () => {
  const world = await createWorld(db, "audit");
  const police = await world.actor("POLICE");
  await recordAudit(db, police, { action: "person.view", entity: "Person", entityId: "audit-test-entity", outcome: "denied" });
  original = await db.auditEvent.findFirstOrThrow({ where: { entityId: "audit-test-entity" } });
  rowId = original.id;
});

afterAll(async () => {
  await Promise.all([db.$disconnect(), owner.$disconnect()]);
});

const current = () => db.auditEvent.findUnique({ where: { id: rowId } });

// Even someone holding the owner's connection cannot rewrite who saw what without first dropping the trigger.
describe("the audit log is append-only in the database itself, for the schema owner too", () => {
  it("refuses an UPDATE and leaves the row as it was", async () => {
    await expect(
      owner.$executeRawUnsafe(`UPDATE "AuditEvent" SET "outcome" = 'allowed', "userId" = NULL WHERE "id" = $1`, rowId),
    ).rejects.toThrow("AuditEvent is append-only: UPDATE refused");
    expect(await current()).toEqual(original);
  });

  it("refuses an UPDATE through the Prisma client too", async () => {
    await expect(owner.auditEvent.update({ where: { id: rowId }, data: { outcome: "allowed" } })).rejects.toThrow(/append-only/);
    await expect(owner.auditEvent.updateMany({ data: { action: "rewritten" } })).rejects.toThrow(/append-only/);
    expect(await current()).toEqual(original);
    expect(await db.auditEvent.count({ where: { action: "rewritten" } })).toBe(0);
  });

  it("refuses a DELETE and keeps the row", async () => {
    const before = await db.auditEvent.count();
    await expect(owner.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "id" = $1`, rowId)).rejects.toThrow(
      "AuditEvent is append-only: DELETE refused",
    );
    await expect(owner.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    expect(await current()).toEqual(original);
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("refuses a TRUNCATE and keeps every row", async () => {
    const before = await db.auditEvent.count();
    expect(before).toBeGreaterThan(0);
    await expect(owner.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow("AuditEvent is append-only: TRUNCATE refused");
    expect(await db.auditEvent.count()).toBe(before);
    expect(await current()).toEqual(original);
  });

  it("still accepts new rows", async () => {
    const before = await db.auditEvent.count();
    await recordAudit(db, null, { action: "auth.sign_in_failed", entity: "User", outcome: "denied" });
    expect(await db.auditEvent.count()).toBe(before + 1);
  });
});

describe("several rows in one statement (recordAudits)", () => {
  it("writes each row as recordAudit would, changes and outcome included", async () => {
    const world = await createWorld(db, "audit-many");
    const lead = await world.actor("COUNCIL_SAFEGUARDING", "AGENCY_LEAD");
    await recordAudit(db, lead, { action: "queue.view", entity: "Queue", entityId: "audit-many-one", changes: { hours: { before: 48, after: 24 } } });
    await recordAudits(db, lead, [
      { action: "queue.view", entity: "Queue", entityId: "audit-many-two", changes: { hours: { before: 48, after: 24 } } },
      { action: "team.view", entity: "Agency", entityId: "audit-many-three", outcome: "denied" },
    ]);

    const strip = ({ id: _id, occurredAt: _at, entityId: _entity, ...rest }: Awaited<ReturnType<typeof db.auditEvent.findFirstOrThrow>>) => rest;
    const one = await db.auditEvent.findFirstOrThrow({ where: { entityId: "audit-many-one" } });
    const two = await db.auditEvent.findFirstOrThrow({ where: { entityId: "audit-many-two" } });
    const three = await db.auditEvent.findFirstOrThrow({ where: { entityId: "audit-many-three" } });
    expect(strip(two)).toEqual(strip(one));
    expect(three).toMatchObject({ userId: lead.id, role: "AGENCY_LEAD", agencyId: lead.agencyId, action: "team.view", outcome: "denied", changes: null });
    expect(Math.abs(two.occurredAt.getTime() - Date.now())).toBeLessThan(60_000);
  });
});
