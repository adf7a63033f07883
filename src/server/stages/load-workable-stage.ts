import "server-only";
import { stageWorkRefusal, stageWorkRefused, type StageWork } from "@/domain/pathway/stage-work";
import type { Refusal } from "@/domain/result";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { visiblePeople } from "../access/visibility";
import { recordAudit, type AuditAction } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";

const WORKABLE_STAGE_SELECT = {
  id: true,
  personId: true,
  state: true,
  startedAt: true,
  completedAt: true,
  pausedAt: true,
  pausedMs: true,
  closingReason: true,
  version: true,
  ownerAgencyId: true,
  assigneeId: true,
  ownerAgency: { select: { name: true } },
  templateStage: { select: { key: true, title: true } },
  person: { select: { caseReference: true, closedAt: true } },
} satisfies Prisma.StageSelect;

export type WorkableStage = Prisma.StageGetPayload<{ select: typeof WORKABLE_STAGE_SELECT }>;

/**
 * The one way a use case gets a stage to work on (change, claim, assign, refer). A stage on a person
 * the actor cannot see is "not found"; one the rule in `stageWorkRefusal` refuses (another agency's,
 * finished, on a closed case) comes back as a coded refusal. Either is audited as denied, here only.
 */
export async function loadWorkableStage(
  db: Db,
  actor: Actor,
  stageId: string,
  work: StageWork,
  action: AuditAction,
): Promise<{ ok: true; stage: WorkableStage } | Refusal> {
  const stage = await db.stage.findFirst({ where: { id: stageId, person: visiblePeople(actor) }, select: WORKABLE_STAGE_SELECT });
  if (!stage) {
    await recordAudit(db, actor, { action, entity: "Stage", entityId: stageId, outcome: "denied" });
    throw new NotFoundError("Stage");
  }
  const code = stageWorkRefusal(actor, { state: stage.state, ownerAgencyId: stage.ownerAgencyId, caseClosed: stage.person.closedAt !== null }, work);
  if (code) {
    await recordAudit(db, actor, { action, entity: "Stage", entityId: stage.id, outcome: "denied" });
    return stageWorkRefused(code, { state: stage.state, ownerAgencyName: stage.ownerAgency.name });
  }
  return { ok: true, stage };
}

export type WorkableStageOutcome = { stageId: string } & ({ ok: true; stage: WorkableStage } | { ok: false; notFound: true } | { ok: false; notFound: false; stage: WorkableStage; refusal: Refusal });

/**
 * `loadWorkableStage` for many stages at once (a lead's bulk assignment), in one read and the same
 * rule: each stage comes back workable, refused with the rule's code, or not found (outside the
 * actor's view, or no such stage). Every refusal and miss is audited as denied, as one by one.
 */
export async function loadWorkableStages(
  db: Db,
  actor: Actor,
  stageIds: readonly string[],
  work: StageWork,
  action: AuditAction,
): Promise<WorkableStageOutcome[]> {
  const found = await db.stage.findMany({ where: { id: { in: [...stageIds] }, person: visiblePeople(actor) }, select: WORKABLE_STAGE_SELECT });
  const byId = new Map(found.map((stage) => [stage.id, stage]));
  const outcomes: WorkableStageOutcome[] = [];
  for (const stageId of stageIds) {
    const stage = byId.get(stageId);
    if (!stage) {
      await recordAudit(db, actor, { action, entity: "Stage", entityId: stageId, outcome: "denied" });
      outcomes.push({ stageId, ok: false, notFound: true });
      continue;
    }
    const code = stageWorkRefusal(actor, { state: stage.state, ownerAgencyId: stage.ownerAgencyId, caseClosed: stage.person.closedAt !== null }, work);
    if (code) {
      await recordAudit(db, actor, { action, entity: "Stage", entityId: stage.id, outcome: "denied" });
      outcomes.push({ stageId, ok: false, notFound: false, stage, refusal: stageWorkRefused(code, { state: stage.state, ownerAgencyName: stage.ownerAgency.name }) });
      continue;
    }
    outcomes.push({ stageId, ok: true, stage });
  }
  return outcomes;
}
