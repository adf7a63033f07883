import "server-only";
import { z } from "zod";
import { OPEN_STAGE_STATES } from "@/domain/pathway/stage-states";
import { MAX_BULK_SELECTION, parseBulkSelection, type BulkAssignReport, type BulkSelection } from "@/domain/queue/bulk-selection";
import { fieldRefused, invalid, ok, refused, type Result } from "@/domain/result";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { publishChangesAfterCommit } from "../live/publish";
import { notifyEach } from "../notifications/notify";
import { loadWorkableStages, type WorkableStage } from "../stages/load-workable-stage";
import { recordTimeline } from "../timeline/record-timeline";

const selection = z.string().transform((value, context): BulkSelection => {
  const parsed = parseBulkSelection(value);
  if (!parsed) {
    context.addIssue({ code: "custom", message: "Select the stages again: this page is out of date" });
    return z.NEVER;
  }
  return parsed;
});

export const assignSelectedStagesSchema = z.object({
  stages: z
    .union([selection.transform((one) => [one]), z.array(selection)], { error: "Select the stages to assign" })
    .refine((list) => list.length > 0, "Select the stages to assign")
    .refine((list) => list.length <= MAX_BULK_SELECTION, `Select at most ${MAX_BULK_SELECTION} stages at a time`)
    .refine((list) => new Set(list.map((one) => one.stageId)).size === list.length, "Select each stage once"),
  assigneeId: z.uuid("Select who should do these stages"),
});


const labelOf = (stage: WorkableStage) => `${stage.templateStage.title} for ${stage.person.caseReference}`;
const CHANGED = "someone else changed who has it since you opened the queue: check it and try again";

/**
 * An agency lead assigns the stages they ticked on the queue to one person of their agency, in one
 * transaction. Each stage goes through the stage-work kernel (visible, owned by the lead's agency,
 * open, on a live case) and is assigned only if nobody assigned or claimed it since the lead's page
 * was drawn; every other stage is reported with its reason, never overwritten. Each assignment gets
 * its own timeline entry, audit row and notice, as one by one.
 */
export async function assignSelectedStages(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<BulkAssignReport>> {
  await requirePermission(db, actor, "stage.assign", { entity: "Stage" });
  const parsed = assignSelectedStagesSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const { stages: selected, assigneeId } = parsed.data;

  const assignee = await db.user.findFirst({
    where: { id: assigneeId, agencyId: actor.agencyId, active: true, role: { in: ["CASEWORKER", "AGENCY_LEAD"] } },
    select: { id: true, name: true },
  });
  if (!assignee) return fieldRefused("assigneeId", `Select someone in ${actor.agencyName}`);

  const outcomes = await loadWorkableStages(db, actor, selected.map((one) => one.stageId), "assign", "stage.assign");
  // Nothing selected is visible: read as "not found", like one stage, so a refusal never confirms a stage exists.
  if (outcomes.every((outcome) => !outcome.ok && outcome.notFound)) throw new NotFoundError("Stage");
  const firstRefusal = outcomes.find((outcome) => !outcome.ok && !outcome.notFound);
  if (outcomes.every((outcome) => !outcome.ok) && firstRefusal && !firstRefusal.ok && !firstRefusal.notFound) {
    const refusals = outcomes.filter((outcome) => !outcome.ok).length;
    return refused(firstRefusal.refusal.code, refusals === 1 ? firstRefusal.refusal.formError : `None of the ${refusals} stages was assigned. ${firstRefusal.refusal.formError}`);
  }

  const report: BulkAssignReport = { assigneeName: assignee.name, assigned: [], notAssigned: [] };
  const toAssign: WorkableStage[] = [];
  outcomes.forEach((outcome, i) => {
    if (!outcome.ok) {
      report.notAssigned.push(
        outcome.notFound
          ? { label: "A selected stage", reason: "it was not found, or is no longer yours to assign" }
          : { label: labelOf(outcome.stage), reason: outcome.refusal.formError ?? "it cannot be assigned" },
      );
      return;
    }
    const { stage } = outcome;
    if (stage.assigneeId !== selected[i]!.seenAssigneeId) {
      report.notAssigned.push({ label: labelOf(stage), reason: CHANGED });
    } else if (stage.assigneeId === assignee.id) {
      report.assigned.push(labelOf(stage));
    } else {
      toAssign.push(stage);
    }
  });

  const seenOf = new Map(selected.map((one) => [one.stageId, one.seenAssigneeId]));
  const done = await db.$transaction(async (tx) => {
    const assigned: WorkableStage[] = [];
    for (const stage of toAssign) {
      // Conditional on what the lead saw: a claim or assignment that landed after the read above loses nothing.
      const { count } = await tx.stage.updateMany({
        where: {
          id: stage.id,
          ownerAgencyId: actor.agencyId,
          assigneeId: seenOf.get(stage.id) ?? null,
          state: { in: [...OPEN_STAGE_STATES] },
          person: { closedAt: null },
        },
        data: { assigneeId: assignee.id, assignedAt: now },
      });
      if (count === 0) continue;
      assigned.push(stage);
      await recordTimeline(tx, actor, { personId: stage.personId, stageId: stage.id, kind: "STAGE_ASSIGNED", text: `Assigned to ${assignee.name} by ${actor.name}`, occurredAt: now });
      await recordAudit(tx, actor, { action: "stage.assign", entity: "Stage", entityId: stage.id });
    }
    if (assignee.id !== actor.id && assigned.length > 0) {
      await notifyEach(
        tx,
        assigned.map((stage) => ({
          recipientIds: [assignee.id],
          notice: {
            kind: "STAGE_ASSIGNED" as const,
            title: `${stage.templateStage.title} assigned to you`,
            body: `${actor.name} assigned you ${stage.templateStage.title} for ${stage.person.caseReference}.`,
            href: `/people/${stage.personId}/stages/${stage.id}`,
            dedupeKey: `assign:${stage.id}:${now.getTime()}`,
          },
        })),
      );
    }
    return assigned;
  });
  const doneIds = new Set(done.map((stage) => stage.id));
  for (const stage of toAssign) {
    if (doneIds.has(stage.id)) report.assigned.push(labelOf(stage));
    else report.notAssigned.push({ label: labelOf(stage), reason: CHANGED });
  }
  if (done.length > 0) await publishChangesAfterCommit(db, [...new Set(done.map((stage) => stage.personId))]);
  return ok(report);
}
