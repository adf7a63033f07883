// A person's page reads the whole record in one SQL statement (readPersonRecord), asking the
// visibility rule, the timeline rule and the minimal record (health) in their SQL forms. This test
// keeps it the read Prisma gives with the Prisma forms of those rules (as the page read it before):
// on a generated history shuffled into every shape the rules have a clause for, with children linked
// to parents, notes of every sensitivity by every agency, safety flags, age assessments, placements
// and contacts, every account reads, person by person, exactly what the Prisma read gives it, and
// nothing at all of a person it may not see. The same for the consent record beside it
// (readConsentRecord: decisions, lawful bases, the NRM referral and Duty to Notify).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Random } from "../../prisma/seed/random";
import { generateHistory } from "../../scripts/lib/generate-history";
import type { Prisma } from "../../src/generated/prisma/client";
import type { Actor } from "../../src/server/access/actor";
import { loadActor } from "../../src/server/access/load-actor";
import { readableConsents, readableTimeline, readableTimelineSql, seesMinimalRecord, visiblePeople } from "../../src/server/access/visibility";
import { createPrismaClient } from "../../src/server/db/create-client";
import { readConsentRecord, type ConsentRecord } from "../../src/server/nrm/read-consent-record";
import { readPersonRecord, type PersonRecord } from "../../src/server/people/read-person-record";
import { shuffleHistory } from "../support/shuffled-history";

const db = createPrismaClient();
// Years ahead of every other test's clock: the history's open stages are never overdue for another file's
// escalation sweep, which runs over every partnership of the worker's database (at most 500 stages a
// sweep, oldest first).
const NOW = new Date("2031-06-01T00:00:00Z");
const SLUGS = ["person-sql-a", "person-sql-b"];
const SENSITIVITIES = ["GENERAL", "HEALTH", "POLICE"] as const;
const PURPOSES = ["AGENCY_SHARING", "NRM_REFERRAL", "HEALTH", "ACCOMMODATION", "POLICE_INVESTIGATION", "VCAS_SUPPORT"] as const;

let actors: Actor[] = [];
let people: { id: string; partnershipId: string }[] = [];

/** What the rules' clauses need beyond the visibility shuffle: families, notes by every agency, and the page's other parts. */
async function enrich(partnershipId: string, rng: Random): Promise<void> {
  const staff = await db.user.findMany({
    where: { agency: { partnershipId, kind: { notIn: ["PARTNERSHIP", "PCC_OFFICE"] } } },
    select: { id: true, agencyId: true, role: true },
    orderBy: { email: "asc" },
  });
  const everyone = await db.person.findMany({ where: { rescue: { partnershipId } }, select: { id: true, rescueId: true }, orderBy: { caseReference: "asc" } });

  // Children linked to a parent of the same rescue (visible or not to the reader, independently).
  const byRescue = new Map<string, string[]>();
  for (const person of everyone) byRescue.set(person.rescueId, [...(byRescue.get(person.rescueId) ?? []), person.id]);
  for (const ids of byRescue.values()) {
    if (ids.length < 2 || !rng.chance(0.6)) continue;
    await db.person.updateMany({ where: { id: { in: ids.slice(1).filter(() => rng.chance(0.7)) } }, data: { parentPersonId: ids[0] } });
  }

  // Timeline entries of every sensitivity, written by every agency, notes among them.
  const events = await db.timelineEvent.findMany({ where: { person: { rescue: { partnershipId } } }, select: { id: true }, orderBy: { id: "asc" } });
  for (const event of events) {
    if (!rng.chance(0.5)) continue;
    const writer = rng.pick(staff);
    const note = rng.chance(0.2);
    await db.timelineEvent.update({
      where: { id: event.id },
      data: {
        sensitivity: rng.pick([...SENSITIVITIES]),
        ...(rng.chance(0.5) ? { actorId: writer.id, actorAgencyId: writer.agencyId, actorRole: writer.role } : {}),
        ...(note ? { kind: "NOTE_ADDED", text: `A fictional note ${rng.int(1, 9999)}` } : {}),
      },
    });
  }

  // Safety flags, age assessments, placements (who provides; never the address) and contacts;
  // consent decisions for every purpose (health's among them), lawful bases, NRM referrals and Duty to Notify.
  const current = new Set<string>();
  for (const [n, person] of everyone.entries()) {
    const writer = rng.pick(staff);
    for (let k = rng.chance(0.5) ? rng.int(1, 3) : 0; k > 0; k--) {
      const purpose = rng.pick(PURPOSES);
      const agencyId = purpose === "NRM_REFERRAL" ? null : rng.pick(staff).agencyId;
      // One current decision a purpose and agency (the shuffle recorded some for sharing already).
      const key = `${person.id} ${purpose} ${agencyId}`;
      const superseded = purpose === "AGENCY_SHARING" || current.has(key) || rng.chance(0.2);
      if (!superseded) current.add(key);
      const withdrawn = rng.chance(0.2);
      const interpreter = rng.chance(0.3) ? "A fictional interpreter, booking 123" : null;
      await db.consent.create({
        data: {
          personId: person.id,
          purpose,
          agencyId,
          given: withdrawn || rng.chance(0.6),
          decidedOn: new Date(`2026-0${rng.int(1, 4)}-0${rng.int(1, 9)}`),
          explainedBy: "A Fictional Officer",
          language: rng.pick(["English", "Romanian", "Vietnamese"]),
          interpreter,
          interpreterIndependent: interpreter ? true : null,
          method: rng.pick(["IN_PERSON", "PHONE"] as const),
          recordedById: writer.id,
          recordedByAgencyId: writer.agencyId,
          recordedAt: new Date(NOW.getTime() - rng.int(1, 9_000_000) * 1000),
          ...(withdrawn ? { withdrawnOn: new Date("2026-05-01"), withdrawnById: writer.id, withdrawnAt: NOW } : {}),
          ...(superseded ? { supersededAt: NOW } : {}),
        },
      });
    }
    if (rng.chance(0.2)) {
      const purpose = rng.pick(PURPOSES);
      await db.sharingBasis.create({
        data: {
          personId: person.id,
          purpose,
          agencyId: purpose === "NRM_REFERRAL" ? null : rng.pick(staff).agencyId,
          basis: rng.pick(["SAFEGUARDING_ADULT", "CRIME_PREVENTION", "VITAL_INTERESTS"] as const),
          decidedBy: "A Fictional Lead",
          reason: "A fictional reason",
          decidedOn: new Date("2026-03-03"),
          recordedById: writer.id,
          recordedByAgencyId: writer.agencyId,
        },
      });
    }
    if (rng.chance(0.3)) {
      const decided = rng.chance(0.6);
      await db.nrmReferral.create({
        data: {
          personId: person.id,
          submittedOn: new Date("2026-02-01"),
          homeOfficeReference: `NRM-2026-${String(rng.int(0, 99) * 10_000 + n).padStart(6, "0")}`,
          submittedByAgencyId: writer.agencyId,
          recordedById: writer.id,
          ...(decided ? { reasonableGrounds: "POSITIVE" as const, reasonableGroundsOn: new Date("2026-02-10") } : {}),
          ...(decided && rng.chance(0.5) ? { conclusiveGrounds: rng.pick(["POSITIVE", "NEGATIVE"] as const), conclusiveGroundsOn: new Date("2026-04-01") } : {}),
        },
      });
    }
    if (rng.chance(0.15)) {
      await db.timelineEvent.create({
        data: { personId: person.id, kind: "DUTY_TO_NOTIFY_SENT", actorId: writer.id, actorAgencyId: writer.agencyId, actorRole: writer.role, occurredAt: new Date(NOW.getTime() - rng.int(1, 9_000_000) * 1000) },
      });
    }
    if (rng.chance(0.3)) {
      await db.personSafety.create({
        data: {
          personId: person.id,
          updatedById: writer.id,
          tippingOffRisk: rng.chance(0.5),
          reTraffickingRisk: rng.chance(0.5),
          doNotDiscloseWhereabouts: rng.chance(0.5),
          safeContact: rng.chance(0.5) ? "Via the fictional support worker" : null,
          neverContact: rng.chance(0.3) ? "Not through the fictional employer" : null,
        },
      });
    }
    for (let n = rng.chance(0.25) ? rng.int(1, 2) : 0; n > 0; n--) {
      await db.ageAssessment.create({
        data: {
          personId: person.id,
          outcome: rng.pick(["ADULT", "CHILD"] as const),
          assessedOn: new Date(`2026-0${rng.int(1, 5)}-1${rng.int(0, 9)}`),
          assessedBy: "A Fictional Social Worker",
          mertonCompliant: rng.chance(0.5),
          recordedById: writer.id,
          recordedByAgencyId: writer.agencyId,
          recordedAt: new Date(NOW.getTime() - rng.int(1, 9_000_000) * 1000),
        },
      });
    }
    if (rng.chance(0.3)) {
      await db.accommodationPlacement.create({
        data: { personId: person.id, providerAgencyId: rng.pick(staff).agencyId, address: "1 Fictional Row, Nowhere", recordedById: writer.id },
      });
    }
    for (let n = rng.chance(0.4) ? rng.int(1, 3) : 0; n > 0; n--) {
      await db.contact.create({
        data: {
          personId: person.id,
          agencyId: writer.agencyId,
          recordedById: writer.id,
          occurredAt: new Date(NOW.getTime() - rng.int(1, 5_000_000) * 1000),
          method: "PHONE",
          outcome: rng.pick(["MADE", "ATTEMPTED"] as const),
        },
      });
    }
  }
}

beforeAll(async () => {
  const rng = new Random(20261204);
  for (const [i, slug] of SLUGS.entries()) {
    const { partnershipId } = await generateHistory(db, { people: i === 0 ? 120 : 30, seed: 31 + i, months: 3, now: NOW, slug, batchPeople: 120, force: true });
    await shuffleHistory(db, partnershipId, rng, NOW);
    await enrich(partnershipId, rng);
  }
  const users = await db.user.findMany({ where: { agency: { partnership: { slug: { in: SLUGS } } } }, select: { id: true }, orderBy: { email: "asc" } });
  actors = (await Promise.all(users.map((user) => loadActor(db, user.id)))).filter((actor): actor is Actor => actor !== null);
  people = (
    await db.person.findMany({ where: { rescue: { partnership: { slug: { in: SLUGS } } } }, select: { id: true, rescue: { select: { partnershipId: true } } } })
  ).map((person) => ({ id: person.id, partnershipId: person.rescue.partnershipId }));
}, 240_000);

afterAll(async () => {
  await db.$disconnect();
});

const LINK_SELECT = { id: true, caseReference: true, identity: { select: { name: true, description: true } } } as const;

/** The same record through Prisma and the Prisma forms of the rules: the page's read before it was SQL. */
async function prismaRecord(actor: Actor, personId: string, withRescuePeople: boolean): Promise<PersonRecord | null> {
  const minimal = seesMinimalRecord(actor);
  const person = await db.person.findFirst({
    where: { AND: [{ id: personId }, visiblePeople(actor)] },
    select: {
      id: true,
      caseReference: true,
      ageGroup: true,
      gender: true,
      nationalityCode: true,
      nationalityUnmatched: true,
      languages: true,
      interpreterNeeded: true,
      exploitationType: true,
      exploitationLocation: true,
      countyLines: true,
      ageAtExploitation: true,
      referrerType: true,
      immediateNeeds: true,
      closedAt: true,
      closeReason: true,
      reopenedAt: true,
      version: true,
      parentPersonId: true,
      identity: { select: { name: true, description: true, dateOfBirth: true } },
      safety: { select: { safeContact: true, neverContact: true, tippingOffRisk: true, reTraffickingRisk: true, doNotDiscloseWhereabouts: true } },
      ageAssessments: {
        select: { outcome: true, assessedOn: true, assessedBy: true, mertonCompliant: true, recordedAt: true, recordedByAgency: { select: { name: true, retiredAt: true } } },
        orderBy: { recordedAt: "desc" },
      },
      rescue: {
        select: {
          id: true,
          reference: true,
          occurredAt: true,
          place: true,
          operationReference: true,
          loggedByAgencyId: true,
          loggedByAgency: { select: { name: true, retiredAt: true } },
          partnership: { select: { contactGapHours: true } },
          people: {
            where: withRescuePeople ? { AND: [{ id: { not: personId } }, visiblePeople(actor)] } : { id: { in: [] } },
            select: LINK_SELECT,
            orderBy: { caseReference: "asc" },
          },
        },
      },
      dependants: { where: visiblePeople(actor), select: LINK_SELECT, orderBy: { caseReference: "asc" } },
      _count: { select: { dependants: true } },
      contacts: { where: { outcome: "MADE" }, select: { occurredAt: true }, orderBy: { occurredAt: "desc" }, take: 1 },
      accommodation: { select: { providerAgencyId: true, recordedAt: true, providerAgency: { select: { name: true } } } },
      template: { select: { version: true, atRiskPercent: true } },
      stages: {
        select: {
          id: true,
          ownerAgencyId: true,
          state: true,
          dueAt: true,
          startedAt: true,
          completedAt: true,
          pausedAt: true,
          pausedMs: true,
          clockStartedAt: true,
          closingReason: true,
          nrmDecision: true,
          version: true,
          templateStage: { select: { key: true, title: true, description: true, targetValue: true, targetUnit: true } },
          ownerAgency: { select: { name: true, retiredAt: true } },
        },
        orderBy: [{ templateStage: { sortOrder: "asc" } }, { id: "asc" }],
      },
      timeline: {
        where: readableTimeline(actor),
        select: {
          id: true,
          kind: true,
          text: true,
          sensitivity: true,
          occurredAt: true,
          actor: { select: { name: true, agency: { select: { name: true, retiredAt: true } } } },
          stage: { select: { templateStage: { select: { title: true } } } },
        },
        orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      },
    },
  });
  if (!person) return null;
  const { _count, contacts, ...rest } = person;
  // What a minimal-record reader may not read: never selected by the SQL read.
  const hidden = <T>(value: T) => (minimal ? null : value);
  return {
    ...rest,
    nationalityCode: hidden(rest.nationalityCode),
    nationalityUnmatched: hidden(rest.nationalityUnmatched),
    exploitationType: hidden(rest.exploitationType),
    exploitationLocation: hidden(rest.exploitationLocation),
    countyLines: hidden(rest.countyLines),
    ageAtExploitation: hidden(rest.ageAtExploitation),
    referrerType: hidden(rest.referrerType),
    rescue: { ...rest.rescue, place: hidden(rest.rescue.place), operationReference: hidden(rest.rescue.operationReference) },
    stages: rest.stages.map((stage) => ({ ...stage, closingReason: hidden(stage.closingReason), nrmDecision: hidden(stage.nrmDecision) })),
    dependantCount: _count.dependants,
    lastContactMadeAt: contacts[0]?.occurredAt ?? null,
  };
}

/** The consent record through Prisma: getConsentAndNrm's read before it was SQL. */
async function prismaConsentRecord(actor: Actor, personId: string): Promise<ConsentRecord | null> {
  const minimal = seesMinimalRecord(actor);
  const person = await db.person.findFirst({
    where: { AND: [{ id: personId }, visiblePeople(actor)] },
    select: {
      id: true,
      caseReference: true,
      identity: { select: { name: true, description: true } },
      ageGroup: true,
      closedAt: true,
      consents: {
        where: readableConsents(actor),
        select: {
          id: true,
          purpose: true,
          given: true,
          decidedOn: true,
          explainedBy: true,
          language: true,
          interpreter: true,
          method: true,
          withdrawnOn: true,
          supersededAt: true,
          agency: { select: { name: true, retiredAt: true } },
          recordedByAgency: { select: { name: true, retiredAt: true } },
          withdrawnBy: { select: { name: true } },
        },
        orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
      },
      sharingBases: {
        where: readableConsents(actor),
        select: { id: true, purpose: true, basis: true, decidedBy: true, reason: true, decidedOn: true, agency: { select: { name: true, retiredAt: true } } },
        orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
      },
      timeline: { where: { kind: "DUTY_TO_NOTIFY_SENT" }, select: { occurredAt: true }, orderBy: { occurredAt: "asc" }, take: 1 },
      nrmReferral: {
        select: {
          homeOfficeReference: true,
          submittedOn: true,
          submittedByAgencyId: true,
          submittedByAgency: { select: { name: true, retiredAt: true } },
          reasonableGrounds: true,
          reasonableGroundsOn: true,
          conclusiveGrounds: true,
          conclusiveGroundsOn: true,
          reconsiderationOf: true,
          reconsiderationRequestedOn: true,
        },
      },
    },
  });
  if (!person) return null;
  const { timeline, nrmReferral, ...rest } = person;
  return { ...rest, dutyToNotifySentAt: timeline[0]?.occurredAt ?? null, nrmReferral: minimal ? null : nrmReferral };
}

describe("a person's record in SQL", () => {
  it("is, for every account and person of both partnerships, exactly the record the Prisma read gives, and nothing for a person the account may not see", async () => {
    expect(actors.length).toBeGreaterThanOrEqual(14);
    const seen = { people: 0, minimal: 0, hidden: 0, children: 0, hiddenChildren: 0, rescuePeople: 0, timeline: 0, safety: 0, placements: 0, assessments: 0, contacts: 0, consents: 0, bases: 0, referrals: 0, dutyToNotify: 0, minimalConsents: 0 };
    for (const actor of actors) {
      for (const [n, person] of people.entries()) {
        // Every person of the actor's own partnership, and a sample of the other's (all "not found").
        if (person.partnershipId !== actor.partnershipId && n % 5 !== 0) continue;
        const withRescuePeople = n % 2 === 0;
        const label = `${actor.role} of ${actor.agencyName}, person ${person.id}`;
        const sql = await readPersonRecord(db, actor, person.id, { withRescuePeople });
        expect(sql, label).toEqual(await prismaRecord(actor, person.id, withRescuePeople));
        if (!sql) continue;
        seen.people += 1;
        if (seesMinimalRecord(actor)) seen.minimal += 1;
        seen.children += sql.dependants.length;
        seen.hiddenChildren += sql.dependantCount - sql.dependants.length;
        seen.rescuePeople += sql.rescue.people.length;
        seen.timeline += sql.timeline.length;
        seen.safety += sql.safety ? 1 : 0;
        seen.placements += sql.accommodation ? 1 : 0;
        seen.assessments += sql.ageAssessments.length;
        seen.contacts += sql.lastContactMadeAt ? 1 : 0;
        const consent = await readConsentRecord(db, actor, person.id);
        expect(consent, label).toEqual(await prismaConsentRecord(actor, person.id));
        seen.consents += consent!.consents.length;
        seen.bases += consent!.sharingBases.length;
        seen.referrals += consent!.nrmReferral ? 1 : 0;
        seen.dutyToNotify += consent!.dutyToNotifySentAt ? 1 : 0;
        if (seesMinimalRecord(actor)) seen.minimalConsents += consent!.consents.length;
      }
    }
    // Nobody but agency staff reads a person record at all.
    for (const actor of actors.filter((candidate) => candidate.role !== "CASEWORKER" && candidate.role !== "AGENCY_LEAD")) {
      expect(await readConsentRecord(db, actor, people[0]!.id), actor.role).toBeNull();
    }
    for (const actor of actors.filter((candidate) => candidate.role !== "CASEWORKER" && candidate.role !== "AGENCY_LEAD")) {
      expect(await readPersonRecord(db, actor, people[0]!.id, { withRescuePeople: true }), actor.role).toBeNull();
    }
    const total = people.filter((person) => actors.some((actor) => actor.partnershipId === person.partnershipId)).length;
    seen.hidden = actors.length * total - seen.people;
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(10);
  }, 240_000);

  it("reads the timeline entries the Prisma rule reads, for every account, every entry of every person", async () => {
    let compared = 0;
    for (const actor of actors) {
      const where = { person: { rescue: { partnershipId: actor.partnershipId } } } satisfies Prisma.TimelineEventWhereInput;
      const prisma = await db.timelineEvent.findMany({ where: { AND: [where, readableTimeline(actor)] }, select: { id: true }, orderBy: { id: "asc" } });
      const sql = await db.$queryRaw<{ id: string }[]>`
        SELECT e."id" FROM "TimelineEvent" e JOIN "Person" p ON p."id" = e."personId" JOIN "Rescue" r ON r."id" = p."rescueId"
         WHERE r."partnershipId" = ${actor.partnershipId}::uuid AND ${readableTimelineSql(actor)} ORDER BY e."id"`;
      const all = await db.timelineEvent.count({ where });
      expect(sql.map((row) => row.id), `${actor.role} of ${actor.agencyName}`).toEqual(prisma.map((row) => row.id));
      // The rule decides: some entries are read, some are not.
      if (actor.role === "CASEWORKER" || actor.role === "AGENCY_LEAD") {
        expect(prisma.length, `${actor.role} of ${actor.agencyName}`).toBeGreaterThan(0);
        expect(prisma.length, `${actor.role} of ${actor.agencyName}`).toBeLessThan(all);
      }
      compared += all;
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
