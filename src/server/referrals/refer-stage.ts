import { z } from "zod";
import { typedText } from "@/domain/input/text";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { publishChange } from "../live/publish";
import { notify } from "../notifications/notify";
import { invalid, ok, refused, type Result } from "../result";
import { loadOwnedOpenStage } from "../stages/owned-stage";

/** Agencies that do casework, and so can receive a stage. */
export const REFERRAL_AGENCY_KINDS = ["POLICE", "COUNCIL_SAFEGUARDING", "HEALTH", "SALVATION_ARMY", "VCAS", "CHARITY"] as const;

export const referStageSchema = z.object({
  stageId: z.uuid("Stage not found"),
  toAgencyId: z.uuid("Select the agency to refer this stage to"),
  message: typedText({ multiline: true }).trim().max(500, "Enter 500 characters or fewer").optional().default(""),
});

/** The agencies this actor's agency may refer a stage to: casework agencies of the partnership but itself. */
export async function listReferralTargets(db: Db, actor: Actor) {
  return db.agency.findMany({
    where: { partnershipId: actor.partnershipId, id: { not: actor.agencyId }, kind: { in: [...REFERRAL_AGENCY_KINDS] } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/**
 * The owning agency refers one of its open stages to another agency. The stage stays with the owner,
 * clock running, until the other agency accepts; every caseworker and lead there is told.
 */
export async function referStage(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<{ personId: string; referralId: string }>> {
  await requirePermission(db, actor, "stage.refer", { entity: "Stage", entityId: idFromInput(rawInput, "stageId") });
  const parsed = referStageSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;

  const { stage, refusal } = await loadOwnedOpenStage(db, actor, input.stageId, "referral.create");
  if (refusal !== null) return refused(refusal);

  const targets = await listReferralTargets(db, actor);
  const target = targets.find((agency) => agency.id === input.toAgencyId);
  if (!target) {
    return refused("There is a problem: check the highlighted answers.", { toAgencyId: "Select one of the partner agencies listed" });
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
      await tx.timelineEvent.create({
        data: {
          personId: stage.personId,
          stageId: stage.id,
          kind: "STAGE_REFERRED",
          text: `Referred to ${target.name}${input.message ? `: ${input.message}` : ""}`,
          actorId: actor.id,
          actorAgencyId: actor.agencyId,
          actorRole: actor.role,
          occurredAt: now,
        },
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
  if (!referral) return refused("This stage is already waiting for another agency to answer a referral.");
  await publishChange(db, { personId: stage.personId }).catch((error: unknown) => console.warn("live update not sent", error));
  return ok({ personId: stage.personId, referralId: referral.id });
}
