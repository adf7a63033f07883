import { describe, expect, it } from "vitest";
import {
  AGE_GROUP_LABELS,
  AGE_GROUPS,
  AGENCY_KIND_LABELS,
  AGENCY_KINDS,
  GENDER_LABELS,
  GENDERS,
  isTreatedAsChild,
  ROLE_LABELS,
  ROLES,
  STAGE_STATE_LABELS,
  STAGE_STATES,
} from "./types";

describe("isTreatedAsChild", () => {
  it("treats a child as a child", () => {
    expect(isTreatedAsChild("CHILD")).toBe(true);
  });

  it("treats a person whose age is disputed as a child until assessed", () => {
    expect(isTreatedAsChild("AGE_DISPUTED")).toBe(true);
  });

  it("does not treat an adult as a child", () => {
    expect(isTreatedAsChild("ADULT")).toBe(false);
  });
});

describe("labels", () => {
  it.each([
    ["agency kinds", AGENCY_KINDS, AGENCY_KIND_LABELS],
    ["roles", ROLES, ROLE_LABELS],
    ["age groups", AGE_GROUPS, AGE_GROUP_LABELS],
    ["genders", GENDERS, GENDER_LABELS],
    ["stage states", STAGE_STATES, STAGE_STATE_LABELS],
  ] as const)("has exactly one non-blank label for each of the %s", (_name, values, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
    for (const value of values) expect((labels as Record<string, string>)[value]?.trim()).toBeTruthy();
  });

  it("uses plain words users will see", () => {
    expect(AGE_GROUP_LABELS.AGE_DISPUTED).toBe("Age disputed (treated as a child)");
    expect(STAGE_STATE_LABELS.DECLINED).toBe("Declined by the person");
    expect(ROLE_LABELS.COORDINATOR).toBe("Partnership coordinator");
    expect(AGENCY_KIND_LABELS.VCAS).toBe("Victim Care and Advice Service");
  });
});
