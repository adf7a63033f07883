import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../../src/generated/prisma/client";
import { runWithRequestStats, type RequestStats } from "../../src/lib/request-stats";
import type { Actor } from "../../src/server/access/actor";
import { loadActor } from "../../src/server/access/load-actor";
import { checkSession } from "../../src/server/auth/check-session";
import { startSession } from "../../src/server/auth/start-session";
import { countedPool } from "../../src/server/db/create-client";
import { parseDashboardFilters } from "../../src/server/dashboard/filters";
import { getDashboard } from "../../src/server/dashboard/get-dashboard";
import { refreshDashboardSummaries } from "../../src/server/dashboard/summary/refresh-summaries";
import { getConsentAndNrm } from "../../src/server/nrm/get-consent-and-nrm";
import { countUnread } from "../../src/server/notifications/count-unread";
import { getPersonPathway } from "../../src/server/people/get-person-pathway";
import { getStageWork } from "../../src/server/stages/get-stage-work";
import { logOnePerson } from "../support/log-person";
import { createWorld, MINUTE, minute, type World } from "../support/world";

// Issue 15: at most 6 SQL statements a page. What the layout and the person's page ask the database,
// counted the way the load benchmark counts it (src/lib/request-stats.ts), with the SQL kept so that
// no read on an ordinary request carries the password hash or the TOTP secret.
const pool = countedPool({ connectionString: process.env.DATABASE_URL, max: 2 });
const sent: string[] = [];
const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
(pool as unknown as { query: typeof query }).query = (...args) => {
  const first = args[0] as string | { text: string };
  sent.push(typeof first === "string" ? first : first.text);
  return query(...args);
};
const db = new PrismaClient({ adapter: new PrismaPg(pool) });

const T0 = minute("2026-03-10T09:15:00Z");
const LOGGED = new Date(T0.getTime() + 10 * MINUTE);

let world: World;
let vcas: Actor;
let personId: string;
let victimSupportStageId: string;

beforeAll(async () => {
  world = await createWorld(db, "budget");
  const police = await world.actor("POLICE");
  vcas = await world.actor("VCAS");
  const logged = await logOnePerson(db, police, { t0: T0, now: LOGGED, person: { name: "Ada Fictional", description: "", interpreterNeeded: "no" } });
  personId = logged.personId;
  victimSupportStageId = logged.stage("victim-support").id;
});

afterAll(async () => {
  await db.$disconnect();
});

async function counted(work: () => Promise<unknown>): Promise<{ statements: number; sql: string[] }> {
  const stats: RequestStats = { statements: 0, sqlMs: 0 };
  sent.length = 0;
  await runWithRequestStats(stats, work);
  return { statements: stats.statements, sql: [...sent] };
}

/**
 * What the app's layout reads on every page: the session (with the user's state and the idle timeout),
 * the actor and the unread count, all with the session row; the page reuses them (request-reads.ts).
 */
async function layoutReads(secret: string) {
  const session = await checkSession(db, secret);
  expect(session).not.toBeNull();
  return session!.actor;
}

describe("statements per request", () => {
  it("reads the session, the actor and the unread count in 1 statement, without the password hash or TOTP secret", async () => {
    const secret = await startSession(db, vcas.id, new Date());

    const { statements, sql } = await counted(() => layoutReads(secret));

    expect(statements).toBe(1);
    for (const text of sql) {
      expect(text).not.toContain("passwordHash");
      expect(text).not.toContain("totpSecret");
    }
  });

  it("reads with the session the same actor and unread count as reading them apart", async () => {
    const secret = await startSession(db, vcas.id, new Date());
    await db.notification.createMany({
      data: [
        { recipientId: vcas.id, kind: "STAGE_ASSIGNED", title: "Unread one", body: "", dedupeKey: "budget-unread-1" },
        { recipientId: vcas.id, kind: "STAGE_ASSIGNED", title: "Unread two", body: "", dedupeKey: "budget-unread-2" },
        { recipientId: vcas.id, kind: "STAGE_ASSIGNED", title: "Read", body: "", dedupeKey: "budget-read", readAt: new Date() },
      ],
    });

    const session = await checkSession(db, secret);

    expect(session!.actor).toEqual(await loadActor(db, vcas.id));
    expect(session!.unread).toBe(await countUnread(db, vcas));
    expect(session!.unread).toBeGreaterThanOrEqual(2);
  });

  it("refuses the session of a switched-off user", async () => {
    const other = await world.actor("VCAS");
    const secret = await startSession(db, other.id, new Date());
    await db.user.update({ where: { id: other.id }, data: { active: false } });

    expect(await checkSession(db, secret)).toBeNull();
  });

  it("draws a person's page, layout included, in at most 6 statements", async () => {
    const secret = await startSession(db, vcas.id, new Date());

    const { statements, sql } = await counted(async () => {
      const actor = await layoutReads(secret);
      const person = await getPersonPathway(db, actor, personId, { withAccommodation: true });
      await getConsentAndNrm(db, actor, person.id, LOGGED);
    });

    // The session with the actor and unread count; the person with everything the page shows; the view's audit row; consent and NRM.
    expect(statements).toBeLessThanOrEqual(6);
    expect(sql.filter((text) => text.startsWith("INSERT INTO")).length).toBe(1);
    for (const text of sql) expect(text).not.toContain("passwordHash");
  });

  it("draws a stage page for the owning agency's lead, who may assign and refer, in at most 6 statements", async () => {
    const lead = await world.actor("VCAS", "AGENCY_LEAD");
    const secret = await startSession(db, lead.id, new Date());

    let work: Awaited<ReturnType<typeof getStageWork>> | null = null;
    const { statements } = await counted(async () => {
      const actor = await layoutReads(secret);
      await getPersonPathway(db, actor, personId);
      work = await getStageWork(db, actor, victimSupportStageId);
    });

    expect(statements).toBeLessThanOrEqual(6);
    // What the lead chooses from, read in the stage's own statement: their agency's staff, the agencies to refer to.
    expect(work!.assignable.map((user) => user.id)).toContain(lead.id);
    expect(work!.referralTargets.length).toBeGreaterThan(0);
    expect(work!.referralTargets.map((agency) => agency.id)).not.toContain(lead.agencyId);
  });

  it("sends no query for a relation that is empty (no IN () of nothing)", async () => {
    const { sql } = await counted(() => getPersonPathway(db, vcas, personId, { withAccommodation: true }));

    for (const text of sql) expect(text).not.toMatch(/IN \(\s*(NULL)?\s*\)/);
  });
});

describe("statements on the dashboard", () => {
  const NOW = new Date("2026-04-15T12:00:00Z");
  const filters = (query: Record<string, string> = {}) => {
    const parsed = parseDashboardFilters({ kind: "month", month: "2026-03", ...query }, NOW);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    return parsed.data;
  };
  let pcc: Actor;

  beforeAll(async () => {
    pcc = await world.actor("PCC_OFFICE", "PCC_OFFICE");
    await refreshDashboardSummaries(db, world.partnership.id);
  });

  /** What the dashboard page reads for a query that parses: the layout, then the dashboard with its filter's agencies. */
  async function dashboardPage(secret: string, query: Record<string, string> = {}) {
    const actor = await layoutReads(secret);
    return getDashboard(db, actor, filters(query), NOW);
  }

  it("draws the dashboard, layout included, in at most 6 statements", async () => {
    const secret = await startSession(db, pcc.id, new Date());

    let view: Awaited<ReturnType<typeof getDashboard>> | null = null;
    const { statements, sql } = await counted(async () => {
      view = await dashboardPage(secret);
    });

    // The session; the summaries with the settings and the stale check; the live counts with the NRM figures; the view's audit row.
    expect(statements).toBeLessThanOrEqual(6);
    expect(sql.filter((text) => text.startsWith("INSERT INTO")).length).toBe(1);
    expect(view!.tables.headlines.rows.length).toBeGreaterThan(0);
    expect(view!.filterAgencies.map((agency) => agency.id)).toContain(world.agencies.POLICE!.id);
  });

  it("draws a filtered view in as many statements", async () => {
    const secret = await startSession(db, pcc.id, new Date());

    const { statements } = await counted(() =>
      dashboardPage(secret, { kind: "custom", from: "01/2026", to: "03/2026", ageGroup: "ADULT", gender: "FEMALE", agencyId: world.agencies.POLICE!.id }),
    );

    expect(statements).toBeLessThanOrEqual(6);
  });

  it("rebuilds a month a change marked stale before it reads the summaries", async () => {
    await logOnePerson(db, await world.actor("POLICE"), { t0: T0, now: LOGGED, person: { name: "Bea Fictional", description: "", interpreterNeeded: "no" } });
    expect(await db.dashboardStaleMonth.count({ where: { partnershipId: world.partnership.id } })).toBeGreaterThan(0);

    await getDashboard(db, pcc, filters(), NOW, { audit: false });

    expect(await db.dashboardStaleMonth.count({ where: { partnershipId: world.partnership.id } })).toBe(0);
    const summed = await db.dashboardPersonMonth.aggregate({ where: { partnershipId: world.partnership.id }, _sum: { people: true } });
    expect(summed._sum.people).toBe(await db.person.count({ where: { rescue: { partnershipId: world.partnership.id } } }));
  });
});

