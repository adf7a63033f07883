import "server-only";
import { caseClosingRefusal, CLOSED_WITH_CASE_REASON } from "@/domain/cases/case-closing";
import { dueAtFor } from "@/domain/pathway/build-pathway";
import { invalid, ok, type Result } from "@/domain/result";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { closableCases } from "../access/visibility";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { publishChangesAfterCommit } from "../live/publish";
import { StageChangedMeanwhile } from "../stages/close-stages-not-needed";
import { restartStages } from "../stages/restart-stages";
import { recordTimeline } from "../timeline/record-timeline";
import { caseClosingRefused, reopenCaseSchema } from "./case-closing-input";

export type ReopenedCase = { personId: string; stagesRestarted: number };

/**
 * Reopens a closed case, with a reason, at the version the form was shown. The stages the closing
 * ended are restarted as new work: not started, with new clocks counted from the reopening
 * (`clockStartedAt`) and new due times from the targets of the person's own pathway version; each is a
 * new escalation round. Nothing is deleted: the closing stays in CaseClosure and on the timeline, and
 * stages finished before the closing stay finished. The reopening starts a new gap in contact.
 */
export async function reopenCase(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<ReopenedCase>> {
  await requirePermission(db, actor, "case.reopen", { entity: "Person", entityId: idFromInput(rawInput, "personId") });
  const parsed = reopenCaseSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;

  const person = await db.person.findFirst({
    where: { AND: [{ id: input.personId }, closableCases(actor)] },
    select: {
      id: true,
      closedAt: true,
      caseVersion: true,
      closures: { where: { reopenedAt: null }, select: { id: true, closedStageIds: true }, take: 1 },
    },
  });
  if (!person) {
    await recordAudit(db, actor, { action: "case.reopen", entity: "Person", entityId: input.personId, outcome: "denied" });
    throw new NotFoundError("Person");
  }
  const refusal = caseClosingRefusal(person, "reopen", input.caseVersion);
  if (refusal) return caseClosingRefused(refusal);
  const closure = person.closures[0] ?? null;

  // Only the stages this closing ended, and only while they still read as ended by it.
  const stages = closure
    ? await db.stage.findMany({
        where: { id: { in: closure.closedStageIds }, personId: person.id, state: "NOT_NEEDED", closingReason: CLOSED_WITH_CASE_REASON },
        select: {
          id: true,
          templateStage: { select: { targetValue: true, targetUnit: true } },
          ownerAgency: { select: { officeHoursOnly: true, opensAtMinute: true, closesAtMinute: true } },
        },
      })
    : [];

  const reopened = await db.$transaction(async (tx) => {
    const { count } = await tx.person.updateMany({
      where: { id: person.id, caseVersion: input.caseVersion, closedAt: { not: null } },
      data: { closedAt: null, closeReason: null, reopenedAt: now, caseVersion: { increment: 1 } },
    });
    if (count === 0) return false;
    if (closure) {
      await tx.caseClosure.update({ where: { id: closure.id }, data: { reopenedAt: now, reopenedById: actor.id, reopenReason: input.reason } });
    }
    await restartStages(
      tx,
      actor,
      person.id,
      stages.map((stage) => ({ stageId: stage.id, closingReason: CLOSED_WITH_CASE_REASON, dueAt: dueAtFor(stage.templateStage, now, stage.ownerAgency) })),
      now,
      "Restarted with a new clock: the case was reopened",
    );
    await recordTimeline(tx, actor, {
      personId: person.id,
      kind: "CASE_REOPENED",
      text: `${input.reason}${stages.length > 0 ? ` (${stages.length} ${stages.length === 1 ? "stage" : "stages"} restarted with new clocks)` : ""}`,
      occurredAt: now,
    });
    await recordAudit(tx, actor, { action: "case.reopen", entity: "Person", entityId: person.id, changes: { restartedStages: { before: 0, after: stages.length } } });
    return true;
  }).catch((error: unknown) => {
    // A stage the closing ended changed between loading and reopening: nothing was written.
    if (error instanceof StageChangedMeanwhile) return false;
    throw error;
  });
  if (!reopened) return caseClosingRefused("stale-version");
  await publishChangesAfterCommit(db, [person.id]);
  return ok({ personId: person.id, stagesRestarted: stages.length });
}
