// Domain vocabulary. The string values match the database enums one for one.

export const AGENCY_KINDS = [
  "POLICE",
  "COUNCIL_SAFEGUARDING",
  "HEALTH",
  "SALVATION_ARMY",
  "VCAS",
  "PCC_OFFICE",
  "PARTNERSHIP",
  "CHARITY",
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const ROLES = ["CASEWORKER", "AGENCY_LEAD", "COORDINATOR", "PCC_OFFICE", "ADMINISTRATOR"] as const;
export type Role = (typeof ROLES)[number];

export const AGE_GROUPS = ["ADULT", "CHILD", "AGE_DISPUTED"] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export const GENDERS = ["FEMALE", "MALE", "NON_BINARY", "NOT_KNOWN"] as const;
export type Gender = (typeof GENDERS)[number];

export const EXPLOITATION_TYPES = ["LABOUR", "SEXUAL", "CRIMINAL", "DOMESTIC_SERVITUDE", "ORGAN_HARVESTING", "NOT_KNOWN"] as const;
export type ExploitationType = (typeof EXPLOITATION_TYPES)[number];

export const STAGE_STATES = ["NOT_STARTED", "IN_PROGRESS", "DONE", "NOT_NEEDED", "DECLINED", "PAUSED"] as const;
export type StageState = (typeof STAGE_STATES)[number];

// The string values match the database enum TargetUnit one for one.
export const TARGET_UNITS = ["HOURS", "WORKING_DAYS", "WORKING_HOURS"] as const;
export type TargetUnit = (typeof TARGET_UNITS)[number];

export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  POLICE: "Police",
  COUNCIL_SAFEGUARDING: "Council safeguarding",
  HEALTH: "Health",
  SALVATION_ARMY: "Salvation Army",
  VCAS: "Victim Care and Advice Service",
  PCC_OFFICE: "PCC office",
  PARTNERSHIP: "Partnership team",
  CHARITY: "Charity",
};

export const ROLE_LABELS: Record<Role, string> = {
  CASEWORKER: "Caseworker",
  AGENCY_LEAD: "Agency lead",
  COORDINATOR: "Partnership coordinator",
  PCC_OFFICE: "PCC office",
  ADMINISTRATOR: "Administrator",
};

export const AGE_GROUP_LABELS: Record<AgeGroup, string> = {
  ADULT: "Adult",
  CHILD: "Child",
  AGE_DISPUTED: "Age disputed (treated as a child)",
};

export const GENDER_LABELS: Record<Gender, string> = {
  FEMALE: "Female",
  MALE: "Male",
  NON_BINARY: "Non-binary",
  NOT_KNOWN: "Not known",
};

export const EXPLOITATION_TYPE_LABELS: Record<ExploitationType, string> = {
  LABOUR: "Labour",
  SEXUAL: "Sexual",
  CRIMINAL: "Criminal",
  DOMESTIC_SERVITUDE: "Domestic servitude",
  ORGAN_HARVESTING: "Organ harvesting",
  NOT_KNOWN: "Not known",
};

export const STAGE_STATE_LABELS: Record<StageState, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  DONE: "Done",
  NOT_NEEDED: "Not needed",
  DECLINED: "Declined by the person",
  PAUSED: "Paused",
};

/** Anyone who may be under 18 is treated as a child until their age is assessed. */
export function isTreatedAsChild(ageGroup: AgeGroup): boolean {
  return ageGroup !== "ADULT";
}
