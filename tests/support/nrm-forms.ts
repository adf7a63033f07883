// Valid consent and NRM forms for tests that call the actions (the access matrix, the refusal lists).
import { formatUkDate, londonToday } from "../../src/domain/time/london-day";
import type { Actor } from "../../src/server/access/actor";
import type { Db } from "../../src/server/db/create-client";
import { recordConsent } from "../../src/server/nrm/record-consent";
import { recordNrmDecision } from "../../src/server/nrm/record-nrm-decision";
import { recordNrmReferral } from "../../src/server/nrm/record-nrm-referral";

/** The London day of the rescue, as the forms take it: never before the rescue nor in the future. */
export async function rescueDay(db: Db, personId: string): Promise<string> {
  const person = await db.person.findUniqueOrThrow({ where: { id: personId }, select: { rescue: { select: { occurredAt: true } } } });
  return formatUkDate(londonToday(person.rescue.occurredAt));
}

export async function consentForm(db: Db, personId: string, overrides: Record<string, unknown> = {}) {
  return {
    personId,
    purpose: "NRM_REFERRAL",
    decision: "GIVEN",
    decidedOn: await rescueDay(db, personId),
    explainedBy: "PC Example, first responder (fictional)",
    language: "Romanian",
    interpreterUsed: "yes",
    interpreter: "Booking ref LANG-0042 (fictional)",
    interpreterIndependent: "yes",
    method: "IN_PERSON",
    ...overrides,
  };
}

export async function sharingBasisForm(db: Db, personId: string, agencyId: string) {
  return {
    personId,
    purpose: "AGENCY_SHARING",
    agencyIds: agencyId,
    basis: "SAFEGUARDING_ADULT",
    decidedBy: "DS Example, safeguarding lead (fictional)",
    reason: "Immediate risk of harm (fictional)",
    decidedOn: await rescueDay(db, personId),
  };
}

export const freshReference = () => `NRM-2026-${String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0")}`;

export async function referralForm(db: Db, personId: string) {
  return { personId, submittedOn: await rescueDay(db, personId), homeOfficeReference: freshReference() };
}

/** Consent (for an adult) given and the referral submitted by `submitter`. */
export async function referred(db: Db, consentBy: Actor, submitter: Actor, personId: string) {
  const consent = await recordConsent(db, consentBy, await consentForm(db, personId));
  if (!consent.ok) throw new Error(JSON.stringify(consent));
  const referral = await recordNrmReferral(db, submitter, await referralForm(db, personId));
  if (!referral.ok) throw new Error(JSON.stringify(referral));
}

export async function negativeRg(db: Db, submitter: Actor, personId: string) {
  const result = await recordNrmDecision(db, submitter, { personId, decision: "REASONABLE_GROUNDS", outcome: "NEGATIVE", decidedOn: await rescueDay(db, personId) });
  if (!result.ok) throw new Error(JSON.stringify(result));
}

export async function dutyToNotifyForm(db: Db, personId: string) {
  return { personId, gender: "FEMALE", ageAtExploitation: "ADULT", nationality: "ROU", exploitationType: "LABOUR", exploitationLocation: "UK", exploitationBeganIn: "", sentOn: await rescueDay(db, personId) };
}
