import { z } from "zod";
import { typedText } from "../input/text";
import { wholeNumber } from "../input/whole-number";
import { CHECK_THE_ANSWERS, invalid, ok, refused, type Result } from "../result";
import { TARGET_UNITS, type AgeGroup, type TargetUnit } from "../types";
import { APPLIES_TO_CHOICES, APPLIES_TO_GROUPS, appliesToChoice, MAXIMUM_IN_WORDS, STAGE_TITLE_MAX, TARGET_MAXIMUM } from "./pathway-choices";
import { STAGE_DEPENDENCIES } from "./stage-dependencies";

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

const FIELD_ORDER = ["key", "title", "ownerAgencyId", "targetValue", "targetUnit", "appliesTo", "enabled"];

/** Errors in form order: stage by stage, field by field, as the error summary lists them. */
function inFormOrder(errors: Record<string, string>): Record<string, string> {
  const rank = (name: string) => {
    const [, index, field] = name.split(".");
    return Number(index) * 100 + FIELD_ORDER.indexOf(field ?? "");
  };
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

/**
 * The rules about owners and the stages code relies on, read from the raw answers so that they are
 * shown together with any other mistake in the form, not only once the rest is right.
 */
function ruleErrors(rawStages: unknown, agencies: OwnerChoice[]): Record<string, string> {
  if (!Array.isArray(rawStages)) return {};
  const byId = new Map(agencies.map((agency) => [agency.id, agency]));
  const errors: Record<string, string> = {};
  rawStages.forEach((raw: unknown, index) => {
    if (typeof raw !== "object" || raw === null) return;
    const { key, ownerAgencyId, appliesTo, enabled } = raw as Record<string, unknown>;
    if (typeof ownerAgencyId === "string" && ownerAgencyId !== "") {
      const owner = byId.get(ownerAgencyId);
      if (!owner) errors[`stages.${index}.ownerAgencyId`] = "Choose an agency of this partnership";
      else if (owner.retired) errors[`stages.${index}.ownerAgencyId`] = `${owner.name} has been retired: choose an active agency to own this stage`;
    }
    const dependency = typeof key === "string" ? STAGE_DEPENDENCIES[key] : undefined;
    if (!dependency) return;
    if (enabled === "off") errors[`stages.${index}.enabled`] = dependency.offRefusal;
    if (typeof appliesTo === "string" && (APPLIES_TO_CHOICES as readonly string[]).includes(appliesTo) && appliesTo !== dependency.appliesTo) {
      errors[`stages.${index}.appliesTo`] = dependency.appliesToRefusal;
    }
  });
  return errors;
}

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
  const raw = (typeof rawInput === "object" && rawInput !== null ? rawInput : {}) as Record<string, unknown>;
  const base = pathwayEditSchema.shape.baseVersion.safeParse(raw.baseVersion);
  if (base.success && base.data !== current.version) {
    return refused(
      "stale-version",
      `Someone published version ${current.version} of the pathway after you opened this form, so your changes were not saved. Open the pathway again and make them on the newest version.`,
    );
  }
  const parsed = pathwayEditSchema.safeParse(rawInput);
  const rules = ruleErrors(raw.stages, agencies);
  if (!parsed.success) {
    const refusal = invalid(parsed.error);
    return { ...refusal, fieldErrors: inFormOrder({ ...rules, ...refusal.fieldErrors }) };
  }
  const input = parsed.data;
  const keys = input.stages.map((stage) => stage.key);
  if (new Set(keys).size !== keys.length || keys.length !== current.stages.length || !current.stages.every((stage) => keys.includes(stage.key))) {
    return refused("invalid-input", FORM_DOES_NOT_MATCH);
  }
  if (Object.keys(rules).length > 0) return refused("invalid-input", CHECK_THE_ANSWERS, inFormOrder(rules));

  const order = new Map(current.stages.map((stage, i) => [stage.key, i]));
  const edited = input.stages.map((stage): StageSettings => {
    const before = current.stages.find((candidate) => candidate.key === stage.key)!;
    // Keep the stored age groups when the answer did not change, so an unusual mix is not rewritten.
    const appliesTo = appliesToChoice(before.appliesTo) === stage.appliesTo ? before.appliesTo : APPLIES_TO_GROUPS[stage.appliesTo];
    return { key: stage.key, title: stage.title, ownerAgencyId: stage.ownerAgencyId, targetValue: stage.targetValue, targetUnit: stage.targetUnit, appliesTo, enabled: stage.enabled };
  });
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
