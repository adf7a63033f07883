import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { recordAudit } from "../../src/server/audit/record-audit";
import { refreshDashboardSummaries } from "../../src/server/dashboard/summary/refresh-summaries";
import { createPrismaClient } from "../../src/server/db/create-client";
import { addNote } from "../../src/server/people/add-note";
import { logOnePerson } from "../support/log-person";
import { createOwnerPrismaClient } from "../support/owner-db";
import { createWorld, HOUR, type World } from "../support/world";

// What someone holding the app's database credentials (a stolen .env, an injected query) could try.
// The embedded database has one role for everything, so this needs a real server.
const onServer = inject("databaseKind") === "server";

const db = createPrismaClient();
const owner = createOwnerPrismaClient();
/** A raw connection with the app's credentials, as an attacker who has them would open. */
const app = new pg.Client({ connectionString: process.env.DATABASE_URL });
const ENTITY_ID = "db-roles-test-entity";

let world: World;
let auditRowId: string;

beforeAll(async () => {
  if (!onServer) return;
  await app.connect();
  world = await createWorld(db, "db-roles");
  const police = await world.actor("POLICE");
  await recordAudit(db, police, { action: "person.view", entity: "Person", entityId: ENTITY_ID, outcome: "denied" });
  const row = await db.auditEvent.findFirstOrThrow({ where: { entityId: ENTITY_ID } });
  auditRowId = row.id.toString();
});

afterAll(async () => {
  if (onServer) await app.end();
  await Promise.all([db.$disconnect(), owner.$disconnect()]);
});

const PERMISSION_DENIED = "42501";

async function refusal(sql: string, values: unknown[] = []): Promise<{ code?: string; message: string }> {
  try {
    await app.query(sql, values);
  } catch (error) {
    const { code, message } = error as pg.DatabaseError;
    return { code, message };
  }
  throw new Error(`The app role was allowed: ${sql}`);
}

async function auditRowsNamed(entityId: string): Promise<number> {
  // Counted as the owner, so a refusal to read could not pass for "nothing changed".
  return owner.auditEvent.count({ where: { entityId } });
}

describe.runIf(onServer)("the app's database role", () => {
  it("is not a superuser and owns none of the app's tables", async () => {
    const { rows } = await app.query<{ rolsuper: boolean; member: boolean; owned: number }>(`
      SELECT r.rolsuper,
             pg_has_role(current_user, 'vcp_app', 'MEMBER') AS member,
             (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname IN ('public', 'pgboss') AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owned
        FROM pg_roles r WHERE r.rolname = current_user`);
    expect(rows).toEqual([{ rolsuper: false, member: true, owned: 0 }]);
  });

  it("may add and read audit rows", async () => {
    await recordAudit(db, null, { action: "auth.sign_in_failed", entity: "User", entityId: `${ENTITY_ID}-new`, outcome: "denied" });
    const { rows } = await app.query(`SELECT "id" FROM "AuditEvent" WHERE "entityId" = $1`, [`${ENTITY_ID}-new`]);
    expect(rows).toHaveLength(1);
  });

  it("may not UPDATE, DELETE or TRUNCATE the audit log, and every row stays", async () => {
    const before = await owner.auditEvent.count();
    for (const sql of [
      `UPDATE "AuditEvent" SET "outcome" = 'allowed' WHERE "id" = ${auditRowId}`,
      `DELETE FROM "AuditEvent" WHERE "id" = ${auditRowId}`,
      `TRUNCATE "AuditEvent"`,
    ]) {
      expect(await refusal(sql)).toEqual({ code: PERMISSION_DENIED, message: "permission denied for table AuditEvent" });
    }
    await expect(db.auditEvent.deleteMany({ where: { entityId: ENTITY_ID } })).rejects.toThrow(/permission denied/);
    expect(await owner.auditEvent.count()).toBe(before);
    expect(await owner.auditEvent.findFirst({ where: { entityId: ENTITY_ID }, select: { outcome: true } })).toEqual({ outcome: "denied" });
  });

  it("may not set session_replication_role, so the append-only trigger cannot be skipped", async () => {
    const expected = { code: PERMISSION_DENIED, message: 'permission denied to set parameter "session_replication_role"' };
    expect(await refusal("SET session_replication_role = replica")).toEqual(expected);
    await app.query("BEGIN");
    try {
      expect(await refusal("SET LOCAL session_replication_role = replica")).toEqual(expected);
    } finally {
      await app.query("ROLLBACK");
    }
    expect(await refusal(`DELETE FROM "AuditEvent" WHERE "entityId" = $1`, [ENTITY_ID])).toMatchObject({ code: PERMISSION_DENIED });
    expect(await auditRowsNamed(ENTITY_ID)).toBe(1);
  });

  it("may not disable or drop the audit log's triggers", async () => {
    for (const sql of [
      `ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`,
      `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`,
      `DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent"`,
      `CREATE OR REPLACE FUNCTION "audit_event_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$`,
    ]) {
      expect(await refusal(sql)).toMatchObject({ code: PERMISSION_DENIED });
    }
    const { rows } = await app.query<{ tgname: string; tgenabled: string }>(
      `SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = '"AuditEvent"'::regclass ORDER BY tgname`,
    );
    expect(rows).toEqual([
      { tgname: "AuditEvent_append_only", tgenabled: "O" },
      { tgname: "AuditEvent_no_truncate", tgenabled: "O" },
    ]);
  });

  it("may not create, alter or drop tables, schemas or triggers", async () => {
    const refused = [
      `CREATE TABLE "Stolen" ("text" text)`,
      `CREATE TABLE pgboss."Stolen" ("text" text)`,
      `CREATE SCHEMA "stolen"`,
      `ALTER TABLE "Person" ADD COLUMN "stolen" text`,
      `ALTER TABLE "PersonIdentity" DISABLE TRIGGER ALL`,
      `DROP TABLE "TimelineEvent"`,
      `TRUNCATE "Person" CASCADE`,
      `CREATE TRIGGER "stolen" BEFORE INSERT ON "Person" FOR EACH ROW EXECUTE FUNCTION "audit_event_is_append_only"()`,
      `DELETE FROM "_prisma_migrations"`,
    ];
    for (const sql of refused) {
      const { code } = await refusal(sql);
      expect({ sql, code }).toEqual({ sql, code: PERMISSION_DENIED });
    }
    const columns = await owner.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'Person' AND column_name = 'stolen'`;
    expect(columns).toEqual([{ n: 0 }]);
  });

  it("may not hand its privileges on to anyone else", async () => {
    // Postgres answers a GRANT without grant option with a warning, not an error: check what it left.
    await app.query(`GRANT SELECT ON "PersonIdentity" TO PUBLIC`);
    const toPublic = await owner.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_class c, aclexplode(c.relacl) acl
       WHERE c.relname = 'PersonIdentity' AND acl.grantee = 0`;
    expect(toPublic).toEqual([{ n: 0 }]);
  });

  it("still reads and writes case tables, and rebuilds the dashboard summaries (DELETE then INSERT)", async () => {
    const police = await world.actor("POLICE");
    const now = new Date();
    const person = await logOnePerson(db, police, { t0: new Date(now.getTime() - HOUR), now });
    const noted = await addNote(db, police, { personId: person.personId, text: "Written under the app role (fictional)" });
    expect(noted.ok).toBe(true);
    const months = await refreshDashboardSummaries(db, world.partnership.id);
    expect(months.length).toBeGreaterThan(0);
    expect(await db.dashboardPersonMonth.count({ where: { partnershipId: world.partnership.id } })).toBeGreaterThan(0);
  });

  it("gets the same grants on a table a later migration adds", async () => {
    // What a later migration does, run as the owner the way `prisma migrate deploy` runs it.
    await owner.$executeRawUnsafe(`CREATE TABLE "DbRolesLaterTable" ("id" BIGSERIAL PRIMARY KEY, "text" text NOT NULL)`);
    try {
      await app.query(`INSERT INTO "DbRolesLaterTable" ("text") VALUES ('added later (fictional)')`);
      await app.query(`UPDATE "DbRolesLaterTable" SET "text" = 'changed'`);
      const { rows } = await app.query(`SELECT "text" FROM "DbRolesLaterTable"`);
      expect(rows).toEqual([{ text: "changed" }]);
      await app.query(`DELETE FROM "DbRolesLaterTable"`);
      expect(await refusal(`DROP TABLE "DbRolesLaterTable"`)).toMatchObject({ code: PERMISSION_DENIED });
    } finally {
      await owner.$executeRawUnsafe(`DROP TABLE "DbRolesLaterTable"`);
    }
  });
});
