import { z } from "zod";
import { typedText } from "../input/text";
import { IMMEDIATE_NEEDS } from "../rescue/immediate-needs";
import { matchNationality, nationalityName } from "../nationality/countries";
import {
  AGE_AT_EXPLOITATION_LABELS,
  AGES_AT_EXPLOITATION,
  COUNTY_LINES_ANSWERS,
  COUNTY_LINES_LABELS,
  EXPLOITATION_LOCATION_LABELS,
  EXPLOITATION_LOCATIONS,
  REFERRER_TYPE_LABELS,
  REFERRER_TYPES,
} from "../rescue/national-categories";
import { NATIONALITY_NOT_IN_LIST } from "../rescue/rescue-input";
import { EXPLOITATION_TYPE_LABELS, EXPLOITATION_TYPES, GENDERS, GENDER_LABELS, type Gender } from "../types";
import { fieldRefused, ok, type Result } from "../result";

/**
 * The details agencies correct after the rescue, one entry per field: its label, who may see and
 * correct it, how the form's answer is read, compared and written. A new correctable field is one more
 * entry here (and its column); the use case, the form and the tests go through this list.
 *
 * Need-to-know: everyone who sees the person in full may correct every field. Health reads a minimal
 * record (Caldicott), so it sees and corrects only the fields marked `minimalRecord`: identity, age and
 * what care needs (languages, interpreter, immediate needs), never nationality. The coordinator's
 * pseudonymised view reads none of them and corrects nothing.
 *
 * `identity` fields live in PersonIdentity: their values never go into an audit row or a timeline
 * entry (the audit log says that the name changed, not to what; docs/decisions/0022).
 */
export type CorrectionControl =
  | { kind: "text"; hint?: string }
  | { kind: "date"; hint?: string }
  | { kind: "radios"; options: { value: string; label: string }[] }
  /** The country list (decision record 0019): typed text, matched to a code. */
  | { kind: "country"; hint?: string }
  | { kind: "checkboxes"; options: { value: string; label: string }[]; otherName: string; otherLabel: string };

/** A value as the form shows it: one text, or the ticked boxes and the "other" text. */
export type FormValue = string | { ticked: string[]; other: string };

export type CorrectionField<V> = {
  key: string;
  label: string;
  store: "identity" | "person";
  identity: boolean;
  minimalRecord: boolean;
  control: CorrectionControl;
  /** Reads this field's answer from the whole form input; a refusal names the field. */
  parse(input: Record<string, unknown>): Result<V>;
  equal(a: V, b: V): boolean;
  /** What the stored column holds, as this list compares it (and back). */
  fromColumn(value: unknown): V;
  toColumn(value: V): unknown;
  toForm(value: V): FormValue;
  /** For audit rows (non-identity fields only) and the "someone else changed it" message. */
  display(value: V): string;
};

function parseWith<V>(key: string, schema: z.ZodType<V>, input: Record<string, unknown>): Result<V> {
  const parsed = schema.safeParse(input[key]);
  return parsed.success ? ok(parsed.data) : fieldRefused(key, parsed.error.issues[0]?.message ?? "Check this answer");
}

const optionalLine = (max: number, label: string) =>
  z
    .union([typedText().trim().max(max, `${label} must be ${max} characters or fewer`), z.undefined()])
    .transform((value) => value || null);

function textField(key: string, label: string, store: "identity" | "person", options: { max: number; identity: boolean; minimalRecord: boolean; hint?: string }): CorrectionField<string | null> {
  const schema = optionalLine(options.max, label);
  return {
    key,
    label,
    store,
    identity: options.identity,
    minimalRecord: options.minimalRecord,
    control: { kind: "text", hint: options.hint },
    parse: (input) => parseWith(key, schema, input),
    equal: (a, b) => a === b,
    fromColumn: (value) => (typeof value === "string" && value !== "" ? value : null),
    toColumn: (value) => value,
    toForm: (value) => value ?? "",
    display: (value) => value ?? "Not recorded",
  };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date, not in the future and not before 1900: what a date of birth can be. */
export function dateOfBirthProblem(value: string, today: Date): string | null {
  const match = ISO_DATE.exec(value);
  if (!match) return "Enter a real date of birth, for example 2009-03-27";
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return "Enter a real date of birth, for example 2009-03-27";
  if (year < 1900) return "Enter a date of birth after 1900";
  if (date.getTime() > today.getTime()) return "The date of birth must be in the past";
  return null;
}

function dateOfBirthField(): CorrectionField<string | null> {
  const key = "dateOfBirth";
  return {
    key,
    label: "Date of birth",
    store: "identity",
    identity: true,
    minimalRecord: true,
    control: { kind: "date", hint: "If known. An estimate is an age assessment's business, not this field's." },
    parse: (input) => {
      const raw = input[key];
      if (raw === undefined || raw === "") return ok(null);
      if (typeof raw !== "string") return fieldRefused(key, "Enter a real date of birth, for example 2009-03-27");
      const problem = dateOfBirthProblem(raw.trim(), new Date());
      return problem ? fieldRefused(key, problem) : ok(raw.trim());
    },
    equal: (a, b) => a === b,
    fromColumn: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : null),
    toColumn: (value) => (value === null ? null : new Date(`${value}T00:00:00.000Z`)),
    toForm: (value) => value ?? "",
    display: (value) => value ?? "Not recorded",
  };
}

function genderField(): CorrectionField<Gender> {
  const key = "gender";
  const schema = z.enum(GENDERS, { error: "Select a gender, or ‘Not known’" });
  return {
    key,
    label: "Gender",
    store: "person",
    identity: false,
    minimalRecord: true,
    control: { kind: "radios", options: GENDERS.map((value) => ({ value, label: GENDER_LABELS[value] })) },
    parse: (input) => parseWith(key, schema, input),
    equal: (a, b) => a === b,
    fromColumn: (value) => value as Gender,
    toColumn: (value) => value,
    toForm: (value) => value,
    display: (value) => GENDER_LABELS[value],
  };
}

/** The country list's code; the form shows and takes the country's name (or a demonym, or a code). */
function nationalityField(): CorrectionField<string | null> {
  const key = "nationalityCode";
  return {
    key,
    label: "Nationality",
    store: "person",
    identity: false,
    minimalRecord: false,
    control: { kind: "country", hint: "Start typing a country or nationality, then choose from the list. Or ‘Stateless’, or ‘Not known’." },
    parse: (input) => {
      const raw = input[key];
      if (raw === undefined || (typeof raw === "string" && raw.trim() === "")) return ok(null);
      if (typeof raw !== "string" || raw.length > 100) return fieldRefused(key, NATIONALITY_NOT_IN_LIST);
      const hidden = typedText().safeParse(raw);
      if (!hidden.success) return fieldRefused(key, hidden.error.issues[0]?.message ?? NATIONALITY_NOT_IN_LIST);
      const code = matchNationality(raw);
      return code === null ? fieldRefused(key, NATIONALITY_NOT_IN_LIST) : ok(code);
    },
    equal: (a, b) => a === b,
    fromColumn: (value) => (typeof value === "string" && value !== "" ? value : null),
    toColumn: (value) => value,
    toForm: (value) => (value ? nationalityName(value) : ""),
    display: (value) => (value ? nationalityName(value) : "Not recorded"),
  };
}

/**
 * An optional choice of the national statistics' categories (or the exploitation type): unanswered is
 * null, counted as missing; "Not known" is an answer. Not in health's minimal record.
 */
function choiceField<const T extends readonly [string, ...string[]]>(key: string, label: string, values: T, labels: Record<T[number], string>, message: string): CorrectionField<T[number] | null> {
  const schema = z.preprocess((value) => (value === "" ? undefined : value), z.enum(values, { error: message }).optional());
  return {
    key,
    label,
    store: "person",
    identity: false,
    minimalRecord: false,
    control: { kind: "radios", options: values.map((value: T[number]) => ({ value, label: labels[value] })) },
    parse: (input) => {
      const parsed = parseWith(key, schema, input);
      return parsed.ok ? ok((parsed.data ?? null) as T[number] | null) : parsed;
    },
    equal: (a, b) => a === b,
    fromColumn: (value) => (typeof value === "string" ? (value as T[number]) : null),
    toColumn: (value) => value,
    toForm: (value) => value ?? "",
    display: (value) => (value ? labels[value as T[number]] : "Not recorded"),
  };
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((item, index) => item === b[index]);

function languagesField(): CorrectionField<string[]> {
  const key = "languages";
  const schema = z
    .union([typedText(), z.undefined()])
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(60, "Each language must be 60 characters or fewer")).max(10, "Enter no more than 10 languages"));
  return {
    key,
    label: "Languages",
    store: "person",
    identity: false,
    minimalRecord: true,
    control: { kind: "text", hint: "Separate with commas" },
    parse: (input) => parseWith(key, schema, input),
    equal: sameList,
    fromColumn: (value) => (Array.isArray(value) ? value.map(String) : []),
    toColumn: (value) => value,
    toForm: (value) => value.join(", "),
    display: (value) => value.join(", ") || "Not known",
  };
}

function interpreterField(): CorrectionField<boolean> {
  const key = "interpreterNeeded";
  const schema = z.enum(["yes", "no"], { error: "Select whether an interpreter is needed" }).transform((value) => value === "yes");
  return {
    key,
    label: "Interpreter needed",
    store: "person",
    identity: false,
    minimalRecord: true,
    control: { kind: "radios", options: [{ value: "yes", label: "Yes" }, { value: "no", label: "No" }] },
    parse: (input) => parseWith(key, schema, input),
    equal: (a, b) => a === b,
    fromColumn: (value) => value === true,
    toColumn: (value) => value,
    toForm: (value) => (value ? "yes" : "no"),
    display: (value) => (value ? "Yes" : "No"),
  };
}

const KNOWN_NEEDS: readonly string[] = IMMEDIATE_NEEDS;

function immediateNeedsField(): CorrectionField<string[]> {
  const key = "immediateNeeds";
  const otherName = "otherNeeds";
  const ticked = z
    .union([z.enum(IMMEDIATE_NEEDS, { error: "Select needs from the list" }), z.array(z.enum(IMMEDIATE_NEEDS, { error: "Select needs from the list" })), z.undefined()])
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));
  const other = optionalLine(200, "Other needs");
  return {
    key,
    label: "Immediate needs",
    store: "person",
    identity: false,
    minimalRecord: true,
    control: { kind: "checkboxes", options: IMMEDIATE_NEEDS.map((need) => ({ value: need, label: need })), otherName, otherLabel: "Other needs (optional)" },
    parse: (input) => {
      const needs = parseWith(key, ticked, input);
      if (!needs.ok) return needs;
      const more = parseWith(otherName, other, input);
      if (!more.ok) return more;
      const inOrder = IMMEDIATE_NEEDS.filter((need) => needs.data.includes(need));
      return ok(more.data ? [...inOrder, more.data] : inOrder);
    },
    equal: sameList,
    fromColumn: (value) => (Array.isArray(value) ? value.map(String) : []),
    toColumn: (value) => value,
    toForm: (value) => ({ ticked: value.filter((need) => KNOWN_NEEDS.includes(need)), other: value.filter((need) => !KNOWN_NEEDS.includes(need)).join(", ") }),
    display: (value) => value.join(", ") || "None recorded",
  };
}

export const CORRECTION_FIELDS: readonly CorrectionField<unknown>[] = [
  textField("name", "Name", "identity", { max: 100, identity: true, minimalRecord: true }),
  textField("description", "Description", "identity", { max: 200, identity: true, minimalRecord: true, hint: "For example ‘woman, about 30, speaks Romanian’" }),
  dateOfBirthField(),
  genderField(),
  nationalityField(),
  languagesField(),
  interpreterField(),
  immediateNeedsField(),
  choiceField("exploitationType", "Type of exploitation", EXPLOITATION_TYPES, EXPLOITATION_TYPE_LABELS, "Select a type of exploitation from the list"),
  choiceField("exploitationLocation", "Where the exploitation took place", EXPLOITATION_LOCATIONS, EXPLOITATION_LOCATION_LABELS, "Select where the exploitation took place from the list"),
  choiceField("countyLines", "County lines", COUNTY_LINES_ANSWERS, COUNTY_LINES_LABELS, "Select yes, no or ‘Not known’ for county lines"),
  choiceField("ageAtExploitation", "Age at exploitation", AGES_AT_EXPLOITATION, AGE_AT_EXPLOITATION_LABELS, "Select adult, child or ‘Not known’ for the age at exploitation"),
  choiceField("referrerType", "Type of referring organisation", REFERRER_TYPES, REFERRER_TYPE_LABELS, "Select the type of organisation from the list"),
];

/** The fields this reader may see and correct: all of them, or a minimal-record reader's (health) only. */
export function correctableFields(reader: { minimalRecord: boolean }): readonly CorrectionField<unknown>[] {
  return CORRECTION_FIELDS.filter((field) => !reader.minimalRecord || field.minimalRecord);
}

export type StoredDetails = { identity: Record<string, unknown>; person: Record<string, unknown> };

export function currentValue(field: CorrectionField<unknown>, stored: StoredDetails): unknown {
  return field.fromColumn(stored[field.store][field.key]);
}

export type CorrectionChange = { field: CorrectionField<unknown>; before: unknown; after: unknown };

/**
 * Reads every field the reader may correct from the form, says every bad answer at once, and returns
 * the fields whose value differs from what is stored now. A name and a description cannot both end up
 * empty: the person must stay recognisable on screen.
 */
export function planCorrection(reader: { minimalRecord: boolean }, input: Record<string, unknown>, stored: StoredDetails): Result<CorrectionChange[]> {
  const fieldErrors: Record<string, string> = {};
  const changes: CorrectionChange[] = [];
  const next: Record<string, unknown> = {};
  for (const field of correctableFields(reader)) {
    const parsed = field.parse(input);
    if (!parsed.ok) {
      Object.assign(fieldErrors, parsed.fieldErrors);
      continue;
    }
    next[field.key] = parsed.data;
    const before = currentValue(field, stored);
    if (!field.equal(before, parsed.data)) changes.push({ field, before, after: parsed.data });
  }
  if (!fieldErrors.name && "name" in next && "description" in next && next.name === null && next.description === null) {
    fieldErrors.name = "Enter a name, or a description such as ‘woman, about 30, speaks Romanian’";
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, code: "invalid-input", formError: "There is a problem: check the highlighted answers.", fieldErrors };
  return ok(changes);
}

/**
 * For a form sent on an older version: the fields someone else changed since the form was shown
 * (what the form was shown with, `was.<key>`, against what is stored now), each with its new value,
 * so the second writer sees what changed and keeps what they typed.
 */
export function changedSinceShown(reader: { minimalRecord: boolean }, shown: Record<string, unknown>, stored: StoredDetails): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const field of correctableFields(reader)) {
    const was = field.parse(shown);
    const now = currentValue(field, stored);
    if (was.ok && field.equal(was.data, now)) continue;
    messages[field.key] = `Someone else changed this to “${field.display(now)}” since you opened the form. Your answer is kept: save again to use it.`;
  }
  return messages;
}
