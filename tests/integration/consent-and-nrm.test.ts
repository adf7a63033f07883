// Consent per purpose and agency, its withdrawal, lawful bases, and the NRM referral followed to its
// decisions (issue 13). Every refusal is checked at its field with nothing written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/server/access/actor";
import { createPrismaClient } from "../../src/server/db/create-client";
import { NotFoundError } from "../../src/server/errors";
import { getConsentAndNrm } from "../../src/server/nrm/get-consent-and-nrm";
import { recordConsent } from "../../src/server/nrm/record-consent";
import { recordNrmDecision } from "../../src/server/nrm/record-nrm-decision";
import { recordNrmReferral } from "../../src/server/nrm/record-nrm-referral";
import { recordSharingBasis } from "../../src/server/nrm/record-sharing-basis";
import { requestNrmReconsideration } from "../../src/server/nrm/request-nrm-reconsideration";
import { withdrawConsent } from "../../src/server/nrm/withdraw-consent";
import { getPersonPathway } from "../../src/server/people/get-person-pathway";
import { getAgencyQueue } from "../../src/server/queue/get-agency-queue";
import { logOnePerson } from "../support/log-person";
import { createWorld, minute, type World } from "../support/world";

const db = createPrismaClient();
// Rescue on Monday 2 November 2026; "now" is Friday 20 November.
const T0 = minute("2026-11-02T10:00:00Z");
const NOW = new Date("2026-11-20T12:00:00Z");

let world: World;
let police: Actor;
let council: Actor;
let army: Actor;
let health: Actor;

async function adult(name = "Ilinca Fictional") {
  return logOnePerson(db, police, { t0: T0, now: new Date(T0.getTime() + 60_000), person: { name, interpreterNeeded: "yes" } });
}

const consentForm = (personId: string, overrides: Record<string, unknown> = {}) => ({
  personId,
  purpose: "NRM_REFERRAL",
  decision: "GIVEN",
  decidedOn: "04/11/2026",
  explainedBy: "PC Example, first responder",
  language: "Romanian",
  interpreterUsed: "yes",
  interpreter: "Booking ref LANG-0042 (fictional)",
  interpreterIndependent: "yes",
  method: "IN_PERSON",
  ...overrides,
});

/** The Salvation Army works with the person once a stage is referred to it. */
async function armySees(person: Awaited<ReturnType<typeof adult>>) {
  await db.referral.create({ data: { stageId: person.stage("accommodation").id, fromAgencyId: council.agencyId, toAgencyId: army.agencyId, referredById: council.id } });
}

async function writes(personId: string) {
  const [consents, bases, referrals, timeline] = await Promise.all([
    db.consent.count({ where: { personId } }),
    db.sharingBasis.count({ where: { personId } }),
    db.nrmReferral.findUnique({ where: { personId } }),
    db.timelineEvent.count({ where: { personId } }),
  ]);
  return { consents, bases, referral: JSON.stringify(referrals), timeline };
}

/** Runs a refused call and proves it wrote nothing. */
async function refusedWithNothingWritten(personId: string, call: () => Promise<unknown>) {
  const before = await writes(personId);
  const result = (await call()) as { ok: boolean; code?: string; fieldErrors?: Record<string, string> };
  expect(result.ok).toBe(false);
  expect(await writes(personId)).toEqual(before);
  return result as { ok: false; code: string; fieldErrors: Record<string, string>; formError?: string };
}

beforeAll(async () => {
  world = await createWorld(db, "nrm");
  police = await world.actor("POLICE");
  council = await world.actor("COUNCIL_SAFEGUARDING");
  army = await world.actor("SALVATION_ARMY");
  health = await world.actor("HEALTH");
});

afterAll(async () => {
  await db.$disconnect();
});

describe("recording consent", () => {
  it("police record an adult's consent to the NRM, explained through an independent interpreter, on the timeline and audited", async () => {
    const person = await adult();
    const result = await recordConsent(db, police, consentForm(person.personId), NOW);
    expect(result).toEqual({ ok: true, data: { personId: person.personId } });
    const row = await db.consent.findFirstOrThrow({ where: { personId: person.personId } });
    expect(row).toMatchObject({ purpose: "NRM_REFERRAL", agencyId: null, given: true, interpreter: "Booking ref LANG-0042 (fictional)", interpreterIndependent: true, method: "IN_PERSON", recordedById: police.id });
    expect(row.decidedOn.toISOString().slice(0, 10)).toBe("2026-11-04");
    const entry = await db.timelineEvent.findFirstOrThrow({ where: { personId: person.personId, kind: "CONSENT_RECORDED" } });
    expect(entry).toMatchObject({ actorId: police.id, actorAgencyId: police.agencyId });
    expect(entry.text).toContain("given on 04 Nov 2026");
    expect(await db.auditEvent.count({ where: { entityId: person.personId, action: "consent.record", userId: police.id } })).toBe(1);
  });

  it("refuses an interpreter who came with the person, and an interpreter with no name or booking, at their fields", async () => {
    const person = await adult();
    const companion = await refusedWithNothingWritten(person.personId, () => recordConsent(db, police, consentForm(person.personId, { interpreterIndependent: "no" }), NOW));
    expect(companion.fieldErrors.interpreterIndependent).toMatch(/independent professional interpreter/);
    const unnamed = await refusedWithNothingWritten(person.personId, () => recordConsent(db, police, consentForm(person.personId, { interpreter: "  " }), NOW));
    expect(unnamed.fieldErrors.interpreter).toMatch(/name or booking reference/);
  });

  it("refuses a date before the rescue and a date in the future at the date field", async () => {
    const person = await adult();
    const early = await refusedWithNothingWritten(person.personId, () => recordConsent(db, police, consentForm(person.personId, { decidedOn: "01/11/2026" }), NOW));
    expect(early.fieldErrors.decidedOn).toBe("The date cannot be before the rescue (02 Nov 2026)");
    const future = await refusedWithNothingWritten(person.personId, () => recordConsent(db, police, consentForm(person.personId, { decidedOn: "21/11/2026" }), NOW));
    expect(future.fieldErrors.decidedOn).toBe("The date cannot be in the future");
    const notADay = await refusedWithNothingWritten(person.personId, () => recordConsent(db, police, consentForm(person.personId, { decidedOn: "31/02/2026" }), NOW));
    expect(notADay.fieldErrors.decidedOn).toMatch(/real date/);
  });

  it("sharing consent names the agencies it is for; an agency of another partnership is refused", async () => {
    const person = await adult();
    const none = await refusedWithNothingWritten(person.personId, () => recordConsent(db, police, consentForm(person.personId, { purpose: "AGENCY_SHARING" }), NOW));
    expect(none.fieldErrors.agencyIds).toMatch(/Choose the agencies/);
    const other = await createWorld(db, "nrm-other");
    const foreign = await refusedWithNothingWritten(person.personId, () =>
      recordConsent(db, police, consentForm(person.personId, { purpose: "AGENCY_SHARING", agencyIds: [other.agencies.HEALTH!.id] }), NOW),
    );
    expect(foreign.fieldErrors.agencyIds).toBe("Choose agencies from the list");
  });

  it("only police and councils record consent: the Salvation Army and health are refused", async () => {
    const person = await adult();
    await armySees(person);
    for (const actor of [army, health]) {
      const result = await refusedWithNothingWritten(person.personId, () => recordConsent(db, actor, consentForm(person.personId), NOW));
      expect(result.code).toBe("not-first-responder");
    }
    const byCouncil = await recordConsent(db, council, consentForm(person.personId), NOW);
    expect(byCouncil.ok).toBe(true);
  });

  it("a child is never asked to consent to the NRM, and is referred without consent", async () => {
    const child = await logOnePerson(db, police, { t0: T0, now: new Date(T0.getTime() + 60_000), person: { ageGroup: "CHILD", interpreterNeeded: "no" } });
    const asked = await refusedWithNothingWritten(child.personId, () => recordConsent(db, police, consentForm(child.personId), NOW));
    expect(asked.fieldErrors.purpose).toMatch(/Children never need consent/);
    const view = await getConsentAndNrm(db, army, child.personId, NOW).catch(() => null);
    // The Salvation Army does not work with this child yet; council (children's services) refers.
    expect(view).toBeNull();
    const councilView = await getConsentAndNrm(db, council, child.personId, NOW);
    expect(councilView.purposes).not.toContain("NRM_REFERRAL");
    expect(councilView.canSubmitReferral).toBe(true);
    const referred = await recordNrmReferral(db, council, { personId: child.personId, submittedOn: "03/11/2026", homeOfficeReference: "NRM-2026-100001" }, NOW);
    expect(referred.ok).toBe(true);
  });
});

describe("the NRM referral", () => {
  it("refuses an adult's referral without consent, then records it with consent; bad references and dates are refused at their fields", async () => {
    const person = await adult();
    await armySees(person);
    const noConsent = await refusedWithNothingWritten(person.personId, () =>
      recordNrmReferral(db, army, { personId: person.personId, submittedOn: "05/11/2026", homeOfficeReference: "NRM-2026-200001" }, NOW),
    );
    expect(noConsent.code).toBe("consent-needed");

    expect((await recordConsent(db, police, consentForm(person.personId), NOW)).ok).toBe(true);

    for (const reference of ["2026-200001", "NRM-26-200001", "NRM-2026-20001X", "NRM 2026 200001"]) {
      const bad = await refusedWithNothingWritten(person.personId, () => recordNrmReferral(db, army, { personId: person.personId, submittedOn: "05/11/2026", homeOfficeReference: reference }, NOW));
      expect(bad.fieldErrors.homeOfficeReference).toBe("Enter the Home Office reference in the format NRM-2026-004512");
    }
    const beforeConsent = await refusedWithNothingWritten(person.personId, () =>
      recordNrmReferral(db, army, { personId: person.personId, submittedOn: "03/11/2026", homeOfficeReference: "NRM-2026-200001" }, NOW),
    );
    expect(beforeConsent.fieldErrors.submittedOn).toBe("The referral cannot be before the person consented (04 Nov 2026)");
    const future = await refusedWithNothingWritten(person.personId, () =>
      recordNrmReferral(db, army, { personId: person.personId, submittedOn: "23/11/2026", homeOfficeReference: "NRM-2026-200001" }, NOW),
    );
    expect(future.fieldErrors.submittedOn).toBe("The date cannot be in the future");

    const recorded = await recordNrmReferral(db, army, { personId: person.personId, submittedOn: "05/11/2026", homeOfficeReference: " nrm-2026-200001 " }, NOW);
    expect(recorded.ok).toBe(true);
    const row = await db.nrmReferral.findUniqueOrThrow({ where: { personId: person.personId } });
    expect(row).toMatchObject({ homeOfficeReference: "NRM-2026-200001", submittedByAgencyId: army.agencyId });

    const again = await refusedWithNothingWritten(person.personId, () =>
      recordNrmReferral(db, army, { personId: person.personId, submittedOn: "05/11/2026", homeOfficeReference: "NRM-2026-200002" }, NOW),
    );
    expect(again.code).toBe("already-referred");

    const other = await adult();
    await recordConsent(db, police, consentForm(other.personId), NOW);
    const taken = await refusedWithNothingWritten(other.personId, () =>
      recordNrmReferral(db, police, { personId: other.personId, submittedOn: "05/11/2026", homeOfficeReference: "NRM-2026-200001" }, NOW),
    );
    expect(taken.fieldErrors.homeOfficeReference).toMatch(/recorded for another person already/);
  });

  it("health may not submit a referral (not a First Responder here)", async () => {
    const person = await adult();
    await recordConsent(db, police, consentForm(person.personId), NOW);
    const result = await refusedWithNothingWritten(person.personId, () =>
      recordNrmReferral(db, health, { personId: person.personId, submittedOn: "05/11/2026", homeOfficeReference: "NRM-2026-300001" }, NOW),
    );
    expect(result.code).toBe("not-first-responder");
  });

  it("follows the decisions: the Reasonable Grounds decision is due in the owner's queue, refusals at their fields, recovery and move-on end dates", async () => {
    const person = await adult();
    await recordConsent(db, police, consentForm(person.personId), NOW);
    // Submitted Monday 16 November: Reasonable Grounds expected 5 working days later, Monday 23 November.
    expect((await recordNrmReferral(db, police, { personId: person.personId, submittedOn: "16/11/2026", homeOfficeReference: "NRM-2026-400001" }, NOW)).ok).toBe(true);

    const queue = await getAgencyQueue(db, police, "all", NOW);
    const due = queue.milestones.find((item) => item.personId === person.personId);
    expect(due?.text).toBe("Reasonable Grounds decision expected in 1 working day");
    // It is not another agency's queue item.
    expect((await getAgencyQueue(db, council, "all", NOW)).milestones.some((item) => item.personId === person.personId)).toBe(false);

    const cgFirst = await refusedWithNothingWritten(person.personId, () =>
      recordNrmDecision(db, police, { personId: person.personId, decision: "CONCLUSIVE_GROUNDS", outcome: "POSITIVE", decidedOn: "19/11/2026" }, NOW),
    );
    expect(cgFirst.fieldErrors.decision).toMatch(/positive Reasonable Grounds decision: record that first/);
    const beforeReferral = await refusedWithNothingWritten(person.personId, () =>
      recordNrmDecision(db, police, { personId: person.personId, decision: "REASONABLE_GROUNDS", outcome: "POSITIVE", decidedOn: "13/11/2026" }, NOW),
    );
    expect(beforeReferral.fieldErrors.decidedOn).toBe("A decision cannot be before the referral (16 Nov 2026)");
    const future = await refusedWithNothingWritten(person.personId, () =>
      recordNrmDecision(db, police, { personId: person.personId, decision: "REASONABLE_GROUNDS", outcome: "POSITIVE", decidedOn: "2026-11-27" }, NOW),
    );
    expect(future.fieldErrors.decidedOn).toBe("The date cannot be in the future");
    const notOwner = await refusedWithNothingWritten(person.personId, () =>
      recordNrmDecision(db, council, { personId: person.personId, decision: "REASONABLE_GROUNDS", outcome: "POSITIVE", decidedOn: "19/11/2026" }, NOW),
    );
    expect(notOwner.code).toBe("not-owner");

    expect((await recordNrmDecision(db, police, { personId: person.personId, decision: "REASONABLE_GROUNDS", outcome: "POSITIVE", decidedOn: "19/11/2026" }, NOW)).ok).toBe(true);
    const twice = await refusedWithNothingWritten(person.personId, () =>
      recordNrmDecision(db, police, { personId: person.personId, decision: "REASONABLE_GROUNDS", outcome: "NEGATIVE", decidedOn: "19/11/2026" }, NOW),
    );
    expect(twice.code).toBe("already-decided");
    const view = await getConsentAndNrm(db, police, person.personId, NOW);
    const recovery = view.milestones.find((milestone) => milestone.key === "recovery-period");
    expect(recovery?.detail).toContain("to 19 Dec 2026");
    expect((await getAgencyQueue(db, police, "all", NOW)).milestones.some((item) => item.personId === person.personId)).toBe(false);

    // Conclusive Grounds: at least 30 days after Reasonable Grounds (here "now" is later).
    const later = new Date("2027-01-25T12:00:00Z");
    const tooSoon = await refusedWithNothingWritten(person.personId, () =>
      recordNrmDecision(db, police, { personId: person.personId, decision: "CONCLUSIVE_GROUNDS", outcome: "POSITIVE", decidedOn: "18/12/2026" }, later),
    );
    expect(tooSoon.fieldErrors.decidedOn).toMatch(/at least 30 days after the Reasonable Grounds one: not before 19 Dec 2026/);
    expect((await recordNrmDecision(db, police, { personId: person.personId, decision: "CONCLUSIVE_GROUNDS", outcome: "POSITIVE", decidedOn: "20/01/2027" }, later)).ok).toBe(true);
    const after = await getConsentAndNrm(db, police, person.personId, later);
    expect(after.milestones.find((milestone) => milestone.key === "conclusive-grounds")?.detail).toContain("waited 65 days from referral");
    expect(after.milestones.find((milestone) => milestone.key === "move-on")?.detail).toContain("to 06 Mar 2027");
    const positive = await refusedWithNothingWritten(person.personId, () =>
      requestNrmReconsideration(db, police, { personId: person.personId, decision: "CONCLUSIVE_GROUNDS", requestedOn: "21/01/2027" }, later),
    );
    expect(positive.fieldErrors.decision).toBe("Reconsideration can be asked only of a negative decision");
    const timeline = await db.timelineEvent.findMany({ where: { personId: person.personId, kind: "NRM_DECISION_RECORDED" }, select: { actorId: true } });
    expect(timeline).toEqual([{ actorId: police.id }, { actorId: police.id }]);
    expect(await db.auditEvent.count({ where: { entityId: person.personId, action: "nrm.decision_record", outcome: "allowed" } })).toBe(2);
  });

  it("a negative decision can be asked to be reconsidered, not before it was made", async () => {
    const person = await adult();
    await recordConsent(db, police, consentForm(person.personId), NOW);
    await recordNrmReferral(db, police, { personId: person.personId, submittedOn: "09/11/2026", homeOfficeReference: "NRM-2026-500001" }, NOW);
    await recordNrmDecision(db, police, { personId: person.personId, decision: "REASONABLE_GROUNDS", outcome: "NEGATIVE", decidedOn: "13/11/2026" }, NOW);
    const cg = await refusedWithNothingWritten(person.personId, () =>
      recordNrmDecision(db, police, { personId: person.personId, decision: "CONCLUSIVE_GROUNDS", outcome: "POSITIVE", decidedOn: "19/11/2026" }, NOW),
    );
    expect(cg.fieldErrors.decision).toMatch(/positive Reasonable Grounds/);
    const early = await refusedWithNothingWritten(person.personId, () =>
      requestNrmReconsideration(db, police, { personId: person.personId, decision: "REASONABLE_GROUNDS", requestedOn: "12/11/2026" }, NOW),
    );
    expect(early.fieldErrors.requestedOn).toBe("The request cannot be before the decision (13 Nov 2026)");
    expect((await requestNrmReconsideration(db, police, { personId: person.personId, decision: "REASONABLE_GROUNDS", requestedOn: "16/11/2026" }, NOW)).ok).toBe(true);
    const view = await getConsentAndNrm(db, police, person.personId, NOW);
    expect(view.milestones.at(-1)).toMatchObject({ key: "reconsideration", detail: "Of the Reasonable Grounds decision, requested 16 Nov 2026" });
  });
});

describe("withdrawal of consent", () => {
  it("withdrawn NRM consent stops an NRM referral being recorded from then on", async () => {
    const person = await adult();
    await recordConsent(db, police, consentForm(person.personId), NOW);
    const consent = await db.consent.findFirstOrThrow({ where: { personId: person.personId } });
    const early = await refusedWithNothingWritten(person.personId, () => withdrawConsent(db, police, { consentId: consent.id, withdrawnOn: "03/11/2026" }, NOW));
    expect(early.fieldErrors.withdrawnOn).toBe("The date cannot be before the consent was given (04 Nov 2026)");
    const future = await refusedWithNothingWritten(person.personId, () => withdrawConsent(db, police, { consentId: consent.id, withdrawnOn: "30/11/2026" }, NOW));
    expect(future.fieldErrors.withdrawnOn).toBe("The date cannot be in the future");

    expect((await withdrawConsent(db, police, { consentId: consent.id, withdrawnOn: "06/11/2026" }, NOW)).ok).toBe(true);
    expect(await db.consent.findUniqueOrThrow({ where: { id: consent.id } })).toMatchObject({ withdrawnById: police.id });
    const twice = await refusedWithNothingWritten(person.personId, () => withdrawConsent(db, police, { consentId: consent.id, withdrawnOn: "06/11/2026" }, NOW));
    expect(twice.code).toBe("not-withdrawable");

    const referral = await refusedWithNothingWritten(person.personId, () =>
      recordNrmReferral(db, police, { personId: person.personId, submittedOn: "07/11/2026", homeOfficeReference: "NRM-2026-600001" }, NOW),
    );
    expect(referral.code).toBe("consent-needed");
    expect(referral.formError).toMatch(/withdrew their consent/);
    const view = await getConsentAndNrm(db, police, person.personId, NOW);
    expect(view.consents[0]).toMatchObject({ withdrawnOn: { year: 2026, month: 11, day: 6 }, withdrawnByName: police.name });
    expect(view.canSubmitReferral).toBe(false);
    expect(await db.timelineEvent.count({ where: { personId: person.personId, kind: "CONSENT_WITHDRAWN", actorId: police.id } })).toBe(1);
  });

  it("withdrawn consent to share with health: health stops seeing the person (page and queue) until a lawful basis is recorded", async () => {
    const person = await adult("Distinct Withdrawal Fictional");
    await recordConsent(db, police, consentForm(person.personId, { purpose: "AGENCY_SHARING", agencyIds: [health.agencyId, council.agencyId] }), NOW);
    const seen = await getPersonPathway(db, health, person.personId);
    expect(seen.id).toBe(person.personId);
    const healthQueue = async () => (await getAgencyQueue(db, health, "all", NOW)).stages.filter((row) => row.personId === person.personId).length;
    expect(await healthQueue()).toBeGreaterThan(0);

    const consent = await db.consent.findFirstOrThrow({ where: { personId: person.personId, agencyId: health.agencyId } });
    expect((await withdrawConsent(db, police, { consentId: consent.id, withdrawnOn: "10/11/2026" }, NOW)).ok).toBe(true);
    await expect(getPersonPathway(db, health, person.personId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await healthQueue()).toBe(0);
    // Council's consent stands: council still sees the person. Police logged the rescue and keep their record.
    expect((await getPersonPathway(db, council, person.personId)).id).toBe(person.personId);
    expect((await getPersonPathway(db, police, person.personId)).id).toBe(person.personId);

    const badBasis = await refusedWithNothingWritten(person.personId, () =>
      recordSharingBasis(db, police, { personId: person.personId, purpose: "AGENCY_SHARING", agencyIds: [health.agencyId], basis: "SAFEGUARDING_ADULT", decidedBy: "DS Example", reason: "", decidedOn: "11/11/2026" }, NOW),
    );
    expect(badBasis.fieldErrors.reason).toMatch(/Enter why/);
    expect(
      (
        await recordSharingBasis(
          db,
          police,
          { personId: person.personId, purpose: "AGENCY_SHARING", agencyIds: [health.agencyId], basis: "VITAL_INTERESTS", decidedBy: "DS Example, safeguarding lead", reason: "Needs urgent medical care (fictional)", decidedOn: "11/11/2026" },
          NOW,
        )
      ).ok,
    ).toBe(true);
    expect((await getPersonPathway(db, health, person.personId)).id).toBe(person.personId);
    expect(await healthQueue()).toBeGreaterThan(0);
  });

  it("withdrawn consent to share with the Salvation Army: the referral waiting for its answer leaves its queue with the person, until a lawful basis", async () => {
    const person = await adult("Distinct Referral Fictional");
    await recordConsent(db, police, consentForm(person.personId, { purpose: "AGENCY_SHARING", agencyIds: [army.agencyId] }), NOW);
    await armySees(person);
    const waiting = async () => (await getAgencyQueue(db, army, "all", NOW)).incoming.filter((referral) => referral.personId === person.personId).length;
    expect(await waiting()).toBe(1);

    const consent = await db.consent.findFirstOrThrow({ where: { personId: person.personId, agencyId: army.agencyId } });
    expect((await withdrawConsent(db, police, { consentId: consent.id, withdrawnOn: "10/11/2026" }, NOW)).ok).toBe(true);
    await expect(getPersonPathway(db, army, person.personId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await waiting()).toBe(0);

    const basis = { personId: person.personId, purpose: "AGENCY_SHARING", agencyIds: [army.agencyId], basis: "VITAL_INTERESTS", decidedBy: "DS Example", reason: "Needs a safe bed tonight (fictional)", decidedOn: "11/11/2026" };
    expect((await recordSharingBasis(db, police, basis, NOW)).ok).toBe(true);
    expect(await waiting()).toBe(1);
  });

  it("health reads consent to health care only; everyone else who sees the person reads every decision", async () => {
    const person = await adult();
    await recordConsent(db, police, consentForm(person.personId), NOW);
    await recordConsent(db, police, consentForm(person.personId, { purpose: "HEALTH", agencyIds: [health.agencyId] }), NOW);
    const byHealth = await getConsentAndNrm(db, health, person.personId, NOW);
    expect(byHealth.consents.map((row) => row.purpose)).toEqual(["HEALTH"]);
    expect(byHealth.seesNrm).toBe(false);
    const byCouncil = await getConsentAndNrm(db, council, person.personId, NOW);
    expect(byCouncil.consents.map((row) => row.purpose).sort()).toEqual(["HEALTH", "NRM_REFERRAL"]);
  });

  it("a later decision for the same purpose and agency supersedes the earlier one", async () => {
    const person = await adult();
    await recordConsent(db, police, consentForm(person.personId, { decision: "REFUSED" }), NOW);
    await recordConsent(db, police, consentForm(person.personId, { decidedOn: "06/11/2026" }), NOW);
    const rows = await db.consent.findMany({ where: { personId: person.personId }, orderBy: { decidedOn: "asc" } });
    expect(rows.map((row) => [row.given, row.supersededAt !== null])).toEqual([
      [false, true],
      [true, false],
    ]);
  });
});
