import { MS } from "../time/duration";
import { addWorkingDays } from "../time/working-days";
import type { AgeGroup } from "../types";
import type { StageTemplate } from "./template";

export type PersonForPathway = { ageGroup: AgeGroup; interpreterNeeded: boolean };

export type PlannedStage<T extends StageTemplate = StageTemplate> = { template: T; dueAt: Date };

/**
 * Target hours are elapsed time, so they are added in UTC: a rescue at 00:30 GMT on the night the
 * clocks go forward with a 4-hour target is due at 04:30 UTC, which is 05:30 BST.
 */
export function dueAtFor(template: Pick<StageTemplate, "targetValue" | "targetUnit">, t0: Date): Date {
  return template.targetUnit === "HOURS"
    ? new Date(t0.getTime() + template.targetValue * MS.HOUR)
    : addWorkingDays(t0, template.targetValue);
}

export function stageApplies(template: StageTemplate, person: PersonForPathway): boolean {
  if (!template.appliesTo.includes(person.ageGroup)) return false;
  return !template.onlyIfInterpreterNeeded || person.interpreterNeeded;
}

/** The stages a person gets on the pathway, with their due times from T0, in pathway order. */
export function buildPathway<T extends StageTemplate>(stages: T[], person: PersonForPathway, t0: Date): PlannedStage<T>[] {
  return stages
    .filter((template) => stageApplies(template, person))
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((template) => ({ template, dueAt: dueAtFor(template, t0) }));
}
