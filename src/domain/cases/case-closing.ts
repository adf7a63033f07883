/** Why a case closes (values match the database enum CaseCloseReason). */
export const CASE_CLOSE_REASONS = ["MOVED_AREA", "DISENGAGED", "MISSING", "RETURNED_HOME", "RE_EXPLOITED", "SUPPORT_COMPLETE"] as const;
export type CaseCloseReason = (typeof CASE_CLOSE_REASONS)[number];

export const CASE_CLOSE_REASON_LABELS: Record<CaseCloseReason, string> = {
  MOVED_AREA: "Moved to another area",
  DISENGAGED: "Disengaged from support",
  MISSING: "Missing",
  RETURNED_HOME: "Returned home",
  RE_EXPLOITED: "Re-exploited",
  SUPPORT_COMPLETE: "Support complete",
};

/** A person missing or back in exploitation is a safeguarding concern: police and the coordinator are told. */
export function closingRaisesConcern(reason: CaseCloseReason): boolean {
  return reason === "MISSING" || reason === "RE_EXPLOITED";
}

/** What an open stage says when closing the case ends it. */
export const CLOSED_WITH_CASE_REASON = "Not needed — case closed";

/** The one rule for whether a case can be closed or reopened now; refusal codes from REFUSAL_CODES. */
export function caseClosingRefusal(
  person: { closedAt: Date | null; caseVersion: number },
  want: "close" | "reopen",
  expectedVersion: number,
): "case-closed" | "case-open" | "stale-version" | null {
  if (person.caseVersion !== expectedVersion) return "stale-version";
  if (want === "close" && person.closedAt) return "case-closed";
  if (want === "reopen" && !person.closedAt) return "case-open";
  return null;
}
