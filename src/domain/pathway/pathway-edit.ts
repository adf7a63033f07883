import { z } from "zod";
import { typedText } from "../input/text";
import { wholeNumber } from "../input/whole-number";
import { CHECK_THE_ANSWERS, invalid, ok, refused, type Result } from "../result";
import { TARGET_UNITS, type AgeGroup, type TargetUnit } from "../types";
import { STAGE_DEPENDENCIES } from "./stage-dependencies";

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
const MAXIMUM_IN_WORDS: Record<TargetUnit, string> = {
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

/** What the editor changes on a stage; everything else (description, order, interpreter rule) is copied. */
export type StageSettings = {
  key: string;
  title: string;
  ownerAgencyId: string;
  targetValue: number;
  targetUnit: TargetUnit;
  appliesTo: AgeGroup[];
  enabled: boolean;
};

const stageEditSchema = z
  .object({
    key: z.string({ error: "This stage is not in the pathway" }).max(100, "This stage is not in the pathway"),
    title: typedText({ error: "Enter the stage's title" })
      .trim()
      .min(1, "Enter the stage's title")
      .max(STAGE_TITLE_MAX, `Enter a title of ${STAGE_TITLE_MAX} characters or fewer`),
    ownerAgencyId: z.uuid({ error: "Choose the agency that owns this stage" }),
    targetValue: wholeNumber("Enter the target as a whole number, such as 4", z.number().min(1, "Enter a target of 1 or more")),
    targetUnit: z.enum(TARGET_UNITS, { error: "Choose what the target counts: hours, working days or working hours" }),
    appliesTo: z.enum(APPLIES_TO_CHOICES, { error: "Choose who the stage is for: adults, children or both" }),
    enabled: z.enum(["on", "off"], { error: "Choose whether the stage is on or off" }).transform((value) => value === "on"),
  })
  .superRefine((stage, ctx) => {
    const maximum = TARGET_MAXIMUM[stage.targetUnit];
    if (stage.targetValue > maximum) {
      ctx.addIssue({ code: "custom", path: ["targetValue"], message: `Enter a target of ${MAXIMUM_IN_WORDS[stage.targetUnit]} or less` });
    }
  });

export const pathwayEditSchema = z.object({
  baseVersion: wholeNumber("Reload the page: the form does not say which version it was based on", z.number().min(1)),
  stages: z.array(stageEditSchema, { error: "Reload the page: the form has no stages" }).min(1).max(100),
});

export type PathwayEditInput = z.output<typeof pathwayEditSchema>;

export type OwnerChoice = { id: string; name: string; retired: boolean };

export const FORM_DOES_NOT_MATCH = "This form does not match the pathway. Reload the page and make your changes again.";

/**
 * Checks an edit of the whole pathway against the version it was based on (`current`) and the
 * partnership's agencies, and returns every stage with its new settings, in the current order.
 * Refuses: a stale base (someone published since), stages missing or not in the pathway, an owner
 * that is retired or not of this partnership, and switching off or re-aiming a stage code relies on.
 */
export function checkPathwayEdit(
  current: { version: number; stages: StageSettings[] },
  rawInput: unknown,
  agencies: OwnerChoice[],
): Result<StageSettings[]> {
  const parsed = pathwayEditSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  if (input.baseVersion !== current.version) {
    return refused(
      "stale-version",
      `Someone published version ${current.version} of the pathway after you opened this form, so your changes were not saved. Open the pathway again and make them on the newest version.`,
    );
  }
  const keys = input.stages.map((stage) => stage.key);
  if (new Set(keys).size !== keys.length || keys.length !== current.stages.length || !current.stages.every((stage) => keys.includes(stage.key))) {
    return refused("invalid-input", FORM_DOES_NOT_MATCH);
  }

  const byId = new Map(agencies.map((agency) => [agency.id, agency]));
  const fieldErrors: Record<string, string> = {};
  const edited = input.stages.map((stage, index): StageSettings => {
    const before = current.stages.find((candidate) => candidate.key === stage.key)!;
    const owner = byId.get(stage.ownerAgencyId);
    if (!owner) fieldErrors[`stages.${index}.ownerAgencyId`] = "Choose an agency of this partnership";
    else if (owner.retired) fieldErrors[`stages.${index}.ownerAgencyId`] = `${owner.name} has been retired: choose an active agency to own this stage`;
    const dependency = STAGE_DEPENDENCIES[stage.key];
    if (dependency && !stage.enabled) fieldErrors[`stages.${index}.enabled`] = dependency.offRefusal;
    if (dependency && stage.appliesTo !== dependency.appliesTo) fieldErrors[`stages.${index}.appliesTo`] = dependency.appliesToRefusal;
    // Keep the stored age groups when the answer did not change, so an unusual mix is not rewritten.
    const appliesTo = appliesToChoice(before.appliesTo) === stage.appliesTo ? before.appliesTo : APPLIES_TO_GROUPS[stage.appliesTo];
    return { key: stage.key, title: stage.title, ownerAgencyId: stage.ownerAgencyId, targetValue: stage.targetValue, targetUnit: stage.targetUnit, appliesTo, enabled: stage.enabled };
  });
  if (Object.keys(fieldErrors).length > 0) return refused("invalid-input", CHECK_THE_ANSWERS, fieldErrors);
  const order = new Map(current.stages.map((stage, i) => [stage.key, i]));
  return ok(edited.sort((a, b) => order.get(a.key)! - order.get(b.key)!));
}

export type StageFieldChange = { field: keyof Omit<StageSettings, "key">; before: string | number | boolean | readonly string[]; after: string | number | boolean | readonly string[] };
export type StageDiff = { key: string; changes: StageFieldChange[] };

const COMPARED: StageFieldChange["field"][] = ["title", "ownerAgencyId", "targetValue", "targetUnit", "appliesTo", "enabled"];

/** What changed, stage by stage (by key), field by field; stages with no change are left out. */
export function diffPathway(before: StageSettings[], after: StageSettings[]): StageDiff[] {
  return after.flatMap((stage) => {
    const old = before.find((candidate) => candidate.key === stage.key);
    if (!old) return [];
    const changes = COMPARED.flatMap((field): StageFieldChange[] => {
      const a = old[field];
      const b = stage[field];
      const same = Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((value, i) => value === b[i]) : a === b;
      return same ? [] : [{ field, before: a, after: b }];
    });
    return changes.length > 0 ? [{ key: stage.key, changes }] : [];
  });
}

/** A diff as an audit row's `changes`: "health-check.targetValue": { before: 4, after: 6 }. */
export function diffAsAuditChanges(diff: StageDiff[]): Record<string, { before: StageFieldChange["before"]; after: StageFieldChange["after"] }> {
  return Object.fromEntries(diff.flatMap(({ key, changes }) => changes.map(({ field, before, after }) => [`${key}.${field}`, { before, after }])));
}
