// What a Duty to Notify holds: the Home Office's categories, never identity (docs/decisions/0020).
// The string values match the database CHECKs one for one.

export const DTN_AGES = ["ADULT", "CHILD", "NOT_KNOWN"] as const;
export type DtnAge = (typeof DTN_AGES)[number];
export const DTN_AGE_LABELS: Record<DtnAge, string> = { ADULT: "Adult when exploited", CHILD: "Child when exploited", NOT_KNOWN: "Not known" };

export const DTN_LOCATIONS = ["UK", "OVERSEAS", "BOTH", "NOT_KNOWN"] as const;
export type DtnLocation = (typeof DTN_LOCATIONS)[number];
export const DTN_LOCATION_LABELS: Record<DtnLocation, string> = { UK: "UK", OVERSEAS: "Overseas", BOTH: "Both", NOT_KNOWN: "Not known" };

/** ISO 3166 alpha-3, or stateless, or not known: a code, so no free text can reach the record. */
export const DTN_NATIONALITY = /^([A-Z]{3}|STATELESS|NOT_KNOWN)$/;
export const DTN_NATIONALITY_MESSAGE = "Enter the nationality as a three-letter ISO code (such as ROU), STATELESS or NOT_KNOWN";

/** The columns a Duty to Notify record has, and may ever have. */
export const DTN_COLUMNS = [
  "id",
  "partnershipId",
  "notifyingAgencyId",
  "gender",
  "ageAtExploitation",
  "nationality",
  "exploitationType",
  "exploitationLocation",
  "exploitationBeganIn",
  "sentOn",
] as const;

/** "03/2026" or "2026-03": the month exploitation began; null for a blank (not known). */
export function parseMonth(text: string): { year: number; month: number } | null | "invalid" {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const uk = /^(\d{1,2})\/(\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{1,2})$/.exec(trimmed);
  const [year, month] = uk ? [Number(uk[2]), Number(uk[1])] : iso ? [Number(iso[1]), Number(iso[2])] : [NaN, NaN];
  if (!Number.isInteger(year) || month < 1 || month > 12 || year < 1900) return "invalid";
  return { year, month };
}
