// Invented people for the demo history: who was found, in which setting, and what they needed.
import { matchNationality, UK_CODE } from "../../src/domain/nationality/countries";
import type { AgeAtExploitation, CountyLines, ExploitationLocation, ReferrerType } from "../../src/domain/rescue/national-categories";
import type { AgeGroup, ExploitationType, Gender } from "../../src/domain/types";
import { FAKE_SURNAMES, FIRST_NAMES, GENDER_WORDS, NATIONALITIES, NEED_CHANCES, type Nationality, type Setting } from "./data";
import { Random, type Weighted } from "./random";

/** How far the person stays with the pathway; drives declined and not-needed stages. */
export type Engagement = "full" | "partial" | "left";

export type PersonProfile = {
  ageGroup: AgeGroup;
  gender: Gender;
  nationalityCode: string | null;
  languages: string[];
  interpreterNeeded: boolean;
  immediateNeeds: string[];
  /** Null when nobody recorded it: the dashboard has to show missing data as missing. */
  exploitationType: ExploitationType | null;
  /** The national categories (decision record 0019); null where nobody recorded them. */
  exploitationLocation: ExploitationLocation | null;
  countyLines: CountyLines | null;
  ageAtExploitation: AgeAtExploitation | null;
  referrerType: ReferrerType | null;
  identity: { name: string | null; description: string | null; dateOfBirth: Date | null };
  engagement: Engagement;
};

const YEAR_MS = 365.25 * 24 * 3_600_000;

function ageGroupFor(rng: Random, setting: Setting): AgeGroup {
  const roll = rng.float();
  if (roll < setting.childShare) return "CHILD";
  if (roll < setting.childShare + setting.ageDisputedShare) return "AGE_DISPUTED";
  return "ADULT";
}

function genderFor(rng: Random, setting: Setting): Gender {
  if (rng.chance(0.015)) return "NOT_KNOWN";
  if (rng.chance(0.01)) return "NON_BINARY";
  return rng.chance(setting.femaleShare) ? "FEMALE" : "MALE";
}

/** Apparent age in years: what an officer would write down, not a verified fact. */
function apparentAge(rng: Random, ageGroup: AgeGroup): number {
  if (ageGroup === "CHILD") return rng.int(13, 17);
  if (ageGroup === "AGE_DISPUTED") return rng.int(16, 19);
  return rng.weighted([[rng.int(18, 25), 3], [rng.int(26, 40), 4], [rng.int(41, 62), 2]]);
}

function immediateNeeds(rng: Random): string[] {
  const needs = Object.entries(NEED_CHANCES)
    .filter(([, chance]) => rng.chance(chance))
    .map(([need]) => need);
  return needs.length > 0 ? needs : ["Food and water"];
}

function describe(gender: Gender, ageGroup: AgeGroup, age: number, languages: string[]): string {
  const words = GENDER_WORDS[gender];
  const speaks = languages[0] === "Not known" ? "language not known" : `speaks ${languages.join(" and ")}`;
  if (ageGroup === "AGE_DISPUTED") {
    const verb = words.pronoun === "they" ? "say they are" : `says ${words.pronoun} is`;
    return `${words.child}, ${verb} ${Math.min(age, 17)}, may be older; ${speaks}`;
  }
  if (ageGroup === "CHILD") return `${words.child}, about ${age}, ${speaks}`;
  return `${words.adult}, about ${Math.round(age / 5) * 5}, ${speaks}`;
}

function fictionalName(rng: Random, gender: Gender): string {
  const firstNames = gender === "FEMALE" || gender === "MALE" ? FIRST_NAMES[gender] : FIRST_NAMES.ANY;
  return `${rng.pick(firstNames)} ${rng.pick(FAKE_SURNAMES)}`;
}

function identityFor(rng: Random, profile: { gender: Gender; ageGroup: AgeGroup; languages: string[] }, t0: Date) {
  const age = apparentAge(rng, profile.ageGroup);
  // Many people give no name at first, or one that later proves false: a description is common.
  const named = rng.chance(0.6);
  const name = named ? fictionalName(rng, profile.gender) : null;
  const description = !named || rng.chance(0.3) ? describe(profile.gender, profile.ageGroup, age, profile.languages) : null;
  const dateOfBirth = named && rng.chance(0.5) ? birthDate(rng, t0, age) : null;
  return { name, description, dateOfBirth };
}

function birthDate(rng: Random, t0: Date, age: number): Date {
  const born = new Date(t0.getTime() - (age + rng.float()) * YEAR_MS);
  return new Date(Date.UTC(born.getUTCFullYear(), born.getUTCMonth(), born.getUTCDate()));
}

const LABOUR_SETTING: Weighted<ExploitationType> = [["LABOUR", 88], ["CRIMINAL", 3], ["SEXUAL", 2], ["NOT_KNOWN", 4]];

/** What kind of exploitation the setting suggests, by setting label; anything unlisted is mixed. */
const EXPLOITATION_BY_SETTING: Record<string, Weighted<ExploitationType>> = {
  "car wash": LABOUR_SETTING,
  farm: LABOUR_SETTING,
  "factory or warehouse": LABOUR_SETTING,
  "construction site": LABOUR_SETTING,
  "takeaway or restaurant": LABOUR_SETTING,
  "nail bar": [["LABOUR", 80], ["SEXUAL", 8], ["CRIMINAL", 2], ["NOT_KNOWN", 4]],
  "cannabis grow": [["CRIMINAL", 85], ["LABOUR", 10], ["NOT_KNOWN", 3]],
  "county lines": [["CRIMINAL", 94], ["SEXUAL", 3], ["NOT_KNOWN", 3]],
  "sexual exploitation": [["SEXUAL", 90], ["LABOUR", 3], ["NOT_KNOWN", 4]],
  "domestic servitude": [["DOMESTIC_SERVITUDE", 85], ["SEXUAL", 5], ["LABOUR", 5], ["NOT_KNOWN", 3]],
};
const MIXED_EXPLOITATION: Weighted<ExploitationType> = [
  ["LABOUR", 25], ["SEXUAL", 20], ["CRIMINAL", 20], ["DOMESTIC_SERVITUDE", 10], ["NOT_KNOWN", 22], ["ORGAN_HARVESTING", 1],
];
/** Share of records where nobody filled the type in. */
const EXPLOITATION_MISSING = 0.07;

function exploitationFor(rng: Random, setting: Setting): ExploitationType | null {
  if (rng.chance(EXPLOITATION_MISSING)) return null;
  return rng.weighted(EXPLOITATION_BY_SETTING[setting.label] ?? MIXED_EXPLOITATION);
}

/** Most people in one operation share a nationality; a few do not. */
export function nationalityFor(rng: Random, setting: Setting, groupNationality: Nationality): Nationality {
  return rng.chance(0.7) ? groupNationality : NATIONALITIES[rng.weighted(setting.nationalities)];
}

export function personProfile(rng: Random, setting: Setting, nationality: Nationality, t0: Date): PersonProfile {
  const ageGroup = ageGroupFor(rng, setting);
  const gender = genderFor(rng, setting);
  const languages = [...rng.pick(nationality.languages)];
  const interpreterNeeded = rng.chance(nationality.interpreterChance);
  const needs = immediateNeeds(rng);
  const exploitationType = exploitationFor(rng, setting);
  const identity = identityFor(rng, { gender, ageGroup, languages }, t0);
  const engagement = rng.weighted<Engagement>([["full", 85], ["partial", 10], ["left", 5]]);
  const nationalityCode = nationality.name === null ? null : matchNationality(nationality.name);
  return {
    ageGroup,
    gender,
    nationalityCode,
    languages,
    interpreterNeeded,
    immediateNeeds: needs,
    exploitationType,
    ...nationalCategories(new Random(categorySeed([t0.toISOString(), identity.name, identity.description, gender, ageGroup, ...languages, ...needs])), {
      ageGroup,
      nationalityCode,
      exploitationType,
    }),
    identity,
    engagement,
  };
}

// Drawn from a source of their own, seeded from what the person already is (not from the main
// source), so adding the national categories moved no other figure of the demo history.
function categorySeed(parts: (string | null)[]): number {
  let hash = 2166136261;
  for (const char of parts.join("|")) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return hash;
}

function nationalCategories(
  rng: Random,
  person: { ageGroup: AgeGroup; nationalityCode: string | null; exploitationType: ExploitationType | null },
): Pick<PersonProfile, "exploitationLocation" | "countyLines" | "ageAtExploitation" | "referrerType"> {
  const missing = () => rng.chance(0.08);
  const uk = person.nationalityCode === UK_CODE;
  return {
    exploitationLocation: missing()
      ? null
      : uk
        ? rng.weighted<ExploitationLocation>([["UK", 95], ["BOTH", 3], ["NOT_KNOWN", 2]])
        : rng.weighted<ExploitationLocation>([["UK", 55], ["BOTH", 30], ["OVERSEAS", 10], ["NOT_KNOWN", 5]]),
    countyLines: missing()
      ? null
      : person.exploitationType === "CRIMINAL"
        ? rng.weighted<CountyLines>([["YES", 60], ["NO", 30], ["NOT_KNOWN", 10]])
        : rng.weighted<CountyLines>([["NO", 90], ["NOT_KNOWN", 10]]),
    ageAtExploitation: missing()
      ? null
      : person.ageGroup === "ADULT"
        ? rng.weighted<AgeAtExploitation>([["ADULT", 80], ["CHILD", 12], ["NOT_KNOWN", 8]])
        : rng.weighted<AgeAtExploitation>([["CHILD", 90], ["NOT_KNOWN", 10]]),
    referrerType: missing()
      ? null
      : rng.weighted<ReferrerType>([["POLICE", 45], ["LOCAL_AUTHORITY", 20], ["NGO", 20], ["HOME_OFFICE", 10], ["OTHER_GOVERNMENT_AGENCY", 3], ["OTHER", 2]]),
  };
}
