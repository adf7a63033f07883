import type { AgeGroup } from "../types";
import { dueAtFor, stageApplies } from "./build-pathway";
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

export type StageOnPathway = { id: string; templateStageId: string; state: StageState };
export type TemplateOnPathway = StageTemplate & { id: string };

export type AgeReassessmentPlan<T extends TemplateOnPathway> = {
  /** Open stages that no longer apply: closed "not needed" (kept, with their history). */
  close: { stageId: string; reason: string }[];
  /** Stages of the person's own pathway version the new age group gets, with clocks from `from`. */
  add: { template: T; dueAt: Date }[];
};

/**
 * What an age assessment does to a person's pathway. The stages of the new age group that the person
 * lacks are added from the person's own pathway version, with clocks from the assessment (`from`), in
 * pathway order; open stages that no longer apply are closed "not needed". A stage already done (or
 * finished any other way) stays as it is, and a stage the person already has, in any state, is never
 * added twice: nothing is deleted and no history is rewritten.
 */
export function planAgeReassessment<T extends TemplateOnPathway>(
  person: { interpreterNeeded: boolean },
  outcome: AgeAssessmentOutcome,
  stages: StageOnPathway[],
  templates: T[],
  from: Date,
  ownerHoursOf: (template: T) => AgencyHours = () => ROUND_THE_CLOCK,
): AgeReassessmentPlan<T> {
  const after = { ageGroup: outcome as AgeGroup, interpreterNeeded: person.interpreterNeeded };
  const byId = new Map(templates.map((template) => [template.id, template]));
  const have = new Set(stages.map((stage) => stage.templateStageId));
  const reason = notNeededAfterAssessment(outcome);

  const close = stages
    .filter((stage) => isOpenStageState(stage.state))
    .filter((stage) => {
      const template = byId.get(stage.templateStageId);
      // An age rule can only be read from a stage whose template is known; anything else is left alone.
      return template !== undefined && !template.appliesTo.includes(outcome);
    })
    .map((stage) => ({ stageId: stage.id, reason }));

  const add = templates
    .filter((template) => !have.has(template.id) && stageApplies(template, after))
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((template) => ({ template, dueAt: dueAtFor(template, from, ownerHoursOf(template)) }));

  return { close, add };
}
