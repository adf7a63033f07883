// Duty to Notify (issue 13): the schema itself holds no identity, and none reaches a stored row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DTN_COLUMNS } from "../../src/domain/nrm/duty-to-notify";
import type { Actor } from "../../src/server/access/actor";
import { createPrismaClient } from "../../src/server/db/create-client";
import { recordConsent } from "../../src/server/nrm/record-consent";
import { recordDutyToNotify } from "../../src/server/nrm/record-duty-to-notify";
import { createOwnerPrismaClient } from "../support/owner-db";
import { logOnePerson } from "../support/log-person";
import { createWorld, minute, type World } from "../support/world";

const db = createPrismaClient();
const T0 = minute("2026-11-02T10:00:00Z");
const NOW = new Date("2026-11-20T12:00:00Z");

// Distinctive, obviously fictional identity, to look for in every column afterwards.
const NAME = "Zephyrine Quillfeather-Testperson";
const DESCRIPTION = "Tall, scar on left hand, zephyrquill-marker (fictional)";
const CONTACT = "07700 900999 zephyrquill (fictional)";

let world: World;
let police: Actor;
let army: Actor;

const dtnForm = (personId: string, overrides: Record<string, unknown> = {}) => ({
  personId,
  gender: "FEMALE",
  ageAtExploitation: "ADULT",
  nationality: "rou",
  exploitationType: "LABOUR",
  exploitationLocation: "BOTH",
  exploitationBeganIn: "03/2026",
  sentOn: "10/11/2026",
  ...overrides,
});

async function decliner() {
  const person = await logOnePerson(db, police, { t0: T0, now: new Date(T0.getTime() + 60_000), person: { name: NAME, description: DESCRIPTION, interpreterNeeded: "no" } });
  await db.personIdentity.update({ where: { personId: person.personId }, data: { contact: CONTACT, dateOfBirth: new Date("1991-07-13") } });
  const refused = await recordConsent(
    db,
    police,
    { personId: person.personId, purpose: "NRM_REFERRAL", decision: "REFUSED", decidedOn: "05/11/2026", explainedBy: "PC Example", language: "Romanian", interpreterUsed: "no", method: "IN_PERSON" },
    NOW,
  );
  expect(refused.ok).toBe(true);
  return person;
}

beforeAll(async () => {
  world = await createWorld(db, "dtn");
  police = await world.actor("POLICE");
  army = await world.actor("SALVATION_ARMY");
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the Duty to Notify table", () => {
  it("has only the Home Office's categories as columns: no name, date of birth, contact or description", async () => {
    const columns = await db.$queryRaw<{ column_name: string }[]>`
      SELECT column_name::text AS column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'DutyToNotify' ORDER BY column_name`;
    expect(columns.map((row) => row.column_name).sort()).toEqual([...DTN_COLUMNS].sort());
    for (const column of columns) expect(column.column_name).not.toMatch(/name|birth|dob|contact|description|phone|email|address|person/i);
  });

  it("has no foreign key that a join could follow to a person", async () => {
    const references = await db.$queryRaw<{ target: string }[]>`
      SELECT confrelid::regclass::text AS target FROM pg_constraint WHERE conrelid = '"DutyToNotify"'::regclass AND contype = 'f' ORDER BY 1`;
    expect(references.map((row) => row.target.replaceAll('"', ""))).toEqual(["Agency", "Partnership"]);
  });

  it("refuses free text in its code columns, even written directly", async () => {
    const owner = createOwnerPrismaClient();
    try {
      await expect(
        owner.$executeRaw`INSERT INTO "DutyToNotify" (id, "partnershipId", "notifyingAgencyId", gender, "ageAtExploitation", nationality, "exploitationType", "exploitationLocation", "sentOn")
          VALUES (gen_random_uuid(), ${world.partnership.id}::uuid, ${police.agencyId}::uuid, 'FEMALE', 'ADULT', ${NAME}, 'LABOUR', 'UK', '2026-11-10')`,
      ).rejects.toThrow(/too long/);
      await expect(
        owner.$executeRaw`INSERT INTO "DutyToNotify" (id, "partnershipId", "notifyingAgencyId", gender, "ageAtExploitation", nationality, "exploitationType", "exploitationLocation", "sentOn")
          VALUES (gen_random_uuid(), ${world.partnership.id}::uuid, ${police.agencyId}::uuid, 'FEMALE', 'ADULT', 'Zq ', 'LABOUR', 'UK', '2026-11-10')`,
      ).rejects.toThrow(/DutyToNotify_nationality_code/);
      await expect(
        owner.$executeRaw`INSERT INTO "DutyToNotify" (id, "partnershipId", "notifyingAgencyId", gender, "ageAtExploitation", nationality, "exploitationType", "exploitationLocation", "sentOn")
          VALUES (gen_random_uuid(), ${world.partnership.id}::uuid, ${police.agencyId}::uuid, 'FEMALE', ${DESCRIPTION}::"AgeAtExploitation", 'ROU', 'LABOUR', 'UK', '2026-11-10')`,
      ).rejects.toThrow(/invalid input value for enum/);
    } finally {
      await owner.$disconnect();
    }
  });
});

describe("recording a Duty to Notify", () => {
  it("stores a row in which no column holds the person's name, description, contact or date of birth", async () => {
    const person = await decliner();
    const before = await db.dutyToNotify.count();
    const result = await recordDutyToNotify(db, police, dtnForm(person.personId), NOW);
    expect(result).toEqual({ ok: true, data: { personId: person.personId } });
    expect(await db.dutyToNotify.count()).toBe(before + 1);
    const rows = await db.$queryRaw<{ row: string }[]>`SELECT row_to_json(d)::text AS row FROM "DutyToNotify" d WHERE "partnershipId" = ${world.partnership.id}::uuid`;
    expect(rows).toHaveLength(1);
    const stored = rows[0]!.row;
    for (const needle of ["Zephyrine", "Quillfeather", "zephyrquill", "scar", "07700", "1991-07-13", person.personId, person.rescueId]) {
      expect(stored).not.toContain(needle);
    }
    expect(JSON.parse(stored)).toMatchObject({ gender: "FEMALE", nationality: "ROU", exploitationLocation: "BOTH", exploitationBeganIn: "2026-03-01", sentOn: "2026-11-10" });
    const entry = await db.timelineEvent.findFirstOrThrow({ where: { personId: person.personId, kind: "DUTY_TO_NOTIFY_SENT" } });
    expect(entry).toMatchObject({ actorId: police.id, text: "Sent 10 Nov 2026" });
    expect(await db.auditEvent.count({ where: { entityId: person.personId, action: "duty_to_notify.record", outcome: "allowed" } })).toBe(1);

    const again = await recordDutyToNotify(db, police, dtnForm(person.personId), NOW);
    expect(again).toMatchObject({ ok: false, code: "duty-to-notify-not-due" });
    expect(await db.dutyToNotify.count()).toBe(before + 1);
  });

  it("refuses bad input at its field, writing nothing: a name as nationality, a future date, a date before the rescue, a month that is not one", async () => {
    const person = await decliner();
    const before = await db.dutyToNotify.count();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ nationality: NAME }, "nationality", /Choose a nationality from the list/],
      [{ sentOn: "21/11/2026" }, "sentOn", /cannot be in the future/],
      [{ sentOn: "01/11/2026" }, "sentOn", /before the rescue/],
      [{ exploitationBeganIn: "Spring" }, "exploitationBeganIn", /like 03\/2026/],
      [{ exploitationBeganIn: "12/2026" }, "exploitationBeganIn", /cannot be after/],
      [{ exploitationLocation: "Redcar" }, "exploitationLocation", /where the exploitation happened/],
    ];
    for (const [overrides, field, message] of cases) {
      const result = await recordDutyToNotify(db, police, dtnForm(person.personId, overrides), NOW);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.fieldErrors[field]).toMatch(message);
    }
    expect(await db.dutyToNotify.count()).toBe(before);
    expect(await db.timelineEvent.count({ where: { personId: person.personId, kind: "DUTY_TO_NOTIFY_SENT" } })).toBe(0);
  });

  it("is only for an adult who declined: refused for consent given, for a child, and for an agency that is not police or council", async () => {
    const consenting = await logOnePerson(db, police, { t0: T0, now: new Date(T0.getTime() + 60_000), person: { interpreterNeeded: "no" } });
    await recordConsent(db, police, { personId: consenting.personId, purpose: "NRM_REFERRAL", decision: "GIVEN", decidedOn: "05/11/2026", explainedBy: "PC Example", language: "English", interpreterUsed: "no", method: "IN_PERSON" }, NOW);
    expect(await recordDutyToNotify(db, police, dtnForm(consenting.personId), NOW)).toMatchObject({ ok: false, code: "duty-to-notify-not-due" });
    const child = await logOnePerson(db, police, { t0: T0, now: new Date(T0.getTime() + 60_000), person: { ageGroup: "CHILD", interpreterNeeded: "no" } });
    expect(await recordDutyToNotify(db, police, dtnForm(child.personId), NOW)).toMatchObject({ ok: false, code: "duty-to-notify-not-due" });
    const person = await decliner();
    await db.referral.create({ data: { stageId: person.stage("accommodation").id, fromAgencyId: world.agencies.COUNCIL_SAFEGUARDING.id, toAgencyId: army.agencyId, referredById: police.id } });
    expect(await recordDutyToNotify(db, army, dtnForm(person.personId), NOW)).toMatchObject({ ok: false, code: "not-first-responder" });
  });
});
