import countries from "world-countries";

/**
 * Nationality as a code from one standard list, so spellings never split a country into several
 * groups (decision record 0019). Countries are ISO 3166-1 alpha-3 codes (`cca3`) with English names
 * from the world-countries package (the mledoze/countries data); two more codes come from ICAO Doc
 * 9303, the passport standard: XXA, stateless, and XXX, nationality not known.
 */
export const STATELESS_CODE = "XXA";
export const NOT_KNOWN_CODE = "XXX";
export const UK_CODE = "GBR";

export type Nationality = { code: string; name: string; demonym: string | null };

const COUNTRY_LIST: Nationality[] = countries
  .map((country) => ({ code: country.cca3, name: country.name.common, demonym: country.demonyms?.eng?.m || null }))
  .sort((a, b) => a.name.localeCompare(b.name, "en"));

/** Every choice, countries by name then "Stateless" and "Not known". */
export const NATIONALITIES: readonly Nationality[] = [
  ...COUNTRY_LIST,
  { code: STATELESS_CODE, name: "Stateless", demonym: null },
  { code: NOT_KNOWN_CODE, name: "Not known", demonym: null },
];

const BY_CODE = new Map(NATIONALITIES.map((entry) => [entry.code, entry]));

export const isNationalityCode = (code: string): boolean => BY_CODE.has(code);

/** The English name for a code ("ALB" → "Albania"); an unknown code is shown as it is. */
export const nationalityName = (code: string): string => BY_CODE.get(code)?.name ?? code;

/** How typed text is compared: lower case, trimmed, inner spaces collapsed. The migration's SQL does the same. */
export const normaliseNationalityText = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, " ");

/** What people write for a UK nationality (from the old free-text guess), beside the list's own names. */
const UK_ALIASES = ["british", "uk", "united kingdom", "english", "scottish", "welsh", "northern irish", "british citizen", "british national", "great britain"];
const STATELESS_ALIASES = ["stateless", "no nationality"];
const NOT_KNOWN_ALIASES = ["not known", "unknown", "n/k"];

/**
 * Every text that means one code, normalised. Names (common, official) and our own aliases rank
 * first, then demonyms (male and female), then the list's alternative spellings longer than three
 * characters (shorter ones are codes like "AL" that would match by accident). A text that means
 * several codes at its best rank goes to the one UN member among them ("Indian": India, not the
 * British Indian Ocean Territory); with two members ("Dominican": Dominica and the Dominican
 * Republic) it means neither, and the caseworker chooses the country by name.
 */
export function nationalityAliasRows(): [alias: string, code: string][] {
  const ranked = new Map<string, { rank: number; codes: Set<string> }>();
  const add = (text: string | undefined, code: string, rank: number) => {
    if (!text) return;
    const alias = normaliseNationalityText(text);
    if (!alias) return;
    const entry = ranked.get(alias);
    if (!entry || rank < entry.rank) ranked.set(alias, { rank, codes: new Set([code]) });
    else if (rank === entry.rank) entry.codes.add(code);
  };
  for (const alias of UK_ALIASES) add(alias, UK_CODE, 0);
  for (const alias of STATELESS_ALIASES) add(alias, STATELESS_CODE, 0);
  for (const alias of NOT_KNOWN_ALIASES) add(alias, NOT_KNOWN_CODE, 0);
  for (const country of countries) {
    add(country.name.common, country.cca3, 0);
    add(country.name.official, country.cca3, 0);
    add(country.cca3 === UK_CODE ? undefined : country.demonyms?.eng?.m, country.cca3, 1);
    add(country.cca3 === UK_CODE ? undefined : country.demonyms?.eng?.f, country.cca3, 1);
    for (const spelling of country.altSpellings) if (spelling.length > 3) add(spelling, country.cca3, 2);
  }
  const unMembers = new Set(countries.filter((country) => country.unMember).map((country) => country.cca3));
  const chosen = (codes: Set<string>) => {
    const candidates = codes.size === 1 ? [...codes] : [...codes].filter((code) => unMembers.has(code));
    return candidates.length === 1 ? candidates[0]! : null;
  };
  return [...ranked]
    .map(([alias, entry]): [string, string | null] => [alias, chosen(entry.codes)])
    .filter((row): row is [string, string] => row[1] !== null)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

let aliasMap: Map<string, string> | null = null;

/**
 * The code a typed nationality means: a name ("Albania", "albania"), a demonym ("Albanian"), a code
 * ("ALB"), an alternative spelling, "Stateless" or "Not known"; null when it means none, or more than one.
 */
export function matchNationality(text: string): string | null {
  aliasMap ??= new Map(nationalityAliasRows());
  const normalised = normaliseNationalityText(text);
  if (!normalised) return null;
  const upper = normalised.toUpperCase();
  if (/^[A-Z]{3}$/.test(upper) && BY_CODE.has(upper)) return upper;
  return aliasMap.get(normalised) ?? null;
}
