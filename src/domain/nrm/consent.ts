import type { AgencyKind, AgeGroup } from "../types";
import { isTreatedAsChild } from "../types";

// The string values match the database enums one for one.
export const CONSENT_PURPOSES = ["AGENCY_SHARING", "NRM_REFERRAL", "HEALTH", "ACCOMMODATION", "POLICE_INVESTIGATION", "VCAS_SUPPORT"] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_PURPOSE_LABELS: Record<ConsentPurpose, string> = {
  AGENCY_SHARING: "Sharing with the partnership's agencies",
  NRM_REFERRAL: "Referral to the National Referral Mechanism (NRM)",
  HEALTH: "Health care",
  ACCOMMODATION: "Accommodation",
  POLICE_INVESTIGATION: "Police investigation",
  VCAS_SUPPORT: "Victim Care and Advice Service support",
};

export const CONSENT_METHODS = ["IN_PERSON", "PHONE"] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export const CONSENT_METHOD_LABELS: Record<ConsentMethod, string> = { IN_PERSON: "In person", PHONE: "By phone" };

export const LAWFUL_BASES = ["SAFEGUARDING_CHILD", "SAFEGUARDING_ADULT", "CRIME_PREVENTION", "VITAL_INTERESTS"] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];
export const LAWFUL_BASIS_LABELS: Record<LawfulBasis, string> = {
  SAFEGUARDING_CHILD: "Safeguarding a child",
  SAFEGUARDING_ADULT: "Safeguarding an adult at risk",
  CRIME_PREVENTION: "Prevention or detection of crime",
  VITAL_INTERESTS: "Vital interests (life or serious harm)",
};

/** The NRM referral is consent to the Home Office, not to an agency: it names none. */
export function purposeNamesAgencies(purpose: ConsentPurpose): boolean {
  return purpose !== "NRM_REFERRAL";
}

/**
 * Police and councils are the First Responders who take consent and make Duty to Notify returns
 * (DOMAIN.md); they also record a lawful basis for sharing without consent.
 */
export function mayRecordConsent(kind: AgencyKind): boolean {
  return kind === "POLICE" || kind === "COUNCIL_SAFEGUARDING";
}

export const CHILD_NRM_CONSENT_MESSAGE =
  "Children never need consent for an NRM referral: anyone who may be under 18 is referred after being safeguarded.";

/** A child (or anyone whose age is disputed) is never asked to consent to the NRM. */
export function consentPurposesFor(ageGroup: AgeGroup): readonly ConsentPurpose[] {
  return isTreatedAsChild(ageGroup) ? CONSENT_PURPOSES.filter((purpose) => purpose !== "NRM_REFERRAL") : CONSENT_PURPOSES;
}

export type ConsentState = { given: boolean; withdrawnOn: unknown };

/** Whether a current consent decision lets sharing for its purpose go on today. */
export function consentInForce(consent: ConsentState | null | undefined): boolean {
  return Boolean(consent && consent.given && (consent.withdrawnOn === null || consent.withdrawnOn === undefined));
}
