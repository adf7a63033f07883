import { z } from "zod";
import { typedText } from "../input/text";
import { parseLondonInputValue } from "../time/london";
import { rescueTimeProblem } from "./rescue-time";
import { matchNationality } from "../nationality/countries";
import { AGE_GROUPS, EXPLOITATION_TYPES, GENDERS } from "../types";
import { IMMEDIATE_NEEDS } from "./immediate-needs";
import { AGES_AT_EXPLOITATION, COUNTY_LINES_ANSWERS, EXPLOITATION_LOCATIONS, REFERRER_TYPES } from "./national-categories";

export const MAX_PEOPLE_PER_RESCUE = 60;

// A full UK postcode ("TS1 2AB") pins down a handful of addresses; the district ("TS1") does not.
const FULL_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i;
const HOUSE_NUMBER = /^\s*(flat\s+)?\d+[a-z]?\s*,?\s+\w+/i;

const optionalText = (max: number, label: string) =>
  typedText()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .transform((value) => value || null)
    .nullable()
    .optional()
    .transform((value) => value ?? null);

const listOfText = (maxItems: number, label: string) =>
  z
    .union([typedText(), z.array(typedText())])
    .optional()
    .transform((value) =>
      (Array.isArray(value) ? value : (value ?? "").split(","))
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(60, `Each entry in ${label} must be 60 characters or fewer`)).max(maxItems, `Enter no more than ${maxItems} ${label}`));

/** An optional choice: unanswered is stored as null (counted as missing); "Not known" is an answer. */
const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .preprocess((value) => (value === "" || value === null ? undefined : value), z.enum(values, { error: message }).optional())
    .transform((value) => value ?? null);

export const NATIONALITY_NOT_IN_LIST = "Choose a country from the list, or ‘Not known’";

/** Typed text from the country list's field, as its code (decision record 0019); blank is unanswered. */
const nationalityCode = typedText()
  .max(100, NATIONALITY_NOT_IN_LIST)
  .optional()
  .transform((value, ctx) => {
    if (!value?.trim()) return null;
    const code = matchNationality(value);
    if (code === null) {
      ctx.addIssue({ code: "custom", message: NATIONALITY_NOT_IN_LIST });
      return z.NEVER;
    }
    return code;
  });

export const personInputSchema = z
  .object({
    name: optionalText(100, "Name"),
    description: optionalText(200, "Description"),
    ageGroup: z.enum(AGE_GROUPS, { error: "Select an age group" }),
    gender: z.enum(GENDERS, { error: "Select a gender, or ‘Not known’" }),
    nationality: nationalityCode,
    languages: listOfText(10, "languages"),
    interpreterNeeded: z.enum(["yes", "no"], { error: "Select whether an interpreter is needed" }).transform((v) => v === "yes"),
    exploitationType: optionalChoice(EXPLOITATION_TYPES, "Select a type of exploitation from the list, or leave it unanswered"),
    exploitationLocation: optionalChoice(EXPLOITATION_LOCATIONS, "Select where the exploitation took place from the list, or leave it unanswered"),
    countyLines: optionalChoice(COUNTY_LINES_ANSWERS, "Select yes, no or ‘Not known’ for county lines, or leave it unanswered"),
    ageAtExploitation: optionalChoice(AGES_AT_EXPLOITATION, "Select adult, child or ‘Not known’ for the age at exploitation, or leave it unanswered"),
    referrerType: optionalChoice(REFERRER_TYPES, "Select the type of organisation from the list, or leave it unanswered"),
    immediateNeeds: z
      .union([z.enum(IMMEDIATE_NEEDS), z.array(z.enum(IMMEDIATE_NEEDS))])
      .optional()
      .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
    otherNeeds: optionalText(200, "Other needs"),
  })
  // `when`: check this even while other fields are wrong, so every error shows on the first submit.
  .refine((person) => Boolean(person.name || person.description), {
    path: ["name"],
    message: "Enter a name, or a description such as ‘woman, about 30, speaks Romanian’",
    when: (payload) => typeof payload.value === "object" && payload.value !== null,
  });

export function rescueInputSchema(now: Date) {
  return z.object({
    idempotencyKey: z.string().uuid("The form has expired: reload the page and try again"),
    occurredAt: z
      .string({ error: "Enter the time of rescue" })
      .trim()
      .min(1, "Enter the time of rescue")
      .transform((value, ctx) => {
        const date = parseLondonInputValue(value);
        if (!date) {
          ctx.addIssue({ code: "custom", message: "Enter a real date and time, for example 23/11/2026 14:30" });
          return z.NEVER;
        }
        const problem = rescueTimeProblem(date, now);
        if (problem) {
          ctx.addIssue({ code: "custom", message: problem });
          return z.NEVER;
        }
        return date;
      }),
    place: typedText({ error: "Enter the town or postcode district" })
      .trim()
      .min(2, "Enter the town or postcode district")
      .max(60, "Place must be 60 characters or fewer")
      .refine((value) => !FULL_POSTCODE.test(value) && !HOUSE_NUMBER.test(value), {
        message: "Enter the town or postcode district only (for example ‘Middlesbrough’ or ‘TS1’), not a full address",
      }),
    operationReference: optionalText(40, "Operation reference"),
    people: z
      .array(personInputSchema, { error: "Add at least one person" })
      .min(1, "Add at least one person")
      .max(MAX_PEOPLE_PER_RESCUE, `A rescue can have at most ${MAX_PEOPLE_PER_RESCUE} people: log the rest as a second rescue`),
  });
}

export type RescueInput = z.output<ReturnType<typeof rescueInputSchema>>;
export type PersonInput = z.output<typeof personInputSchema>;
