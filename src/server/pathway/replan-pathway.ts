import "server-only";
import type { PathwayChangePlan, StageOnPathway } from "@/domain/pathway/age-reassessment";
import type { AgencyHours } from "@/domain/time/working-hours";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { closeStagesNotNeeded } from "../stages/close-stages-not-needed";
import { restartStages } from "../stages/restart-stages";
import { AGENCY_HOURS_SELECT } from "./current-template";

type TemplateStage = Prisma.PathwayStageTemplateGetPayload<{ include: { ownerAgency: { select: typeof AGENCY_HOURS_SELECT } } }>;

/**
 * Makes a person's pathway follow a changed fact (an age assessment, a corrected interpreter need):
 * reads their stages and their own pathway version's stages, asks `plan` (the domain's
 * `planPathwayChange` family) what changes, and applies it, each with its timeline entry and audit row:
 * open stages that no longer apply close "not needed", stages an earlier re-planning closed restart with
 * new clocks (`restartedBecause` on the timeline), and stages never had are added with clocks from
 * `now`. Nothing is deleted. In the caller's transaction; a stage changed meanwhile throws
 * `StageChangedMeanwhile` and rolls it back. Returns how many stages each way.
 */
export async function replanPathway(
  tx: Prisma.TransactionClient,
  actor: Actor,
  person: { id: string; templateId: string },
  plan: (stages: StageOnPathway[], templates: TemplateStage[], ownerHoursOf: (template: TemplateStage) => AgencyHours) => PathwayChangePlan<TemplateStage>,
  now: Date,
  restartedBecause: string,
): Promise<{ closed: number; restarted: number; added: number }> {
  const stages = await tx.stage.findMany({ where: { personId: person.id }, select: { id: true, templateStageId: true, state: true, closingReason: true } });
  const templates = await tx.pathwayStageTemplate.findMany({ where: { templateId: person.templateId }, include: { ownerAgency: { select: AGENCY_HOURS_SELECT } } });
  const planned = plan(stages, templates, (template) => template.ownerAgency);
  const reasonOf = new Map(stages.map((stage) => [stage.id, stage.closingReason ?? ""]));

  await closeStagesNotNeeded(tx, actor, planned.close, now);
  await restartStages(
    tx,
    actor,
    person.id,
    planned.restart.map(({ stageId, dueAt }) => ({ stageId, dueAt, closingReason: reasonOf.get(stageId)! })),
    now,
    restartedBecause,
  );
  for (const { template, dueAt } of planned.add) {
    await tx.stage.create({ data: { personId: person.id, templateStageId: template.id, ownerAgencyId: template.ownerAgencyId, dueAt, clockStartedAt: now } });
  }
  return { closed: planned.close.length, restarted: planned.restart.length, added: planned.add.length };
}
