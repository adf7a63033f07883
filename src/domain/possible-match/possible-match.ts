import { NOT_KNOWN_CODE } from "../nationality/countries";

/**
 * Possible previous rescue (docs/decisions/0027): the words for why two people were matched and for
 * what the partnership coordinator decided. The matching itself is in SQL (vcp_name_key and
 * flagPossibleMatches), so it runs on the index.
 */
export const POSSIBLE_MATCH_REASONS = ["NAME_AND_DATE_OF_BIRTH", "NAME_AND_NATIONALITY"] as const;
export type PossibleMatchReason = (typeof POSSIBLE_MATCH_REASONS)[number];

export const POSSIBLE_MATCH_STATES = ["OPEN", "SAME_PERSON", "NOT_SAME_PERSON"] as const;
export type PossibleMatchState = (typeof POSSIBLE_MATCH_STATES)[number];

/** The two answers a coordinator can record. */
export const POSSIBLE_MATCH_DECISIONS = ["SAME_PERSON", "NOT_SAME_PERSON"] as const;
export type PossibleMatchDecision = (typeof POSSIBLE_MATCH_DECISIONS)[number];

export const POSSIBLE_MATCH_REASON_LABELS: Record<PossibleMatchReason, string> = {
  NAME_AND_DATE_OF_BIRTH: "Same name and date of birth",
  NAME_AND_NATIONALITY: "Same name and nationality",
};

export const POSSIBLE_MATCH_STATE_LABELS: Record<PossibleMatchState, string> = {
  OPEN: "To check",
  SAME_PERSON: "Same person",
  NOT_SAME_PERSON: "Not the same person",
};

/** At most this many earlier people are flagged for one person logged (a common name must not flood the list). */
export const MAX_MATCHES_PER_PERSON = 10;

/** Nationality codes that say nothing about who someone is: "not known" never matches. */
export const NATIONALITY_CODES_NOT_MATCHED: readonly string[] = [NOT_KNOWN_CODE];

export const POSSIBLE_MATCH_NOTE_MAX = 1000;
