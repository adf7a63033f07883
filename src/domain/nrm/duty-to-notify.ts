// What a Duty to Notify holds: the Home Office's categories, never identity (docs/decisions/0020).
// The categories are the national ones (decision record 0019): age at exploitation, where, and the
// nationality code list.

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
  // The cell-key method's record key (decision record 0018): random, tied to no person.
  "cellKey",
] as const;

export const DTN_NATIONALITY_MESSAGE = "Choose a nationality from the list (Stateless and Not known are on it)";

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
