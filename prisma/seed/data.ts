// Word lists for the demo history. Everything here is invented: no real person, address or operation.
import type { IMMEDIATE_NEEDS } from "../../src/domain/rescue/immediate-needs";
import type { NrmDecision } from "../../src/domain/pathway/nrm-decision";
import type { Gender } from "../../src/domain/types";
import type { Weighted } from "./random";

export type Nationality = {
  name: string | null;
  /** Alternatives; one is chosen per person. */
  languages: readonly (readonly string[])[];
  /** Chance that this person needs an independent interpreter. */
  interpreterChance: number;
};

const nationality = (name: string | null, languages: string[][], interpreterChance = 0.9): Nationality => ({
  name,
  languages,
  interpreterChance,
});

export const NATIONALITIES = {
  albanian: nationality("Albanian", [["Albanian"], ["Albanian", "Italian"]]),
  vietnamese: nationality("Vietnamese", [["Vietnamese"]], 0.95),
  romanian: nationality("Romanian", [["Romanian"], ["Romanian", "Romani"]]),
  british: nationality("British", [["English"]], 0),
  eritrean: nationality("Eritrean", [["Tigrinya"], ["Tigrinya", "Arabic"]], 0.95),
  sudanese: nationality("Sudanese", [["Arabic"]], 0.9),
  polish: nationality("Polish", [["Polish"]], 0.75),
  chinese: nationality("Chinese", [["Mandarin"], ["Cantonese"], ["Mandarin", "Fujianese"]], 0.95),
  indian: nationality("Indian", [["Hindi"], ["Punjabi"], ["Malayalam", "English"], ["Tamil"]], 0.7),
  nigerian: nationality("Nigerian", [["English"], ["English", "Yoruba"], ["Edo", "English"]], 0.15),
  // Rarer: they fold into "other" on the PCC's dashboard.
  bulgarian: nationality("Bulgarian", [["Bulgarian"]]),
  slovak: nationality("Slovak", [["Slovak"], ["Slovak", "Romani"]]),
  lithuanian: nationality("Lithuanian", [["Lithuanian"], ["Lithuanian", "Russian"]], 0.8),
  hungarian: nationality("Hungarian", [["Hungarian"]]),
  kurdishIraqi: nationality("Iraqi", [["Kurdish Sorani"], ["Kurdish Sorani", "Arabic"]], 0.95),
  iranian: nationality("Iranian", [["Farsi"]], 0.95),
  afghan: nationality("Afghan", [["Dari"], ["Pashto"]], 0.95),
  ethiopian: nationality("Ethiopian", [["Amharic"], ["Oromo"]], 0.95),
  ghanaian: nationality("Ghanaian", [["English", "Twi"]], 0.1),
  filipino: nationality("Filipino", [["Tagalog", "English"]], 0.3),
  unknown: nationality(null, [["Not known"]], 1),
} as const;

type NationalityKey = keyof typeof NATIONALITIES;

/**
 * Where people are found shapes who is found: nationality, gender, age and group size follow the
 * patterns in Home Office NRM statistics closely enough for the demo's charts to look plausible.
 */
export type Setting = {
  label: string;
  weight: number;
  nationalities: Weighted<NationalityKey>;
  femaleShare: number;
  childShare: number;
  ageDisputedShare: number;
  sizes: Weighted<number>;
  /** Large raids (10–15 people) only happen in some settings. */
  largeRaid: boolean;
  /** Planned operations start early; chance encounters happen at any hour. */
  planned: boolean;
};

const SMALL_GROUPS: Weighted<number> = [[1, 24], [2, 22], [3, 17], [4, 12], [5, 9], [6, 7], [7, 5], [8, 4]];
const PAIRS: Weighted<number> = [[1, 55], [2, 35], [3, 10]];
const ALONE: Weighted<number> = [[1, 90], [2, 10]];

export const SETTINGS: Setting[] = [
  {
    label: "car wash",
    weight: 14,
    nationalities: [["albanian", 3], ["romanian", 3], ["kurdishIraqi", 1.5], ["iranian", 1], ["sudanese", 1], ["eritrean", 1], ["vietnamese", 0.5]],
    femaleShare: 0.02,
    childShare: 0.1,
    ageDisputedShare: 0.1,
    sizes: SMALL_GROUPS,
    largeRaid: true,
    planned: true,
  },
  {
    label: "nail bar",
    weight: 10,
    nationalities: [["vietnamese", 6], ["chinese", 1], ["romanian", 0.5]],
    femaleShare: 0.85,
    childShare: 0.15,
    ageDisputedShare: 0.08,
    sizes: SMALL_GROUPS,
    largeRaid: false,
    planned: true,
  },
  {
    label: "cannabis grow",
    weight: 10,
    nationalities: [["vietnamese", 5], ["albanian", 4], ["british", 0.5], ["chinese", 0.5]],
    femaleShare: 0.08,
    childShare: 0.3,
    ageDisputedShare: 0.16,
    sizes: PAIRS,
    largeRaid: false,
    planned: true,
  },
  {
    label: "farm",
    weight: 9,
    nationalities: [["romanian", 4], ["polish", 3], ["bulgarian", 1], ["lithuanian", 1], ["slovak", 1], ["british", 0.5]],
    femaleShare: 0.25,
    childShare: 0.03,
    ageDisputedShare: 0.02,
    sizes: SMALL_GROUPS,
    largeRaid: true,
    planned: true,
  },
  {
    label: "factory or warehouse",
    weight: 11,
    nationalities: [["polish", 3], ["romanian", 3], ["indian", 2], ["eritrean", 1], ["sudanese", 1], ["slovak", 1], ["hungarian", 1]],
    femaleShare: 0.3,
    childShare: 0.03,
    ageDisputedShare: 0.03,
    sizes: SMALL_GROUPS,
    largeRaid: true,
    planned: true,
  },
  {
    label: "construction site",
    weight: 7,
    nationalities: [["albanian", 3], ["romanian", 3], ["polish", 2], ["british", 1], ["bulgarian", 1]],
    femaleShare: 0.02,
    childShare: 0.04,
    ageDisputedShare: 0.03,
    sizes: SMALL_GROUPS,
    largeRaid: true,
    planned: true,
  },
  {
    label: "county lines",
    weight: 13,
    nationalities: [["british", 10], ["albanian", 0.5], ["eritrean", 0.5], ["sudanese", 0.5]],
    femaleShare: 0.2,
    childShare: 0.8,
    ageDisputedShare: 0.05,
    sizes: PAIRS,
    largeRaid: false,
    planned: false,
  },
  {
    label: "sexual exploitation",
    weight: 12,
    nationalities: [["romanian", 4], ["chinese", 2], ["nigerian", 3], ["vietnamese", 1], ["british", 1], ["albanian", 1], ["hungarian", 1]],
    femaleShare: 0.92,
    childShare: 0.1,
    ageDisputedShare: 0.08,
    sizes: [[1, 30], [2, 30], [3, 25], [4, 15]],
    largeRaid: false,
    planned: true,
  },
  {
    label: "domestic servitude",
    weight: 6,
    nationalities: [["indian", 3], ["nigerian", 3], ["filipino", 1], ["ghanaian", 1], ["eritrean", 1], ["ethiopian", 1]],
    femaleShare: 0.8,
    childShare: 0.12,
    ageDisputedShare: 0.05,
    sizes: ALONE,
    largeRaid: false,
    planned: false,
  },
  {
    label: "takeaway or restaurant",
    weight: 6,
    nationalities: [["chinese", 3], ["indian", 3], ["vietnamese", 1], ["afghan", 1], ["sudanese", 1], ["eritrean", 1]],
    femaleShare: 0.1,
    childShare: 0.06,
    ageDisputedShare: 0.1,
    sizes: [[1, 35], [2, 35], [3, 20], [4, 10]],
    largeRaid: false,
    planned: true,
  },
  {
    label: "found alone",
    weight: 10,
    nationalities: [
      ["eritrean", 2], ["sudanese", 2], ["british", 2], ["vietnamese", 1], ["albanian", 1], ["afghan", 1],
      ["nigerian", 1.5], ["ethiopian", 1], ["unknown", 1],
    ],
    femaleShare: 0.35,
    childShare: 0.2,
    ageDisputedShare: 0.17,
    sizes: ALONE,
    largeRaid: false,
    planned: false,
  },
];

/** Towns and postcode districts only: never anything closer to an address. */
export const PLACES: Weighted<string> = [
  ["Middlesbrough", 14], ["TS1", 6], ["TS3", 4], ["Stockton-on-Tees", 11], ["TS18", 4], ["Hartlepool", 9],
  ["Darlington", 8], ["DL1", 3], ["Redcar", 6], ["Thornaby", 4], ["Billingham", 4], ["Guisborough", 2],
  ["Durham", 5], ["Saltburn", 2], ["Teesmoor", 3],
];

export const OPERATION_NAMES = ["BRACKEN", "KESTREL", "LANTERN", "HEATHER", "FLINT", "WILLOW", "CINDER", "HARBOUR", "MARRAM", "PLOVER"];

/** Oldest month first: busier in spring and autumn, when planned operations cluster. */
export const MONTH_WEIGHTS = [0.7, 0.9, 1.3, 0.8, 1.0, 1.6, 1.2, 0.8, 1.1, 1.4, 0.9, 1.2];

export const FIRST_NAMES: Record<"FEMALE" | "MALE" | "ANY", readonly string[]> = {
  FEMALE: ["Ana", "Mira", "Lena", "Sara", "Nadia", "Elena", "Lin", "Hoa", "Amina", "Grace", "Maria", "Joy"],
  MALE: ["Ardi", "Minh", "Ion", "Tomas", "Yonas", "Omar", "Piotr", "Wei", "Raj", "Daniel", "Luca", "Samir"],
  ANY: ["Alex", "Sam", "Kim", "Noor"],
};

// Obviously invented, so nobody mistakes a demo record for a real one.
export const FAKE_SURNAMES = [
  "Sampleova", "Testescu", "Exampleson", "Fictionelli", "Demoulin-Fake", "Placeholdera", "Mockwell",
  "Notrealski", "Dummyan", "Specimenko", "Testwater", "Invente", "Demovic", "Fakhourie-Test",
];

export const GENDER_WORDS: Record<Gender, { adult: string; child: string; pronoun: string }> = {
  FEMALE: { adult: "Woman", child: "Girl", pronoun: "she" },
  MALE: { adult: "Man", child: "Boy", pronoun: "he" },
  NON_BINARY: { adult: "Person", child: "Young person", pronoun: "they" },
  NOT_KNOWN: { adult: "Person", child: "Young person", pronoun: "they" },
};

/** Chance that a person needs each of the form's immediate needs. */
export const NEED_CHANCES: Record<(typeof IMMEDIATE_NEEDS)[number], number> = {
  "Food and water": 0.8,
  Clothes: 0.45,
  "A wash": 0.4,
  Rest: 0.7,
  "Medical care": 0.25,
  "Safety from the exploiters": 0.55,
  "No ID documents": 0.5,
};

/** What the owning agency writes when it completes a stage. */
export const OUTCOMES: Record<string, readonly string[]> = {
  "immediate-safety": [
    "Food, water and dry clothes given at the scene",
    "Taken to a safe place away from the site",
    "Welfare check done; resting in the station family room",
    "Basic needs met; kept apart from the suspected exploiters",
  ],
  "childrens-services-notified": [
    "Children's services emergency duty team notified by phone",
    "Duty social worker informed; strategy discussion requested",
    "Referred to the children's services front door",
  ],
  interpreter: [
    "Telephone interpreter booked through the agency",
    "Face-to-face interpreter attended",
    "Video interpreter connected; checked they had no link to the group",
  ],
  "health-check": [
    "Triage done, no urgent needs",
    "Seen by a paramedic at the scene; no urgent needs",
    "Triage done; minor injuries dressed",
    "Triage done; GP registration arranged",
    "Seen at the walk-in centre; follow-up booked",
  ],
  accommodation: [
    "Placed in emergency accommodation",
    "Taken to a Salvation Army safe house",
    "Emergency bed found out of area; transport arranged",
    "Placed in emergency accommodation; no ID documents slowed the booking",
  ],
  "child-nrm-referral": [
    "NRM referral submitted to the Single Competent Authority",
    "NRM referral made after the strategy discussion",
  ],
  "social-care-contact": [
    "Adult safeguarding concern raised",
    "Social worker allocated",
    "Safeguarding concern raised; first visit booked",
  ],
  "case-conference": [
    "Case conference held; support plan agreed",
    "Strategy meeting held; actions shared with partners",
    "Case conference held by video; plan agreed",
  ],
  "victim-support": [
    "Support and legal advice offered; accepted",
    "Referred for immigration advice; support worker allocated",
    "Practical support offered; appointment with a solicitor booked",
  ],
};

export type NrmConsentOutcome = { decision: NrmDecision; outcome: string };

/**
 * What the police write when an adult who stayed engaged has decided, with the decision it records.
 * About 30% of adults decline in all: every adult who disengaged (about 15%, below) and about one in
 * six of the rest (these weights).
 */
export const NRM_CONSENT_OUTCOMES: Weighted<NrmConsentOutcome> = [
  [{ decision: "NRM_REFERRAL", outcome: "Consent explained in their own language after rest; referral submitted" }, 41],
  [{ decision: "NRM_REFERRAL", outcome: "Consented; referral submitted to the Single Competent Authority" }, 41],
  [{ decision: "DUTY_TO_NOTIFY", outcome: "Consent explained after rest; did not want a referral" }, 18],
];

/** An adult who disengaged or left never gave consent: the Home Office is notified without their details. */
export const NRM_NOT_ENGAGED: NrmConsentOutcome = {
  decision: "DUTY_TO_NOTIFY",
  outcome: "Did not want to talk about a referral; Home Office notified without identifying details",
};

/** Children's versions where the wording differs. */
export const CHILD_OUTCOMES: Record<string, readonly string[]> = {
  accommodation: ["Placed with emergency foster carers", "Placed in a children's home bed for tonight"],
  "social-care-contact": ["Children's social worker allocated"],
};

export const NOT_NEEDED_REASONS: Record<string, readonly string[]> = {
  "health-check": ["Already registered with a GP; seen by own GP the same day"],
  accommodation: ["Has a safe place with family", "Already in safe accommodation"],
  interpreter: ["Speaks enough English after all"],
  "social-care-contact": ["Already known to social care; allocated worker informed"],
  "case-conference": ["Moved out of area; case passed to the receiving partnership"],
  "child-nrm-referral": ["Age assessment found an adult: moved to the adult pathway"],
};

export const DECLINED_REASONS: Record<string, readonly string[]> = {
  "health-check": ["Declined a health check; leaflet given", "Declined: did not want to be examined today"],
  accommodation: ["Declined: wants to return home", "Declined: staying with a friend"],
  "victim-support": ["Declined support for now; leaflet given", "Declined: wants to return home"],
  "social-care-contact": ["Declined contact with social care"],
};

/** Used when a person stops engaging: they leave and later stages close. */
export const LEFT_REASONS = ["Declined: wants to return home", "Left the accommodation; declined further contact"];

export const PAUSE_REASONS: Record<string, readonly string[]> = {
  "health-check": ["In A&E", "In A&E awaiting X-ray"],
  accommodation: ["In A&E", "Asleep at the station; moving after rest"],
  "nrm-consent-decision": ["Resting before consent is explained", "In hospital"],
  "social-care-contact": ["In hospital"],
};

/** Share of stages finished late, by stage: interpreters and conferences are the hard ones. */
export const LATE_CHANCE: Record<string, number> = {
  "immediate-safety": 0.05,
  "childrens-services-notified": 0.08,
  interpreter: 0.2,
  "health-check": 0.12,
  accommodation: 0.17,
  "child-nrm-referral": 0.12,
  "social-care-contact": 0.1,
  "case-conference": 0.2,
  "victim-support": 0.1,
  "nrm-consent-decision": 0.12,
};
