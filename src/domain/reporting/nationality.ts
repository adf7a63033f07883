/** What people write for a UK nationality on the rescue form (compared without case or spaces). */
const UK_NATIONALITIES = new Set([
  "british",
  "uk",
  "united kingdom",
  "english",
  "scottish",
  "welsh",
  "northern irish",
  "british citizen",
  "british national",
]);

/** Whether a nationality as recorded means the UK (for "UK or overseas"); anything else is overseas. */
export function isUkNationality(nationality: string): boolean {
  return UK_NATIONALITIES.has(nationality.trim().toLowerCase().replace(/\s+/g, " "));
}
