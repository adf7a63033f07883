// The pathway editor's choices and limits, apart from its zod rules (pathway-edit.ts): the edit form
// is a client component, and zod in the browser tries \`new Function\`, which the CSP refuses.
import type { AgeGroup, TargetUnit } from "../types";

/** Who a stage is for, as the editor asks it. Children include people whose age is disputed. */
export const APPLIES_TO_CHOICES = ["ADULTS", "CHILDREN", "BOTH"] as const;
export type AppliesToChoice = (typeof APPLIES_TO_CHOICES)[number];

export const APPLIES_TO_GROUPS: Record<AppliesToChoice, AgeGroup[]> = {
  ADULTS: ["ADULT"],
  CHILDREN: ["CHILD", "AGE_DISPUTED"],
  BOTH: ["ADULT", "CHILD", "AGE_DISPUTED"],
};

export const APPLIES_TO_LABELS: Record<AppliesToChoice, string> = {
  ADULTS: "Adults",
  CHILDREN: "Children (and age disputed)",
  BOTH: "Adults and children",
};

export const TARGET_UNIT_LABELS: Record<TargetUnit, string> = {
  HOURS: "Hours",
  WORKING_DAYS: "Working days",
  WORKING_HOURS: "Working hours of the owning agency",
};

/** The longest target each unit allows: past these a stage is a later milestone, not a target. Ours. */
export const TARGET_MAXIMUM: Record<TargetUnit, number> = { HOURS: 720, WORKING_DAYS: 60, WORKING_HOURS: 480 };
export const MAXIMUM_IN_WORDS: Record<TargetUnit, string> = {
  HOURS: "720 hours (30 days)",
  WORKING_DAYS: "60 working days",
  WORKING_HOURS: "480 working hours",
};

export const STAGE_TITLE_MAX = 120;

export function appliesToChoice(groups: readonly AgeGroup[]): AppliesToChoice {
  const adults = groups.includes("ADULT");
  const children = groups.includes("CHILD") || groups.includes("AGE_DISPUTED");
  return adults && children ? "BOTH" : adults ? "ADULTS" : "CHILDREN";
}

