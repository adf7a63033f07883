// Contact watch: recording contacts (and refusing bad ones), the gap sweep raising one notice per gap
// to the owning agencies' leads (repeated, concurrent, and across a restarted job runner), the queue's
// "No contact for …", and the administrator's setting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toLondonInputValue } from "../../src/domain/time/london";
import type { Actor } from "../../src/server/access/actor";
import { getContactGapSettings, updateContactGapSettings } from "../../src/server/admin/contact-gap-settings";
import { closeCase } from "../../src/server/cases/close-case";
import { recordContact } from "../../src/server/contacts/record-contact";
import { runContactGapSweep, type ContactGapSweepResult } from "../../src/server/contacts/run-contact-gap-sweep";
import { createPrismaClient } from "../../src/server/db/create-client";
import { ForbiddenError, NotFoundError } from "../../src/server/errors";
import { startJobRunner, type JobRunner } from "../../src/server/jobs/runner";
import { getPersonPathway } from "../../src/server/people/get-person-pathway";
import { getAgencyQueue } from "../../src/server/queue/get-agency-queue";
import { logOnePerson } from "../support/log-person";
import { countCaseTables, createWorld, HOUR, MINUTE, type World } from "../support/world";

const db = createPrismaClient();
let world: World;
let away: World;
let police: Actor;
let councilCaseworker: Actor;
let councilLead: Actor;
let policeLead: Actor;
let healthLead: Actor;
let health: Actor;
let vcasLead: Actor;
let admin: Actor;
let pcc: Actor;
let awayCaseworker: Actor;
const running: JobRunner[] = [];

const onMinute = (ms: number) => new Date(Math.floor(ms / MINUTE) * MINUTE);

async function personRescuedHoursAgo(hours: number) {
  const t0 = onMinute(Date.now() - hours * HOUR);
  return logOnePerson(db, police, { t0, now: new Date(t0.getTime() + 5 * MINUTE), person: { interpreterNeeded: "no" } });
}

const contact = (personId: string, at: Date, overrides: Record<string, unknown> = {}) => ({
  personId,
  occurredAt: toLondonInputValue(at),
  method: "PHONE",
  outcome: "MADE",
  interpreterUsed: "yes",
  ...overrides,
});

const gapNotices = (personId: string) => db.notification.findMany({ where: { kind: "CONTACT_GAP", href: `/people/${personId}` }, orderBy: { recipientId: "asc" } });

beforeAll(async () => {
  world = await createWorld(db, "contact");
  away = await createWorld(db, "contact-away");
  police = await world.actor("POLICE");
  policeLead = await world.actor("POLICE", "AGENCY_LEAD");
  councilCaseworker = await world.actor("COUNCIL_SAFEGUARDING");
  councilLead = await world.actor("COUNCIL_SAFEGUARDING", "AGENCY_LEAD");
  health = await world.actor("HEALTH");
  healthLead = await world.actor("HEALTH", "AGENCY_LEAD");
  vcasLead = await world.actor("VCAS", "AGENCY_LEAD");
  admin = await world.actor("PARTNERSHIP", "ADMINISTRATOR");
  pcc = await world.actor("PCC_OFFICE", "PCC_OFFICE");
  awayCaseworker = await away.actor("COUNCIL_SAFEGUARDING");
});

afterAll(async () => {
  await Promise.all(running.map((runner) => runner.stop(2_000).catch(() => {})));
  await db.$disconnect();
});

describe("recording a contact", () => {
  it("records who, when and how, on the timeline (readable by health too) and in the audit log", async () => {
    const person = await personRescuedHoursAgo(3);
    const at = onMinute(Date.now() - 10 * MINUTE);
    const result = await recordContact(db, councilCaseworker, contact(person.personId, at));
    expect(result.ok).toBe(true);
    const row = await db.contact.findFirstOrThrow({ where: { personId: person.personId } });
    expect(row).toMatchObject({ agencyId: councilCaseworker.agencyId, recordedById: councilCaseworker.id, occurredAt: at, method: "PHONE", outcome: "MADE", interpreterUsed: true });
    expect(await db.auditEvent.count({ where: { action: "contact.record", entityId: row.id, userId: councilCaseworker.id } })).toBe(1);
    const healthView = await getPersonPathway(db, health, person.personId);
    expect(healthView.timeline.find((e) => e.kind === "CONTACT_RECORDED")).toMatchObject({ text: "Contact made: phone call, with an independent interpreter", occurredAt: at });
  });

  it("refuses a time in the future, before the rescue or not a time, and an unknown method, next to the field, writing nothing", async () => {
    const person = await personRescuedHoursAgo(3);
    const before = { ...(await countCaseTables(db)), contacts: await db.contact.count() };
    const cases: [Record<string, unknown>, string][] = [
      [{ occurredAt: toLondonInputValue(new Date(Date.now() + HOUR)) }, "occurredAt"],
      [{ occurredAt: toLondonInputValue(new Date(Date.now() - 5 * HOUR)) }, "occurredAt"],
      [{ occurredAt: "2026-02-31T10:00" }, "occurredAt"],
      [{ method: "CARRIER_PIGEON" }, "method"],
      [{ outcome: "" }, "outcome"],
      [{ interpreterUsed: "maybe" }, "interpreterUsed"],
    ];
    for (const [overrides, field] of cases) {
      const result = await recordContact(db, councilCaseworker, contact(person.personId, new Date(), overrides));
      expect(result, JSON.stringify(overrides)).toMatchObject({ ok: false, code: "invalid-input" });
      if (!result.ok) expect(Object.keys(result.fieldErrors)).toEqual([field]);
    }
    expect({ ...(await countCaseTables(db)), contacts: await db.contact.count() }).toEqual(before);
  });

  it("is refused for a person outside the caller's view, a role without casework, and a closed case", async () => {
    const person = await personRescuedHoursAgo(3);
    await expect(recordContact(db, awayCaseworker, contact(person.personId, new Date()))).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordContact(db, pcc, contact(person.personId, new Date()))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordContact(db, admin, contact(person.personId, new Date()))).rejects.toBeInstanceOf(ForbiddenError);
    await closeCase(db, councilLead, { personId: person.personId, caseVersion: "0", reason: "MOVED_AREA", note: "Moved (fictional)" });
    expect(await recordContact(db, councilCaseworker, contact(person.personId, new Date()))).toMatchObject({ ok: false, code: "case-closed" });
    expect(await db.contact.count({ where: { personId: person.personId } })).toBe(0);
  });
});

describe("the contact-gap sweep", () => {
  it("tells the leads of the agencies owning open stages once per gap, however often or concurrently it runs", async () => {
    const person = await personRescuedHoursAgo(50);
    const now = new Date();
    const results = await Promise.all([runContactGapSweep(db, now), runContactGapSweep(db, now), runContactGapSweep(db, now)]);
    expect(results.some((r) => r.gaps >= 1)).toBe(true);
    const notices = await gapNotices(person.personId);
    // Police, council, health and VCAS own its open stages; their leads hear of it, caseworkers do not.
    expect(notices.map((n) => n.recipientId).sort()).toEqual([policeLead.id, councilLead.id, healthLead.id, vcasLead.id].sort());
    expect(notices[0]!.title).toMatch(/: no contact for 2 d( \d+ h)?$/);
    expect(notices[0]!.body).not.toContain("Romanian");
    await runContactGapSweep(db, new Date(now.getTime() + HOUR));
    expect(await gapNotices(person.personId)).toHaveLength(4);
    expect(await db.contactGapNotice.count({ where: { personId: person.personId } })).toBe(1);
  });

  it("ends a gap with a contact made, not an attempt; the next gap is raised once more", async () => {
    const person = await personRescuedHoursAgo(50);
    await recordContact(db, councilCaseworker, contact(person.personId, onMinute(Date.now() - 49 * HOUR), { outcome: "ATTEMPTED" }));
    await recordContact(db, councilCaseworker, contact(person.personId, onMinute(Date.now() - 10 * HOUR)));
    await runContactGapSweep(db, new Date());
    expect(await gapNotices(person.personId)).toHaveLength(0);
    // 48 hours after that contact, the new gap is raised.
    await runContactGapSweep(db, new Date(Date.now() + 39 * HOUR));
    expect(await db.contactGapNotice.count({ where: { personId: person.personId } })).toBe(1);
    expect(await gapNotices(person.personId)).toHaveLength(4);
  });

  it("skips closed cases, and follows the partnership's setting", async () => {
    const closed = await personRescuedHoursAgo(50);
    await closeCase(db, councilLead, { personId: closed.personId, caseVersion: "0", reason: "RETURNED_HOME", note: "Went home (fictional)" });
    const recent = await personRescuedHoursAgo(10);
    await runContactGapSweep(db, new Date());
    expect(await gapNotices(closed.personId)).toHaveLength(0);
    expect(await gapNotices(recent.personId)).toHaveLength(0);

    expect(await updateContactGapSettings(db, admin, { contactGapHours: "8" })).toMatchObject({ ok: true });
    await runContactGapSweep(db, new Date());
    expect(await gapNotices(recent.personId)).toHaveLength(4);
    await updateContactGapSettings(db, admin, { contactGapHours: "48" });
  });

  it("shows the gap on the owning agency's queue and the person's page", async () => {
    const person = await personRescuedHoursAgo(51);
    const queue = await getAgencyQueue(db, councilLead, "all");
    const entry = queue.noContact.find((p) => p.personId === person.personId);
    expect(entry?.words).toMatch(/^No contact for 2 d 3 h$|^No contact for 2 d 2 h$/);
    expect(queue.stages.filter((row) => row.personId === person.personId).every((row) => row.noContact === entry?.words)).toBe(true);
    expect((await getPersonPathway(db, councilCaseworker, person.personId)).noContact).toBe(entry?.words);
    const fresh = await personRescuedHoursAgo(2);
    expect((await getAgencyQueue(db, councilLead, "all")).noContact.map((p) => p.personId)).not.toContain(fresh.personId);
  });

  it("raises a gap once across a restarted job runner", async () => {
    const person = await personRescuedHoursAgo(49);
    const start = async () => {
      const sweeps: ContactGapSweepResult[] = [];
      const runner = await startJobRunner({ connectionString: process.env.DATABASE_URL!, db, poolMax: 2, pollingIntervalSeconds: 0.5, log: () => {}, onContactSweep: (r) => sweeps.push(r) });
      running.push(runner);
      return { runner, sweeps };
    };
    const until = async (what: string, done: () => Promise<boolean>) => {
      const deadline = Date.now() + 20_000;
      while (!(await done())) {
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const first = await start();
    await until("the gap notice", async () => (await gapNotices(person.personId)).length > 0);
    await first.runner.stop();
    const sent = await gapNotices(person.personId);
    expect(sent).toHaveLength(4);

    const second = await start();
    await until("a sweep by the new runner", async () => second.sweeps.length >= 1);
    await second.runner.stop();
    expect(await gapNotices(person.personId)).toEqual(sent);
    expect(await db.contactGapNotice.count({ where: { personId: person.personId } })).toBe(1);
  });
});

describe("the no-contact setting", () => {
  it("is the administrator's, digits only within bounds, audited with before and after", async () => {
    expect(await getContactGapSettings(db, admin)).toEqual({ contactGapHours: 48 });
    for (const bad of ["0x10", "1e2", "", "3", "721", "-4"]) {
      const result = await updateContactGapSettings(db, admin, { contactGapHours: bad });
      expect(result, bad).toMatchObject({ ok: false, code: "invalid-input" });
      if (!result.ok) expect(Object.keys(result.fieldErrors)).toEqual(["contactGapHours"]);
    }
    expect(await getContactGapSettings(db, admin)).toEqual({ contactGapHours: 48 });
    await expect(updateContactGapSettings(db, councilLead, { contactGapHours: "24" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await updateContactGapSettings(db, admin, { contactGapHours: "72" })).toMatchObject({ ok: true, data: { contactGapHours: 72 } });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "settings.contact_gap_update", userId: admin.id }, orderBy: { id: "desc" } });
    expect(audit.changes).toEqual({ contactGapHours: { before: 48, after: 72 } });
    await updateContactGapSettings(db, admin, { contactGapHours: "48" });
  });
});
