import { MS } from "../time/duration";
import { addWorkingDays } from "../time/working-days";
import { addWorkingHours, ROUND_THE_CLOCK, type AgencyHours } from "../time/working-hours";
import type { AgeGroup } from "../types";
import type { StageTemplate } from "./template";

export type PersonForPathway = { ageGroup: AgeGroup; interpreterNeeded: boolean };

export type PlannedStage<T extends StageTemplate = StageTemplate> = { template: T; dueAt: Date };

/**
 * Target hours are elapsed time, so they are added in UTC: a rescue at 00:30 GMT on the night the
 * clocks go forward with a 4-hour target is due at 04:30 UTC, which is 05:30 BST. Working hours
 * count only the owning agency's open hours (`ownerHours`, as they are at T0).
 */
export function dueAtFor(template: Pick<StageTemplate, "targetValue" | "targetUnit">, t0: Date, ownerHours: AgencyHours = ROUND_THE_CLOCK): Date {
  switch (template.targetUnit) {
    case "HOURS":
      return new Date(t0.getTime() + template.targetValue * MS.HOUR);
    case "WORKING_DAYS":
      return addWorkingDays(t0, template.targetValue);
    case "WORKING_HOURS":
      return addWorkingHours(t0, template.targetValue, ownerHours);
  }
}

export function stageApplies(template: StageTemplate, person: PersonForPathway): boolean {
  if (template.enabled === false) return false;
  if (!template.appliesTo.includes(person.ageGroup)) return false;
  return !template.onlyIfInterpreterNeeded || person.interpreterNeeded;
}

/**
 * The stages a person gets on the pathway, with their due times from T0, in pathway order.
 * `ownerHoursOf` gives each stage's owning agency's open hours (round the clock if not given).
 */
export function buildPathway<T extends StageTemplate>(
  stages: T[],
  person: PersonForPathway,
  t0: Date,
  ownerHoursOf: (template: T) => AgencyHours = () => ROUND_THE_CLOCK,
): PlannedStage<T>[] {
  return stages
    .filter((template) => stageApplies(template, person))
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((template) => ({ template, dueAt: dueAtFor(template, t0, ownerHoursOf(template)) }));
}
