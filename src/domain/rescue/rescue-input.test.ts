import { describe, expect, it } from "vitest";
import { personInputSchema, rescueInputSchema } from "./rescue-input";

const NOW = new Date("2026-03-10T10:00:00Z");

// As the log-rescue form posts one person (strings only), without an exploitation type.
const person = {
  name: "",
  description: "Woman, about 30 (fictional)",
  ageGroup: "ADULT",
  gender: "FEMALE",
  nationality: "",
  languages: "Romanian",
  interpreterNeeded: "yes",
  otherNeeds: "",
};

function rescue(people: Record<string, unknown>[]) {
  return {
    idempotencyKey: "0b6f3c2e-8f7a-4c61-9d1e-2a3b4c5d6e7f",
    occurredAt: "2026-03-10T09:15",
    place: "Middlesbrough",
    operationReference: "",
    people,
  };
}

describe("a person's type of exploitation", () => {
  it.each(["LABOUR", "SEXUAL", "CRIMINAL", "DOMESTIC_SERVITUDE", "ORGAN_HARVESTING", "NOT_KNOWN"])("accepts %s and keeps it", (value) => {
    const parsed = personInputSchema.safeParse({ ...person, exploitationType: value });
    expect(parsed.success && parsed.data.exploitationType).toBe(value);
  });

  it.each([
    ["left out of the form", undefined],
    ["posted empty", ""],
  ])("is null (missing, not 'Not known') when %s", (_, value) => {
    const parsed = personInputSchema.safeParse(value === undefined ? person : { ...person, exploitationType: value });
    expect(parsed.success).toBe(true);
    expect(parsed.success && parsed.data.exploitationType).toBeNull();
  });

  it.each(["SLAVERY", "labour", "Labour", ["LABOUR", "SEXUAL"]])("refuses %j with a message keyed to that person's field", (value) => {
    const parsed = rescueInputSchema(NOW).safeParse(rescue([person, { ...person, exploitationType: value }]));
    expect(parsed.success).toBe(false);
    const issues = parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(issues).toEqual([["people.1.exploitationType", "Select a type of exploitation from the list, or leave it unanswered"]]);
  });

  it("keeps each person's answer apart in a rescue", () => {
    const parsed = rescueInputSchema(NOW).safeParse(
      rescue([{ ...person, exploitationType: "SEXUAL" }, person, { ...person, exploitationType: "NOT_KNOWN" }]),
    );
    expect(parsed.success && parsed.data.people.map((p) => p.exploitationType)).toEqual(["SEXUAL", null, "NOT_KNOWN"]);
  });
});
