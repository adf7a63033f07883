import "server-only";
import { z } from "zod";
import { typedText } from "@/domain/input/text";
import { fieldRefused, invalid, ok, refused, type Result } from "@/domain/result";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { publishChangesAfterCommit } from "../live/publish";
import { notify } from "../notifications/notify";
import { loadWorkableStage } from "../stages/load-workable-stage";
import { listReferralTargets } from "../stages/referral-targets";
import { recordTimeline } from "../timeline/record-timeline";

export const referStageSchema = z.object({
  stageId: z.uuid("Stage not found"),
  toAgencyId: z.uuid("Select the agency to refer this stage to"),
  message: typedText({ multiline: true }).trim().max(500, "Enter 500 characters or fewer").optional().default(""),
});

/**
 * The owning agency refers one of its open stages to another agency. The stage stays with the owner,
 * clock running, until the other agency accepts; every caseworker and lead there is told.
 */
export async function referStage(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<{ personId: string; referralId: string }>> {
  await requirePermission(db, actor, "stage.refer", { entity: "Stage", entityId: idFromInput(rawInput, "stageId") });
  const parsed = referStageSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;

  const loaded = await loadWorkableStage(db, actor, input.stageId, "refer", "referral.create");
  if (!loaded.ok) return loaded;
  const { stage } = loaded;

  const targets = await listReferralTargets(db, actor);
  const target = targets.find((agency) => agency.id === input.toAgencyId);
  if (!target) {
    return fieldRefused("toAgencyId", "Select one of the partner agencies listed");
  }

  // The partial unique index allows one pending referral per stage: a second one, even from a
  // simultaneous submit, fails on insert and the whole transaction is rolled back.
  const referral = await db
    .$transaction(async (tx) => {
      const created = await tx.referral.create({
        data: {
          stageId: stage.id,
          fromAgencyId: actor.agencyId,
          toAgencyId: target.id,
          referredById: actor.id,
          message: input.message || null,
          createdAt: now,
        },
        select: { id: true },
      });
      await recordTimeline(tx, actor, {
        personId: stage.personId,
        stageId: stage.id,
        kind: "STAGE_REFERRED",
        text: `Referred to ${target.name}${input.message ? `: ${input.message}` : ""}`,
        occurredAt: now,
      });
      await recordAudit(tx, actor, { action: "referral.create", entity: "Referral", entityId: created.id });
      const recipients = await tx.user.findMany({
        where: { agencyId: target.id, active: true, role: { in: ["CASEWORKER", "AGENCY_LEAD"] } },
        select: { id: true },
      });
      await notify(
        tx,
        recipients.map((user) => user.id),
        {
          kind: "REFERRAL_RECEIVED",
          title: `${stage.templateStage.title} referred by ${actor.agencyName}`,
          body: `${actor.agencyName} asks ${target.name} to take on ${stage.templateStage.title} for ${stage.person.caseReference}.`,
          href: `/referrals/${created.id}`,
          dedupeKey: `referral:${created.id}:received`,
        },
      );
      return created;
    })
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === "P2002") return null;
      throw error;
    });
  if (!referral) return refused("referral-pending", "This stage is already waiting for another agency to answer a referral.");
  await publishChangesAfterCommit(db, [stage.personId]);
  return ok({ personId: stage.personId, referralId: referral.id });
}
