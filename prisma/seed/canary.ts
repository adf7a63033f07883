// The strings the demo seed plants and the canary end-to-end test looks for. No imports, so the test
// can load it without the server code. All obviously fictional.

/** The canary: a seeded accommodation address only the providing agency and police may ever receive. */
export const CANARY_ADDRESS = "Flat 0, 1 Canary Test Row, Teesmoor TS0 0ZZ";
export const SECOND_DEMO_ADDRESS = "Room 0, 2 Canary Test Row, Teesmoor TS0 0ZY";
/** Both demo addresses share this, so one search finds either. */
export const CANARY_FRAGMENT = "Canary Test Row";

export const POLICE_ONLY_NOTE = "Police only (demo): the suspected exploiter's van was seen near the station; intelligence logged.";
export const HEALTH_ONLY_NOTE = "Health only (demo): mild asthma; inhaler prescribed at triage.";
/** Parts of the notes with no characters HTML or JSON would escape, to search response bodies for. */
export const POLICE_NOTE_FRAGMENT = "van was seen near the station";
export const HEALTH_NOTE_FRAGMENT = "inhaler prescribed at triage";

/** The live person whose record carries the canary address and both restricted notes. */
export const CANARY_PERSON_NAME = "Ion Fictionelli";
