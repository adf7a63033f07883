import type { AgeGroup } from "../types";
import { dueAtFor, stageApplies, type PersonForPathway } from "./build-pathway";
import { isOpenStageState } from "./stage-states";
import type { StageTemplate } from "./template";
import type { StageState } from "../types";
import { ROUND_THE_CLOCK, type AgencyHours } from "../time/working-hours";

/** What an age assessment can decide: never "disputed" again. */
export const AGE_ASSESSMENT_OUTCOMES = ["ADULT", "CHILD"] as const;
export type AgeAssessmentOutcome = (typeof AGE_ASSESSMENT_OUTCOMES)[number];

export const AGE_ASSESSMENT_OUTCOME_LABELS: Record<AgeAssessmentOutcome, string> = {
  ADULT: "Adult (18 or over)",
  CHILD: "Child (under 18)",
};

export function notNeededAfterAssessment(outcome: AgeAssessmentOutcome): string {
  return outcome === "CHILD" ? "Not needed — age assessed as child" : "Not needed — age assessed as adult";
}

/** Why an interpreter stage was closed when the record was corrected to "no interpreter needed". */
export const NOT_NEEDED_NO_INTERPRETER = "Not needed — no interpreter needed";

/**
 * The reasons a re-planning (not a person) closes a stage with. Only a stage closed with one of these
 * comes back when a later change makes it apply again: a stage someone marked not needed themselves,
 * or one closed with the case (reopening restarts those), is left alone.
 */
const REPLANNED_REASONS: readonly string[] = [notNeededAfterAssessment("ADULT"), notNeededAfterAssessment("CHILD"), NOT_NEEDED_NO_INTERPRETER];

export type StageOnPathway = { id: string; templateStageId: string; state: StageState; closingReason?: string | null };
export type TemplateOnPathway = StageTemplate & { id: string };

export type PathwayChangePlan<T extends TemplateOnPathway> = {
  /** Open stages that no longer apply: closed "not needed" (kept, with their history). */
  close: { stageId: string; reason: string }[];
  /** Stages a previous re-planning closed that apply again: restarted as new work with clocks from `from`. */
  restart: { stageId: string; template: T; dueAt: Date }[];
  /** Stages of the person's own pathway version they now get and never had, with clocks from `from`. */
  add: { template: T; dueAt: Date }[];
};

/**
 * The one home for re-planning a person's pathway when a fact it is built from changes (age group,
 * interpreter need). `after` is the person as they now are; `closes` says which open stages this change
 * ends (each change ends only the stages its own rule no longer keeps) and `reason` what they are closed
 * with. Stages of the person's own pathway version that now apply come with clocks from `from`, in
 * pathway order: added if the person never had them, restarted if an earlier re-planning closed them
 * (so adult → child → adult gets the adult stages back). A stage done, declined or ended any other way
 * stays as it is, a stage is never added twice, and nothing is deleted: the history is kept.
 */
export function planPathwayChange<T extends TemplateOnPathway>(
  after: PersonForPathway,
  stages: StageOnPathway[],
  templates: T[],
  from: Date,
  rule: { reason: string; closes: (template: T, stage: StageOnPathway) => boolean },
  ownerHoursOf: (template: T) => AgencyHours = () => ROUND_THE_CLOCK,
): PathwayChangePlan<T> {
  const byId = new Map(templates.map((template) => [template.id, template]));
  const have = new Map(stages.map((stage) => [stage.templateStageId, stage]));
  const applies = (template: T) => stageApplies(template, after);

  const close = stages
    .filter((stage) => isOpenStageState(stage.state))
    .filter((stage) => {
      const template = byId.get(stage.templateStageId);
      // A rule can only be read from a stage whose template is known; anything else is left alone.
      return template !== undefined && rule.closes(template, stage);
    })
    .map((stage) => ({ stageId: stage.id, reason: rule.reason }));

  const ordered = templates.filter(applies).sort((a, b) => a.sortOrder - b.sortOrder);
  const restart = ordered.flatMap((template) => {
    const stage = have.get(template.id);
    if (!stage || stage.state !== "NOT_NEEDED" || !REPLANNED_REASONS.includes(stage.closingReason ?? "")) return [];
    return [{ stageId: stage.id, template, dueAt: dueAtFor(template, from, ownerHoursOf(template)) }];
  });
  const add = ordered
    .filter((template) => !have.has(template.id))
    .map((template) => ({ template, dueAt: dueAtFor(template, from, ownerHoursOf(template)) }));

  return { close, restart, add };
}

/**
 * What an age assessment does to a person's pathway: the stages of the new age group come (added, or
 * restarted if an earlier assessment closed them), open stages whose age rule excludes the new group
 * close "not needed — age assessed as …".
 */
export function planAgeReassessment<T extends TemplateOnPathway>(
  person: { interpreterNeeded: boolean },
  outcome: AgeAssessmentOutcome,
  stages: StageOnPathway[],
  templates: T[],
  from: Date,
  ownerHoursOf: (template: T) => AgencyHours = () => ROUND_THE_CLOCK,
): PathwayChangePlan<T> {
  const after = { ageGroup: outcome as AgeGroup, interpreterNeeded: person.interpreterNeeded };
  return planPathwayChange(after, stages, templates, from, { reason: notNeededAfterAssessment(outcome), closes: (template) => !template.appliesTo.includes(outcome) }, ownerHoursOf);
}

/**
 * What correcting "interpreter needed" does: needed, the interpreter stage comes (added, or restarted
 * if an earlier correction closed it); not needed, an interpreter stage not yet started closes "not
 * needed — no interpreter needed". One already started, paused or done stays: work on it happened.
 */
export function planInterpreterChange<T extends TemplateOnPathway>(
  person: { ageGroup: AgeGroup },
  interpreterNeeded: boolean,
  stages: StageOnPathway[],
  templates: T[],
  from: Date,
  ownerHoursOf: (template: T) => AgencyHours = () => ROUND_THE_CLOCK,
): PathwayChangePlan<T> {
  const after = { ageGroup: person.ageGroup, interpreterNeeded };
  return planPathwayChange(
    after,
    stages,
    templates,
    from,
    { reason: NOT_NEEDED_NO_INTERPRETER, closes: (template, stage) => !interpreterNeeded && template.onlyIfInterpreterNeeded && stage.state === "NOT_STARTED" },
    ownerHoursOf,
  );
}
