import "server-only";
import { z } from "zod";
import { typedText } from "@/domain/input/text";
import { referralAcceptRefusal } from "@/domain/pathway/stage-work";
import { invalid, ok, refused, type Result } from "@/domain/result";
import { formatDuration } from "@/domain/time/duration";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { visiblePeople } from "../access/visibility";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { publishChangesAfterCommit } from "../live/publish";
import { notify } from "../notifications/notify";
import { recordTimeline } from "../timeline/record-timeline";

export const answerReferralSchema = z
  .object({
    referralId: z.uuid("Referral not found"),
    decision: z.enum(["accept", "decline"], { error: "Select whether you accept or decline the referral" }),
    reason: typedText({ multiline: true }).trim().max(1000, "Enter 1000 characters or fewer").optional().default(""),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "decline" && !value.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Enter why you are declining the referral" });
    }
  });

const ALREADY_ANSWERED = "This referral has already been answered.";

export type AnsweredReferral = { personId: string; stageId: string; decision: "accept" | "decline"; waitedMs: number };

/**
 * Any caseworker or lead of the receiving agency accepts or declines a referral (a reason is required
 * to decline). Accepting moves the stage to their agency, unassigned; its clock does not restart. The
 * time the referral waited is kept, and the referring agency is told the answer.
 */
export async function answerReferral(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<AnsweredReferral>> {
  await requirePermission(db, actor, "referral.answer", { entity: "Referral", entityId: idFromInput(rawInput, "referralId") });
  const parsed = answerReferralSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  const action = input.decision === "accept" ? "referral.accept" : "referral.decline";

  const referral = await db.referral.findFirst({
    where: { id: input.referralId, toAgencyId: actor.agencyId, stage: { person: visiblePeople(actor) } },
    select: {
      id: true,
      state: true,
      createdAt: true,
      referredById: true,
      fromAgencyId: true,
      toAgency: { select: { name: true } },
      stage: {
        select: {
          id: true,
          personId: true,
          state: true,
          ownerAgencyId: true,
          templateStage: { select: { title: true } },
          person: { select: { caseReference: true, closedAt: true } },
        },
      },
    },
  });
  if (!referral) {
    await recordAudit(db, actor, { action, entity: "Referral", entityId: input.referralId, outcome: "denied" });
    throw new NotFoundError("Referral");
  }
  if (referral.state !== "PENDING") return refused("already-answered", ALREADY_ANSWERED);
  const { stage } = referral;
  if (input.decision === "accept") {
    const refusal = referralAcceptRefusal({ state: stage.state, ownerAgencyId: stage.ownerAgencyId, caseClosed: stage.person.closedAt !== null }, referral.fromAgencyId);
    if (refusal) return refusal;
  }
  const waitedMs = now.getTime() - referral.createdAt.getTime();
  const accepted = input.decision === "accept";

  const answered = await db.$transaction(async (tx) => {
    const { count } = await tx.referral.updateMany({
      where: { id: referral.id, state: "PENDING" },
      data: { state: accepted ? "ACCEPTED" : "DECLINED", answeredAt: now, answeredById: actor.id, answerReason: input.reason || null },
    });
    if (count === 0) return false;
    if (accepted) {
      await tx.stage.update({
        where: { id: stage.id },
        data: { ownerAgencyId: actor.agencyId, assigneeId: null, assignedAt: null, version: { increment: 1 } },
      });
    }
    await recordTimeline(tx, actor, {
      personId: stage.personId,
      stageId: stage.id,
      kind: accepted ? "REFERRAL_ACCEPTED" : "REFERRAL_DECLINED",
      text: `${accepted ? "Accepted" : "Declined"} by ${referral.toAgency.name} after ${formatDuration(waitedMs)}${input.reason ? `: ${input.reason}` : ""}`,
      occurredAt: now,
    });
    await recordAudit(tx, actor, { action, entity: "Referral", entityId: referral.id });
    const leads = await tx.user.findMany({
      where: { agencyId: referral.fromAgencyId, active: true, role: "AGENCY_LEAD" },
      select: { id: true },
    });
    await notify(tx, [...new Set([referral.referredById, ...leads.map((lead) => lead.id)])], {
      kind: "REFERRAL_ANSWERED",
      title: `${referral.toAgency.name} ${accepted ? "accepted" : "declined"} ${stage.templateStage.title}`,
      body: `${referral.toAgency.name} ${accepted ? "accepted" : "declined"} the referral of ${stage.templateStage.title} for ${stage.person.caseReference} after ${formatDuration(waitedMs)}.`,
      href: `/referrals/${referral.id}`,
      dedupeKey: `referral:${referral.id}:answered`,
    });
    return true;
  });
  if (!answered) return refused("already-answered", ALREADY_ANSWERED);
  await publishChangesAfterCommit(db, [stage.personId]);
  return ok({ personId: stage.personId, stageId: stage.id, decision: input.decision, waitedMs });
}
