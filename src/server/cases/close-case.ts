import "server-only";
import { CASE_CLOSE_REASON_LABELS, caseClosingRefusal, CLOSED_WITH_CASE_REASON, closingRaisesConcern, type CaseCloseReason } from "@/domain/cases/case-closing";
import { invalid, ok, type Result } from "@/domain/result";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { closableCases } from "../access/visibility";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { publishChangesAfterCommit } from "../live/publish";
import { notify } from "../notifications/notify";
import { OPEN_STAGE_WHERE } from "../pathway/stage-filters";
import { closeStagesNotNeeded, StageChangedMeanwhile } from "../stages/close-stages-not-needed";
import { recordTimeline } from "../timeline/record-timeline";
import { caseClosingRefused, closeCaseSchema } from "./case-closing-input";

export type ClosedCase = { personId: string; reason: CaseCloseReason; stagesClosed: number; concernRaised: boolean };

/**
 * An agency lead (of an agency working with the person) or the coordinator closes a case with a reason
 * and a note. In one transaction, at the version the form was shown: the person is closed, every open
 * stage is ended "not needed — case closed" by `closeStagesNotNeeded` (its clock stops, and the
 * escalation sweep skips closed cases; each stage and each withdrawn referral is timelined and
 * audited), the closing is kept as a CaseClosure row for the history and a later reopening, and it
 * goes on the timeline and into the audit log. A person missing
 * or re-exploited is a safeguarding concern: police and the coordinator are told.
 */
export async function closeCase(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<ClosedCase>> {
  await requirePermission(db, actor, "case.close", { entity: "Person", entityId: idFromInput(rawInput, "personId") });
  const parsed = closeCaseSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;

  const person = await db.person.findFirst({
    where: { AND: [{ id: input.personId }, closableCases(actor)] },
    select: {
      id: true,
      caseReference: true,
      closedAt: true,
      caseVersion: true,
      rescue: { select: { partnershipId: true } },
      stages: { where: OPEN_STAGE_WHERE, select: { id: true } },
    },
  });
  if (!person) {
    await recordAudit(db, actor, { action: "case.close", entity: "Person", entityId: input.personId, outcome: "denied" });
    throw new NotFoundError("Person");
  }
  const refusal = caseClosingRefusal(person, "close", input.caseVersion);
  if (refusal) return caseClosingRefused(refusal);
  const concern = closingRaisesConcern(input.reason);

  const closed = await db.$transaction(async (tx) => {
    const { count } = await tx.person.updateMany({
      where: { id: person.id, caseVersion: input.caseVersion, closedAt: null },
      data: { closedAt: now, closeReason: input.reason, caseVersion: { increment: 1 } },
    });
    if (count === 0) return false;
    const closure = await tx.caseClosure.create({
      data: { personId: person.id, reason: input.reason, note: input.note, closedAt: now, closedById: actor.id, closedStageIds: person.stages.map((s) => s.id) },
      select: { id: true },
    });
    await closeStagesNotNeeded(
      tx,
      actor,
      person.stages.map((stage) => ({ stageId: stage.id, reason: CLOSED_WITH_CASE_REASON })),
      now,
      "the case was closed",
    );
    await recordTimeline(tx, actor, {
      personId: person.id,
      kind: "CASE_CLOSED",
      text: `${CASE_CLOSE_REASON_LABELS[input.reason]}: ${input.note}`,
      occurredAt: now,
    });
    await recordAudit(tx, actor, {
      action: "case.close",
      entity: "Person",
      entityId: person.id,
      changes: { closeReason: { before: null, after: input.reason }, openStages: { before: person.stages.length, after: 0 } },
    });
    if (concern) await tellPoliceAndCoordinator(tx, person, closure.id, input.reason);
    return true;
  }).catch((error: unknown) => {
    // A stage was worked on between loading the form's case and closing it: nothing was written.
    if (error instanceof StageChangedMeanwhile) return false;
    throw error;
  });
  if (!closed) return caseClosingRefused("stale-version");
  await publishChangesAfterCommit(db, [person.id]);
  return ok({ personId: person.id, reason: input.reason, stagesClosed: person.stages.length, concernRaised: concern });
}

/**
 * Missing or re-exploited: the partnership's police (caseworkers and leads of every police agency) and
 * its coordinators get a notice. No name or note in it: the case reference, the reason and a link; the
 * page decides what each reader may see.
 */
async function tellPoliceAndCoordinator(
  tx: Prisma.TransactionClient,
  person: { id: string; caseReference: string; rescue: { partnershipId: string } },
  closureId: string,
  reason: CaseCloseReason,
) {
  const partnership = { agency: { partnershipId: person.rescue.partnershipId } };
  const [police, coordinators] = await Promise.all([
    tx.user.findMany({ where: { active: true, role: { in: ["CASEWORKER", "AGENCY_LEAD"] }, agency: { ...partnership.agency, kind: "POLICE" } }, select: { id: true } }),
    tx.user.findMany({ where: { ...partnership, active: true, role: "COORDINATOR" }, select: { id: true } }),
  ]);
  const label = CASE_CLOSE_REASON_LABELS[reason].toLowerCase();
  const title = `${person.caseReference} closed: ${label}`;
  const body = `The case ${person.caseReference} was closed because the person is ${reason === "MISSING" ? "missing" : "believed to be re-exploited"}. Check what is known and act on it.`;
  await notify(tx, police.map((u) => u.id), { kind: "CASE_CLOSED_CONCERN", title, body, href: `/people/${person.id}`, dedupeKey: `case-closed:${closureId}:police` });
  await notify(tx, coordinators.map((u) => u.id), { kind: "CASE_CLOSED_CONCERN", title, body, href: `/cases/${person.id}`, dedupeKey: `case-closed:${closureId}:coordinator` });
}
