import "server-only";
import { z } from "zod";
import { fieldRefused, invalid, ok, refused, type Result } from "@/domain/result";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { publishChangesAfterCommit } from "../live/publish";
import { notify } from "../notifications/notify";
import { recordTimeline } from "../timeline/record-timeline";
import { loadWorkableStage } from "./load-workable-stage";

const stageIdSchema = z.object({ stageId: z.uuid("Stage not found") });

export const assignStageSchema = z.object({
  stageId: z.uuid("Stage not found"),
  // Empty means "nobody": the stage goes back to unassigned.
  assigneeId: z.union([z.uuid("Select who should do this"), z.literal("")]),
});

export type AssignedStage = { personId: string; stageId: string; assigneeName: string | null };

/** A caseworker takes an unassigned stage their agency owns. Two people claiming at once: one wins. */
export async function claimStage(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<AssignedStage>> {
  await requirePermission(db, actor, "stage.claim", { entity: "Stage", entityId: idFromInput(rawInput, "stageId") });
  const parsed = stageIdSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);

  const loaded = await loadWorkableStage(db, actor, parsed.data.stageId, "claim", "stage.claim");
  if (!loaded.ok) return loaded;
  const { stage } = loaded;

  const claimed = await db.$transaction(async (tx) => {
    const { count } = await tx.stage.updateMany({
      where: { id: stage.id, assigneeId: null, ownerAgencyId: actor.agencyId },
      data: { assigneeId: actor.id, assignedAt: now },
    });
    if (count === 0) return false;
    await recordTimeline(tx, actor, { personId: stage.personId, stageId: stage.id, kind: "STAGE_ASSIGNED", text: `Claimed by ${actor.name}`, occurredAt: now });
    await recordAudit(tx, actor, { action: "stage.claim", entity: "Stage", entityId: stage.id });
    return true;
  });
  if (!claimed) {
    const current = await db.stage.findUnique({ where: { id: stage.id }, select: { assignee: { select: { name: true } } } });
    return refused("already-claimed", `This stage has already been claimed by ${current?.assignee?.name ?? "someone else"}.`);
  }
  await publishChangesAfterCommit(db, [stage.personId]);
  return ok({ personId: stage.personId, stageId: stage.id, assigneeName: actor.name });
}

/**
 * An agency lead assigns, reassigns or unassigns a stage their agency owns, to an active caseworker or
 * lead of the same agency. The new assignee is told in the app.
 */
export async function assignStage(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<AssignedStage>> {
  await requirePermission(db, actor, "stage.assign", { entity: "Stage", entityId: idFromInput(rawInput, "stageId") });
  const parsed = assignStageSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const assigneeId = parsed.data.assigneeId || null;

  const loaded = await loadWorkableStage(db, actor, parsed.data.stageId, "assign", "stage.assign");
  if (!loaded.ok) return loaded;
  const { stage } = loaded;

  const assignee = assigneeId
    ? await db.user.findFirst({
        where: { id: assigneeId, agencyId: actor.agencyId, active: true, role: { in: ["CASEWORKER", "AGENCY_LEAD"] } },
        select: { id: true, name: true },
      })
    : null;
  if (assigneeId && !assignee) {
    return fieldRefused("assigneeId", `Select someone in ${actor.agencyName}`);
  }
  if (stage.assigneeId === assigneeId) return ok({ personId: stage.personId, stageId: stage.id, assigneeName: assignee?.name ?? null });

  await db.$transaction(async (tx) => {
    await tx.stage.update({ where: { id: stage.id }, data: { assigneeId, assignedAt: assigneeId ? now : null } });
    await recordTimeline(tx, actor, {
      personId: stage.personId,
      stageId: stage.id,
      kind: "STAGE_ASSIGNED",
      text: assignee ? `Assigned to ${assignee.name} by ${actor.name}` : `Unassigned by ${actor.name}`,
      occurredAt: now,
    });
    await recordAudit(tx, actor, { action: "stage.assign", entity: "Stage", entityId: stage.id });
    if (assignee && assignee.id !== actor.id) {
      await notify(tx, [assignee.id], {
        kind: "STAGE_ASSIGNED",
        title: `${stage.templateStage.title} assigned to you`,
        body: `${actor.name} assigned you ${stage.templateStage.title} for ${stage.person.caseReference}.`,
        href: `/people/${stage.personId}/stages/${stage.id}`,
        dedupeKey: `assign:${stage.id}:${now.getTime()}`,
      });
    }
  });
  await publishChangesAfterCommit(db, [stage.personId]);
  return ok({ personId: stage.personId, stageId: stage.id, assigneeName: assignee?.name ?? null });
}
