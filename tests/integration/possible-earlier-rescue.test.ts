import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personFormInput, rescueFormInput } from "../../prisma/factories";
import type { Actor } from "../../src/server/access/actor";
import { getPseudonymisedCase } from "../../src/server/cases/get-pseudonymised-case";
import { createPrismaClient } from "../../src/server/db/create-client";
import { ForbiddenError, NotFoundError } from "../../src/server/errors";
import { correctPersonDetails } from "../../src/server/people/correct-person-details";
import { getPersonDetails } from "../../src/server/people/get-person-details";
import { getPersonPathway } from "../../src/server/people/get-person-pathway";
import { decidePossibleMatch } from "../../src/server/possible-matches/decide-possible-match";
import { getPossibleMatch } from "../../src/server/possible-matches/get-possible-match";
import { listPossibleMatches } from "../../src/server/possible-matches/list-possible-matches";
import { getRescue } from "../../src/server/rescues/get-rescue";
import { logRescue } from "../../src/server/rescues/log-rescue";
import { createWorld, MINUTE, minute, type World } from "../support/world";

const db = createPrismaClient();
const T0 = minute("2026-06-03T08:00:00Z");
const NOW = new Date(T0.getTime() + 20 * MINUTE);

let world: World;
let police: Actor;
let vcas: Actor;
// The Salvation Army owns no stage of the pathway: it sees only the people it logs.
let salvationArmy: Actor;
let coordinator: Actor;

async function log(logger: Actor, people: Record<string, unknown>[]) {
  const result = await logRescue(db, logger, rescueFormInput({ occurredAt: T0, people: people.map((p) => personFormInput({ interpreterNeeded: "no", ...p })) }), NOW);
  if (!result.ok) throw new Error(JSON.stringify(result));
  const rows = await db.person.findMany({ where: { rescueId: result.data.rescueId }, orderBy: { createdAt: "asc" }, select: { id: true, caseReference: true } });
  return { result, people: rows };
}

/** The details form as shown, sent back with `changes` (the shape the correction form posts). */
async function correctionForm(actor: Actor, personId: string, changes: Record<string, unknown>) {
  const details = await getPersonDetails(db, actor, personId);
  const values: Record<string, unknown> = {};
  for (const field of details.fields) {
    if (typeof field.value === "string") values[field.key] = field.value;
    else {
      values[field.key] = field.value.ticked;
      values.otherNeeds = field.value.other;
    }
  }
  return { personId, version: details.version, ...values, ...changes, was: values };
}

async function matchesOf(personId: string) {
  return db.possibleMatch.findMany({ where: { personId }, select: { earlierPersonId: true, reason: true, state: true } });
}

beforeAll(async () => {
  world = await createWorld(db, "rerescue");
  police = await world.actor("POLICE");
  vcas = await world.actor("VCAS");
  salvationArmy = await world.actor("SALVATION_ARMY");
  coordinator = await world.actor("PARTNERSHIP", "COORDINATOR");
});

afterAll(async () => {
  await db.$disconnect();
});

describe("flagging a possible earlier rescue", () => {
  it("matches the same name and nationality whatever the case, accents and spaces, in another rescue of the partnership", async () => {
    const { people: [earlier] } = await log(police, [{ name: "Ána  María Fictionalova", nationality: "Romanian" }]);
    const { people: [later] } = await log(vcas, [{ name: "  ana maria   FICTIONALOVA ", nationality: "Romanian" }]);
    expect(await matchesOf(later!.id)).toEqual([{ earlierPersonId: earlier!.id, reason: "NAME_AND_NATIONALITY", state: "OPEN" }]);
    // The earlier person is not flagged as matching the later one as well.
    expect(await matchesOf(earlier!.id)).toEqual([]);
  });

  it("does not match the same name with another nationality, or with nationality not known", async () => {
    await log(police, [{ name: "Bela Nomatchfictional", nationality: "Romanian" }]);
    const { people: [other] } = await log(vcas, [{ name: "Bela Nomatchfictional", nationality: "Bulgarian" }]);
    expect(await matchesOf(other!.id)).toEqual([]);
    await log(police, [{ name: "Cora Unknownfictional", nationality: "Not known" }]);
    const { people: [unknown] } = await log(vcas, [{ name: "Cora Unknownfictional", nationality: "Not known" }]);
    expect(await matchesOf(unknown!.id)).toEqual([]);
  });

  it("does not match people of the same rescue, or people without a name", async () => {
    const { people } = await log(police, [
      { name: "Dana Samerescuefictional", nationality: "Romanian" },
      { name: "dana samerescuefictional", nationality: "Romanian" },
      { name: "", nationality: "Romanian" },
    ]);
    for (const person of people) expect(await matchesOf(person.id)).toEqual([]);
    const { people: [unnamed] } = await log(vcas, [{ name: "", nationality: "Romanian" }]);
    expect(await matchesOf(unnamed!.id)).toEqual([]);
  });

  it("never matches across partnerships", async () => {
    const elsewhere = await createWorld(db, "rerescue-other");
    const otherPolice = await elsewhere.actor("POLICE");
    await log(otherPolice, [{ name: "Ema Crosspartnershipfictional", nationality: "Romanian" }]);
    const { people: [here] } = await log(vcas, [{ name: "Ema Crosspartnershipfictional", nationality: "Romanian" }]);
    expect(await matchesOf(here!.id)).toEqual([]);
  });

  it("matches name and date of birth when a correction adds the date of birth, whatever the nationality", async () => {
    const { people: [earlier] } = await log(police, [{ name: "Flora Dobfictional", nationality: "Romanian" }]);
    await db.personIdentity.update({ where: { personId: earlier!.id }, data: { dateOfBirth: new Date("1990-02-03T00:00:00Z") } });
    const { people: [later] } = await log(vcas, [{ name: "Flora Dobfictional", nationality: "Moldovan" }]);
    expect(await matchesOf(later!.id)).toEqual([]);

    const corrected = await correctPersonDetails(db, vcas, await correctionForm(vcas, later!.id, { dateOfBirth: "1990-02-03" }));
    expect(corrected).toMatchObject({ ok: true, data: { changed: ["dateOfBirth"] } });
    expect(await matchesOf(later!.id)).toEqual([{ earlierPersonId: earlier!.id, reason: "NAME_AND_DATE_OF_BIRTH", state: "OPEN" }]);
  });
});

describe("what the caseworker logging the rescue sees", () => {
  it("gets the same answer and the same pages whether or not the person matches someone they may not see", async () => {
    await log(police, [{ name: "Gala Hiddenfictional", nationality: "Romanian" }]);
    const matching = await log(salvationArmy, [{ name: "Gala Hiddenfictional", nationality: "Romanian" }]);
    const fresh = await log(salvationArmy, [{ name: "Hana Freshfictional", nationality: "Romanian" }]);
    expect(await matchesOf(matching.people[0]!.id)).toHaveLength(1);
    expect(await matchesOf(fresh.people[0]!.id)).toHaveLength(0);

    // The use case's answer: the same shape and values but for the rescue's own id and reference.
    const shape = (r: typeof matching.result) => (r.ok ? { ...r.data, rescueId: "id", reference: "ref" } : r);
    expect(shape(matching.result)).toEqual(shape(fresh.result));

    // The confirmation page and the person's page read the same, with this person's own values taken out.
    const normalise = (value: unknown, own: string[]) => {
      let text = JSON.stringify(value);
      for (const s of own) text = text.split(s).join("<own>");
      return text.replace(/"\d{4}-\d\d-\d\dT[^"]+"/g, '"<time>"').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<id>");
    };
    const pageOf = async (logged: typeof matching, name: string) => {
      if (!logged.result.ok) throw new Error("not logged");
      const person = logged.people[0]!;
      const rescue = await getRescue(db, salvationArmy, logged.result.data.rescueId);
      const pathway = await getPersonPathway(db, salvationArmy, person.id);
      return normalise({ rescue, pathway }, [name, person.caseReference, logged.result.data.reference]);
    };
    expect(await pageOf(matching, "Gala Hiddenfictional")).toEqual(await pageOf(fresh, "Hana Freshfictional"));
  });
});

describe("the coordinator's check", () => {
  it("lists open matches pseudonymised, with why and the agencies, and never a name", async () => {
    const { people: [earlier] } = await log(police, [{ name: "Ines Listfictional", nationality: "Romanian" }]);
    const { people: [later] } = await log(vcas, [{ name: "Ines Listfictional", nationality: "Romanian" }]);
    const { rows } = await listPossibleMatches(db, coordinator, {});
    const row = rows.find((r) => r.person.personId === later!.id);
    expect(row).toMatchObject({
      reason: "NAME_AND_NATIONALITY",
      state: "OPEN",
      person: { caseReference: later!.caseReference, ageGroup: "ADULT", agencies: expect.arrayContaining([world.agencies.VCAS!.name]) },
      earlier: { caseReference: earlier!.caseReference, agencies: expect.arrayContaining([world.agencies.POLICE!.name]) },
    });
    expect(JSON.stringify(rows)).not.toContain("Listfictional");
    expect(await db.auditEvent.count({ where: { action: "possible_match.list", userId: coordinator.id } })).toBeGreaterThan(0);
  });

  it("refuses caseworkers, leads, the PCC office and the administrator: they can neither list nor decide", async () => {
    const { people: [later] } = await log(vcas, [{ name: "Ines Listfictional", nationality: "Romanian" }]);
    const [match] = await db.possibleMatch.findMany({ where: { personId: later!.id } });
    for (const actor of [vcas, await world.actor("POLICE", "AGENCY_LEAD"), await world.actor("PCC_OFFICE", "PCC_OFFICE"), await world.actor("PARTNERSHIP", "ADMINISTRATOR")]) {
      await expect(listPossibleMatches(db, actor, {})).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getPossibleMatch(db, actor, match!.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(decidePossibleMatch(db, actor, { matchId: match!.id, version: "0", decision: "SAME_PERSON", note: "Checked" })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await db.possibleMatch.findUniqueOrThrow({ where: { id: match!.id } })).state).toBe("OPEN");
  });

  it("does not show another partnership's coordinator the match", async () => {
    const { people: [later] } = await log(vcas, [{ name: "Ines Listfictional", nationality: "Romanian" }]);
    const [match] = await db.possibleMatch.findMany({ where: { personId: later!.id } });
    const elsewhere = await createWorld(db, "rerescue-coord");
    const otherCoordinator = await elsewhere.actor("PARTNERSHIP", "COORDINATOR");
    expect((await listPossibleMatches(db, otherCoordinator, {})).total).toBe(0);
    await expect(getPossibleMatch(db, otherCoordinator, match!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(decidePossibleMatch(db, otherCoordinator, { matchId: match!.id, version: "0", decision: "SAME_PERSON", note: "Checked" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("records 'same person': both cases show it to the coordinator, both timelines say it without naming the other record, the logging agencies' leads are told", async () => {
    const policeLead = await world.actor("POLICE", "AGENCY_LEAD");
    const vcasLead = await world.actor("SALVATION_ARMY", "AGENCY_LEAD");
    const { people: [earlier] } = await log(police, [{ name: "Jana Samefictional", nationality: "Romanian" }]);
    const { people: [later] } = await log(salvationArmy, [{ name: "Jana Samefictional", nationality: "Romanian" }]);
    const [match] = await db.possibleMatch.findMany({ where: { personId: later!.id } });

    expect((await getPseudonymisedCase(db, coordinator, later!.id)).openPossibleMatches).toEqual([{ id: match!.id }]);
    expect(await decidePossibleMatch(db, coordinator, { matchId: match!.id, version: "0", decision: "SAME_PERSON", note: "Same date of birth on the police record" })).toEqual({
      ok: true,
      data: { matchId: match!.id, decision: "SAME_PERSON" },
    });

    const stored = await db.possibleMatch.findUniqueOrThrow({ where: { id: match!.id } });
    expect(stored).toMatchObject({ state: "SAME_PERSON", decidedById: coordinator.id, version: 1 });
    expect(await db.possibleMatchDecision.findMany({ where: { matchId: match!.id }, select: { decision: true, note: true, decidedById: true, undoneAt: true } })).toEqual([
      { decision: "SAME_PERSON", note: "Same date of birth on the police record", decidedById: coordinator.id, undoneAt: null },
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "possible_match.decide", entityId: match!.id } });
    expect(audit.changes).toEqual({ state: { before: "OPEN", after: "SAME_PERSON" } });
    expect(JSON.stringify([audit.changes, audit.entity, audit.entityId])).not.toContain("police record");

    expect((await getPseudonymisedCase(db, coordinator, later!.id)).sameAs).toEqual([{ personId: earlier!.id, caseReference: earlier!.caseReference, rescuedAt: T0 }]);
    expect((await getPseudonymisedCase(db, coordinator, earlier!.id)).sameAs).toEqual([{ personId: later!.id, caseReference: later!.caseReference, rescuedAt: T0 }]);

    // The Salvation Army sees its own person's timeline entry; nothing on its page names the police's earlier record.
    const charityPage = await getPersonPathway(db, salvationArmy, later!.id);
    expect(charityPage.timeline.map((entry) => entry.kind)).toContain("EARLIER_RESCUE_CONFIRMED");
    expect(JSON.stringify(charityPage)).not.toContain(earlier!.caseReference);
    await expect(getPersonPathway(db, salvationArmy, earlier!.id)).rejects.toBeInstanceOf(NotFoundError);
    // Police see the earlier person's entry too.
    expect((await getPersonPathway(db, police, earlier!.id)).timeline.map((entry) => entry.kind)).toContain("EARLIER_RESCUE_CONFIRMED");

    const noticesOf = (userId: string) => db.notification.findMany({ where: { recipientId: userId, kind: "EARLIER_RESCUE_CONFIRMED" } });
    const [vcasNotice] = await noticesOf(vcasLead.id);
    expect(vcasNotice).toMatchObject({ href: `/people/${later!.id}` });
    expect(`${vcasNotice!.title} ${vcasNotice!.body}`).not.toContain(earlier!.caseReference);
    const [policeNotice] = await noticesOf(policeLead.id);
    expect(policeNotice).toMatchObject({ href: `/people/${earlier!.id}` });
    expect(`${policeNotice!.title} ${policeNotice!.body}`).not.toContain(later!.caseReference);

    // Decided once: a second decision (a stale form, a double submit) is refused.
    expect(await decidePossibleMatch(db, coordinator, { matchId: match!.id, version: "1", decision: "NOT_SAME_PERSON", note: "Again" })).toMatchObject({ ok: false, code: "already-decided" });
  });

  it("records 'not the same': no timeline entry, no notice, off the open list", async () => {
    const { people: [later] } = await log(salvationArmy, [{ name: "Jana Samefictional", nationality: "Romanian" }]);
    const matches = await db.possibleMatch.findMany({ where: { personId: later!.id } });
    expect(matches.length).toBeGreaterThan(0);
    for (const match of matches) {
      const result = await decidePossibleMatch(db, coordinator, { matchId: match.id, version: "0", decision: "NOT_SAME_PERSON", note: "Different people: ages differ" });
      expect(result.ok).toBe(true);
    }
    expect(await db.timelineEvent.count({ where: { personId: later!.id, kind: "EARLIER_RESCUE_CONFIRMED" } })).toBe(0);
    const open = await listPossibleMatches(db, coordinator, {});
    expect(open.rows.map((row) => row.person.personId)).not.toContain(later!.id);
  });

  it("refuses a decision without a note, or without an answer, and writes nothing", async () => {
    const { people: [later] } = await log(vcas, [{ name: "Ines Listfictional", nationality: "Romanian" }]);
    const [match] = await db.possibleMatch.findMany({ where: { personId: later!.id } });
    expect(await decidePossibleMatch(db, coordinator, { matchId: match!.id, version: "0", decision: "SAME_PERSON", note: "  " })).toMatchObject({ ok: false, code: "invalid-input", fieldErrors: { note: expect.any(String) } });
    expect(await decidePossibleMatch(db, coordinator, { matchId: match!.id, version: "0", decision: "MAYBE", note: "x" })).toMatchObject({ ok: false, code: "invalid-input", fieldErrors: { decision: expect.any(String) } });
    expect((await db.possibleMatch.findUniqueOrThrow({ where: { id: match!.id } })).state).toBe("OPEN");
  });
});
