import { describeTarget, type StageTemplate } from "../pathway/template";

/** A stage of one pathway version, as the dashboard reads it. */
export type VersionedStage = Pick<StageTemplate, "key" | "title" | "targetValue" | "targetUnit" | "sortOrder"> & { templateId: string; version: number };

/**
 * The dashboard's stages in pathway order, each as the newest pathway version describes it, with
 * the targets of the versions the period's people are on (a target changed since does not relabel
 * the past: "4 hours or 6 hours"). A stage no one in the period had keeps its newest target.
 */
export function dashboardStagesInOrder(stages: VersionedStage[], versionsInPeriod: Iterable<string>): { key: string; title: string; target: string }[] {
  const newest = new Map<string, VersionedStage>();
  for (const stage of stages) {
    const seen = newest.get(stage.key);
    if (!seen || seen.version < stage.version) newest.set(stage.key, stage);
  }
  const inPeriod = new Set(versionsInPeriod);
  const targetsOf = (key: string) => {
    const used = stages
      .filter((stage) => stage.key === key && inPeriod.has(stage.templateId))
      .sort((a, b) => a.version - b.version)
      .map((stage) => describeTarget(stage));
    return used.length > 0 ? [...new Set(used)].join(" or ") : describeTarget(newest.get(key)!);
  };
  return [...newest.values()]
    .sort((a, b) => a.sortOrder - b.sortOrder || a.key.localeCompare(b.key))
    .map((stage) => ({ key: stage.key, title: stage.title, target: targetsOf(stage.key) }));
}
