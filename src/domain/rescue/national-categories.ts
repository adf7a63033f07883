import type { AgencyKind } from "../types";

// The Home Office's National Referral Mechanism statistics break people down by these categories;
// we record the same ones so local figures compare with national (decision record 0019). The string
// values match the database enums one for one. Each is optional when a rescue is logged: unanswered
// is stored as null and counted as missing; "Not known" is an answer.

export const EXPLOITATION_LOCATIONS = ["UK", "OVERSEAS", "BOTH", "NOT_KNOWN"] as const;
export type ExploitationLocation = (typeof EXPLOITATION_LOCATIONS)[number];
export const EXPLOITATION_LOCATION_LABELS: Record<ExploitationLocation, string> = {
  UK: "UK",
  OVERSEAS: "Overseas",
  BOTH: "Both UK and overseas",
  NOT_KNOWN: "Not known",
};

export const COUNTY_LINES_ANSWERS = ["YES", "NO", "NOT_KNOWN"] as const;
export type CountyLines = (typeof COUNTY_LINES_ANSWERS)[number];
export const COUNTY_LINES_LABELS: Record<CountyLines, string> = { YES: "Yes", NO: "No", NOT_KNOWN: "Not known" };

export const AGES_AT_EXPLOITATION = ["ADULT", "CHILD", "NOT_KNOWN"] as const;
export type AgeAtExploitation = (typeof AGES_AT_EXPLOITATION)[number];
export const AGE_AT_EXPLOITATION_LABELS: Record<AgeAtExploitation, string> = { ADULT: "Adult", CHILD: "Child", NOT_KNOWN: "Not known" };

/** The Home Office statistics' first responder types: who referred or first encountered the person. */
export const REFERRER_TYPES = ["POLICE", "LOCAL_AUTHORITY", "HOME_OFFICE", "NGO", "OTHER_GOVERNMENT_AGENCY", "OTHER", "NOT_KNOWN"] as const;
export type ReferrerType = (typeof REFERRER_TYPES)[number];
export const REFERRER_TYPE_LABELS: Record<ReferrerType, string> = {
  POLICE: "Police",
  LOCAL_AUTHORITY: "Local authority",
  HOME_OFFICE: "Home Office (UKVI, Immigration Enforcement, Border Force)",
  NGO: "Non-governmental organisation (charity)",
  OTHER_GOVERNMENT_AGENCY: "Other government agency",
  OTHER: "Other",
  NOT_KNOWN: "Not known",
};

/** What the rescue form suggests from the logging agency's kind; the caseworker can change it. */
export function defaultReferrerType(kind: AgencyKind): ReferrerType {
  switch (kind) {
    case "POLICE":
      return "POLICE";
    case "COUNCIL_SAFEGUARDING":
      return "LOCAL_AUTHORITY";
    case "SALVATION_ARMY":
    case "VCAS":
    case "CHARITY":
      return "NGO";
    case "HEALTH":
    case "PCC_OFFICE":
    case "PARTNERSHIP":
      return "OTHER";
  }
}
