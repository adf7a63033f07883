import { describe, expect, it } from "vitest";
import { rescueErrorSummary } from "./rescue-error-summary";

describe("rescueErrorSummary", () => {
  it("lists errors in form order, the rescue first, then each person in turn and their fields in order", () => {
    const { fieldErrors } = rescueErrorSummary({
      "people.10.gender": "Select a gender",
      "people.1.interpreterNeeded": "Select yes or no",
      "people.1.name": "Enter a name, or a description",
      place: "Enter the town or postcode district",
      "people.0.ageGroup": "Select an age group",
      "people.2.gender": "Select a gender",
      occurredAt: "Enter the time of rescue",
    });
    expect(Object.keys(fieldErrors)).toEqual([
      "occurredAt",
      "place",
      "people.0.ageGroup",
      "people.1.name",
      "people.1.interpreterNeeded",
      "people.2.gender",
      "people.10.gender",
    ]);
  });

  it("says which person each error is about, numbered as on the form", () => {
    const { fieldLabels } = rescueErrorSummary({ place: "Enter the place", "people.0.gender": "Select a gender", "people.1.gender": "Select a gender" });
    expect(fieldLabels).toEqual({ "people.0.gender": "Person 1", "people.1.gender": "Person 2" });
  });
});
