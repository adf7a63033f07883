import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgencyKind, Role } from "../../src/domain/types";
import type { Actor } from "../../src/server/access/actor";
import { getAccommodation } from "../../src/server/accommodation/get-accommodation";
import { recordAccommodation } from "../../src/server/accommodation/record-accommodation";
import { createPrismaClient } from "../../src/server/db/create-client";
import { ForbiddenError, NotFoundError } from "../../src/server/errors";
import { getPersonPathway } from "../../src/server/people/get-person-pathway";
import { listAgencyPeople } from "../../src/server/people/list-agency-people";
import { getRescue } from "../../src/server/rescues/get-rescue";
import { logOnePerson } from "../support/log-person";
import { createWorld, MINUTE, minute, type World } from "../support/world";

const db = createPrismaClient();

const T0 = minute("2026-06-20T01:30:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

const ADDRESS = "Flat 3, 7 Imaginary Terrace, Teesmoor TS0 9AC (accommodation test)";
const SECOND_ADDRESS = "Room 12, 40 Pretend Road, Teesmoor TS0 9AD (accommodation test)";
const SALVATION_ARMY_ADDRESS = "Safehouse 5, Nowhere Lane, Teesmoor TS0 9AE (accommodation test)";

let world: World;
let police: Actor;
let council: Actor;
let personId: string;
let rescueId: string;
let accommodationStageId: string;

beforeAll(async () => {
  world = await createWorld(db, "accommodation");
  police = await world.actor("POLICE");
  council = await world.actor("COUNCIL_SAFEGUARDING");
  const logged = await logOnePerson(db, police, { t0: T0, now: at(5), person: { name: "Tomas Invented", description: "", interpreterNeeded: "no" } });
  ({ personId, rescueId } = logged);
  accommodationStageId = logged.stage("accommodation").id;
  // The Salvation Army works with this person on another stage (a referral waiting for an answer),
  // so it sees the record: the address must still be kept from it.
  await db.referral.create({
    data: {
      stageId: logged.stage("victim-support").id,
      fromAgencyId: world.agencies.VCAS.id,
      toAgencyId: world.agencies.SALVATION_ARMY.id,
      referredById: (await world.actor("VCAS")).id,
    },
  });
});

afterAll(async () => {
  await db.$disconnect();
});

const record = (actor: Actor, address: string, minutes = 60) => recordAccommodation(db, actor, { personId, address }, at(minutes));

/** Everything a user is given about the person, as one string, and the address they were given. */
async function whatTheyGet(actor: Actor) {
  const pathway = await getPersonPathway(db, actor, personId, { withAccommodation: true });
  const page = await getAccommodation(db, actor, personId);
  return { address: pathway.accommodation?.address ?? null, pageAddress: page.placement?.address ?? null, json: JSON.stringify([pathway, page]) };
}

describe("recording the accommodation address", () => {
  it("lets a caseworker of the agency that owns the accommodation stage record it; the timeline and audit say so without the address", async () => {
    expect(await record(council, ADDRESS)).toEqual({ ok: true, data: { personId } });

    expect(await db.accommodationPlacement.findUniqueOrThrow({ where: { personId } })).toMatchObject({
      providerAgencyId: world.agencies.COUNCIL_SAFEGUARDING.id,
      address: ADDRESS,
      recordedById: council.id,
      recordedAt: at(60),
    });
    const entries = await db.timelineEvent.findMany({ where: { personId, kind: "ACCOMMODATION_RECORDED" } });
    expect(entries.map((e) => [e.stageId, e.text, e.actorId, e.sensitivity])).toEqual([[accommodationStageId, null, council.id, "GENERAL"]]);
    const audit = await db.auditEvent.findMany({ where: { userId: council.id, action: "accommodation.record" } });
    expect(audit.map((a) => [a.entity, a.entityId, a.outcome])).toEqual([["Person", personId, "allowed"]]);
  });

  it.each<[string, AgencyKind, Role]>([
    ["a VCAS caseworker", "VCAS", "CASEWORKER"],
    ["a health lead", "HEALTH", "AGENCY_LEAD"],
    ["a police caseworker (police read the address but do not arrange accommodation)", "POLICE", "CASEWORKER"],
  ])("refuses %s, whose agency does not own the accommodation stage, and audits the refusal", async (_label, kind, role) => {
    const outsider = await world.actor(kind, role);

    const result = await record(outsider, SECOND_ADDRESS);

    expect(result).toEqual({
      ok: false,
      code: "not-owner",
      fieldErrors: {},
      formError: `Only Council safeguarding (${world.slug}), who arrange this person's accommodation, can record the address.`,
    });
    expect((await db.accommodationPlacement.findUniqueOrThrow({ where: { personId } })).address).toBe(ADDRESS);
    const audit = await db.auditEvent.findMany({ where: { userId: outsider.id, action: "accommodation.record" } });
    expect(audit.map((a) => [a.entityId, a.outcome])).toEqual([[personId, "denied"]]);
  });

  it.each<[AgencyKind, Role]>([
    ["PARTNERSHIP", "COORDINATOR"],
    ["PCC_OFFICE", "PCC_OFFICE"],
    ["PARTNERSHIP", "ADMINISTRATOR"],
  ])("refuses the %s %s role outright", async (kind, role) => {
    await expect(record(await world.actor(kind, role), SECOND_ADDRESS)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("answers a council caseworker of another partnership as if the person did not exist", async () => {
    const stranger = await (await createWorld(db, "accommodation-other")).actor("COUNCIL_SAFEGUARDING");
    await expect(record(stranger, SECOND_ADDRESS)).rejects.toBeInstanceOf(NotFoundError);
    expect((await db.accommodationPlacement.findUniqueOrThrow({ where: { personId } })).address).toBe(ADDRESS);
  });

  it("asks for an address of at most 300 characters", async () => {
    expect(await record(council, "   ")).toMatchObject({ ok: false, fieldErrors: { address: "Enter the address" } });
    expect(await recordAccommodation(db, council, { personId }, at(61))).toMatchObject({ ok: false, fieldErrors: { address: "Enter the address" } });
    expect(await record(council, "x".repeat(301))).toMatchObject({ ok: false, fieldErrors: { address: "Enter 300 characters or fewer" } });
    expect((await db.accommodationPlacement.findUniqueOrThrow({ where: { personId } })).address).toBe(ADDRESS);
  });
});

describe("reading the accommodation address", () => {
  it.each<[AgencyKind, Role]>([
    ["COUNCIL_SAFEGUARDING", "CASEWORKER"],
    ["COUNCIL_SAFEGUARDING", "AGENCY_LEAD"],
    ["POLICE", "CASEWORKER"],
    ["POLICE", "AGENCY_LEAD"],
  ])("shows it to a %s %s (the provider, and police) and audits each view without the address", async (kind, role) => {
    const reader = await world.actor(kind, role);

    const got = await whatTheyGet(reader);

    expect(got.address).toBe(ADDRESS);
    expect(got.pageAddress).toBe(ADDRESS);
    const views = await db.auditEvent.findMany({ where: { userId: reader.id, action: "accommodation.view" } });
    expect(views.map((a) => [a.entity, a.entityId, a.outcome])).toEqual([
      ["Person", personId, "allowed"],
      ["Person", personId, "allowed"],
    ]);
  });

  it("is not read, nor a view audited, when the caller does not show it (a stage's page)", async () => {
    const reader = await world.actor("POLICE");

    const view = await getPersonPathway(db, reader, personId);

    expect(view.accommodation).toBeNull();
    expect(JSON.stringify(view)).not.toContain("Imaginary Terrace");
    expect(await db.auditEvent.count({ where: { userId: reader.id, action: "accommodation.view" } })).toBe(0);
  });

  it.each<[AgencyKind, Role]>([
    ["HEALTH", "CASEWORKER"],
    ["HEALTH", "AGENCY_LEAD"],
    ["VCAS", "CASEWORKER"],
    ["VCAS", "AGENCY_LEAD"],
    ["SALVATION_ARMY", "CASEWORKER"],
  ])("keeps it from a %s %s, who sees the person and who arranged it, but not where", async (kind, role) => {
    const reader = await world.actor(kind, role);

    const got = await whatTheyGet(reader);

    expect(got.address).toBeNull();
    expect(got.pageAddress).toBeNull();
    expect(got.json).not.toContain("Imaginary Terrace");
    expect(got.json).toContain(`"providerAgencyName":"Council safeguarding (${world.slug})"`);
    expect(await db.auditEvent.count({ where: { userId: reader.id, action: "accommodation.view" } })).toBe(0);
    // Nor in the other places that show the person.
    const elsewhere = JSON.stringify([(await listAgencyPeople(db, reader, {}, at(90))).rows, await getRescue(db, reader, rescueId)]);
    expect(elsewhere).not.toContain("Imaginary Terrace");
  });

  it("replaces the address, and moves it with the accommodation stage: a new provider reads it, the old one no longer does", async () => {
    expect(await record(council, SECOND_ADDRESS, 120)).toEqual({ ok: true, data: { personId } });
    expect((await whatTheyGet(council)).address).toBe(SECOND_ADDRESS);

    // The stage passes to the Salvation Army (as when a referral of it is accepted).
    await db.stage.update({ where: { id: accommodationStageId }, data: { ownerAgencyId: world.agencies.SALVATION_ARMY.id } });
    const salvationArmy = await world.actor("SALVATION_ARMY");
    expect(await record(council, ADDRESS, 180)).toMatchObject({ ok: false, code: "not-owner", formError: expect.stringContaining("Only Salvation Army") });
    // Until it records its own, the Salvation Army is not the provider of the council's placement.
    expect((await whatTheyGet(salvationArmy)).address).toBeNull();

    expect(await record(salvationArmy, SALVATION_ARMY_ADDRESS, 200)).toEqual({ ok: true, data: { personId } });

    expect((await whatTheyGet(salvationArmy)).address).toBe(SALVATION_ARMY_ADDRESS);
    expect((await whatTheyGet(police)).address).toBe(SALVATION_ARMY_ADDRESS);
    const councilNow = await whatTheyGet(council);
    expect(councilNow.address).toBeNull();
    expect(councilNow.json).not.toContain("Nowhere Lane");
    expect(councilNow.json).toContain(`"providerAgencyName":"Salvation Army (${world.slug})"`);
    expect((await getAccommodation(db, council, personId)).canRecord).toBe(false);
    expect((await getAccommodation(db, salvationArmy, personId)).canRecord).toBe(true);
  });

  it("never writes an address into the audit log, the timeline or a notice", async () => {
    const dump = async (table: string) =>
      JSON.stringify(await db.$queryRawUnsafe(`SELECT * FROM "${table}"`), (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
    const audit = await dump("AuditEvent");
    expect(audit).toContain(personId);
    for (const table of ["AuditEvent", "TimelineEvent", "Notification"]) {
      const rows = table === "AuditEvent" ? audit : await dump(table);
      for (const fragment of ["Imaginary Terrace", "Pretend Road", "Nowhere Lane", "(accommodation test)"]) expect(rows).not.toContain(fragment);
    }
  });
});
