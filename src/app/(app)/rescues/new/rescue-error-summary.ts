/** The rescue's own fields, in the order the form shows them. */
const RESCUE_FIELDS = ["occurredAt", "place", "operationReference", "people"] as const;

/** One person's fields, in the order each person's fieldset shows them (log-rescue-form.tsx). */
const PERSON_FIELDS = [
  "name",
  "description",
  "ageGroup",
  "childOf",
  "gender",
  "nationality",
  "languages",
  "interpreterNeeded",
  "exploitationType",
  "exploitationLocation",
  "countyLines",
  "ageAtExploitation",
  "referrerType",
  "immediateNeeds",
  "otherNeeds",
] as const;

const PERSON_FIELD = /^people\.(\d+)\.(\w+)$/;

function rank(field: string): [number, number, number] {
  const person = PERSON_FIELD.exec(field);
  if (!person) {
    const index = RESCUE_FIELDS.indexOf(field as (typeof RESCUE_FIELDS)[number]);
    return [0, 0, index === -1 ? RESCUE_FIELDS.length : index];
  }
  const index = PERSON_FIELDS.indexOf(person[2] as (typeof PERSON_FIELDS)[number]);
  return [1, Number(person[1]), index === -1 ? PERSON_FIELDS.length : index];
}

/**
 * The error summary of a rescue with many people: every error in the order of the form, and each
 * person's errors saying which person they are about ("Person 2: Select a gender"), since the same
 * message can be true of several people. The number is the one on the person's fieldset legend.
 */
export function rescueErrorSummary(fieldErrors: Record<string, string>): {
  fieldErrors: Record<string, string>;
  fieldLabels: Record<string, string>;
} {
  const ordered = Object.keys(fieldErrors).sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2];
  });
  const fieldLabels: Record<string, string> = {};
  for (const field of ordered) {
    const person = PERSON_FIELD.exec(field);
    if (person) fieldLabels[field] = `Person ${Number(person[1]) + 1}`;
  }
  return { fieldErrors: Object.fromEntries(ordered.map((field) => [field, fieldErrors[field]!])), fieldLabels };
}
