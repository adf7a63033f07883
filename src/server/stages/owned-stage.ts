import type { Actor } from "../access/actor";
import { visiblePeople } from "../access/visibility";
import { recordAudit, type AuditAction } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";

const OPEN_STATES = ["NOT_STARTED", "IN_PROGRESS", "PAUSED"] as const;

export type OwnedStage = NonNullable<Awaited<ReturnType<typeof findVisibleStage>>>;

function findVisibleStage(db: Db, actor: Actor, stageId: string) {
  return db.stage.findFirst({
    where: { id: stageId, person: visiblePeople(actor) },
    select: {
      id: true,
      personId: true,
      state: true,
      ownerAgencyId: true,
      assigneeId: true,
      ownerAgency: { select: { name: true } },
      templateStage: { select: { title: true } },
      person: { select: { caseReference: true, closedAt: true } },
    },
  });
}

/**
 * A stage the actor's agency owns and that is still open, for the work done on a queue (claim, assign,
 * refer). A stage on a person the actor cannot see is "not found"; one owned by another agency, or
 * already finished, is a refusal that says which rule refused.
 */
export async function loadOwnedOpenStage(
  db: Db,
  actor: Actor,
  stageId: string,
  action: AuditAction,
): Promise<{ stage: OwnedStage; refusal: null } | { stage: OwnedStage | null; refusal: string }> {
  const stage = await findVisibleStage(db, actor, stageId);
  if (!stage) {
    await recordAudit(db, actor, { action, entity: "Stage", entityId: stageId, outcome: "denied" });
    throw new NotFoundError("Stage");
  }
  if (stage.ownerAgencyId !== actor.agencyId) {
    await recordAudit(db, actor, { action, entity: "Stage", entityId: stage.id, outcome: "denied" });
    return { stage, refusal: `Only ${stage.ownerAgency.name} can do this: it owns this stage.` };
  }
  if (!OPEN_STATES.includes(stage.state as (typeof OPEN_STATES)[number]) || stage.person.closedAt) {
    return { stage, refusal: "This stage is finished, so it cannot be assigned or referred." };
  }
  return { stage, refusal: null };
}
