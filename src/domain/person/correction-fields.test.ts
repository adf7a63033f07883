import { describe, expect, it } from "vitest";
import { changedSinceShown, correctableFields, dateOfBirthProblem, planCorrection, type StoredDetails } from "./correction-fields";

const stored: StoredDetails = {
  identity: { name: "Ana Fictional", description: null, dateOfBirth: new Date("1990-01-02T00:00:00Z") },
  person: { gender: "FEMALE", nationalityCode: "ROU", countyLines: null, languages: ["Romanian"], interpreterNeeded: true, immediateNeeds: ["Rest", "Needs glasses"] },
};
const asShown = { name: "Ana Fictional", description: "", dateOfBirth: "1990-01-02", gender: "FEMALE", nationalityCode: "Romania", languages: "Romanian", interpreterNeeded: "yes", immediateNeeds: ["Rest"], otherNeeds: "Needs glasses" };
const full = { minimalRecord: false };

describe("planCorrection", () => {
  it("refuses a nationality that is not in the country list", () => {
    const plan = planCorrection(full, { ...asShown, nationalityCode: "Atlantis" }, stored);
    expect(!plan.ok && plan.fieldErrors).toEqual({ nationalityCode: "Choose a country from the list, or ‘Not known’" });
  });

  it("finds only the fields that changed, in list order", () => {
    const plan = planCorrection(full, { ...asShown, languages: "Romanian, English", gender: "NOT_KNOWN" }, stored);
    expect(plan.ok && plan.data.map((change) => [change.field.key, change.after])).toEqual([
      ["gender", "NOT_KNOWN"],
      ["languages", ["Romanian", "English"]],
    ]);
  });

  it("keeps an other need typed beside the ticked ones, and changes nothing when the form says what is stored", () => {
    expect(planCorrection(full, asShown, stored)).toEqual({ ok: true, data: [] });
  });

  it("says every bad answer at once, and refuses leaving neither a name nor a description", () => {
    const plan = planCorrection(full, { ...asShown, name: "", gender: "X", dateOfBirth: "1990-13-01" }, stored);
    expect(!plan.ok && Object.keys(plan.fieldErrors).sort()).toEqual(["dateOfBirth", "gender", "name"]);
  });

  it("reads nothing a minimal-record reader (health) may not see", () => {
    expect(correctableFields({ minimalRecord: true }).map((field) => field.key)).not.toContain("nationalityCode");
    const plan = planCorrection({ minimalRecord: true }, { ...asShown, nationalityCode: "France", countyLines: "YES" }, stored);
    expect(plan).toEqual({ ok: true, data: [] });
  });
});

describe("changedSinceShown", () => {
  it("names each field stored differently from what the form showed, with its value now", () => {
    const messages = changedSinceShown(full, { ...asShown, nationalityCode: "Bulgarian" }, stored);
    expect(messages).toEqual({ nationalityCode: expect.stringContaining("“Romania”") });
  });
});

describe("dateOfBirthProblem", () => {
  const today = new Date("2026-12-01T12:00:00Z");
  it.each([
    ["2001-02-29", "Enter a real date of birth, for example 2009-03-27"],
    ["01/02/2001", "Enter a real date of birth, for example 2009-03-27"],
    ["1899-12-31", "Enter a date of birth after 1900"],
    ["2026-12-02", "The date of birth must be in the past"],
    ["2000-02-29", null],
  ])("%s: %s", (value, problem) => {
    expect(dateOfBirthProblem(value, today)).toBe(problem);
  });
});
