import "server-only";
import { z } from "zod";
import { wholeNumber } from "@/domain/input/whole-number";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { invalid, ok, type Result } from "@/domain/result";
import { MAX_SUPPRESSION_THRESHOLD, MIN_SUPPRESSION_THRESHOLD } from "@/domain/statistics/published";
import { getSuppressionThreshold } from "../partnership/get-suppression-threshold";


const WHOLE_NUMBER = `Enter the small-number threshold as a whole number from ${MIN_SUPPRESSION_THRESHOLD} to ${MAX_SUPPRESSION_THRESHOLD}`;

export const suppressionSettingsSchema = z.object({
  suppressionThreshold: wholeNumber(
    WHOLE_NUMBER,
    z
      .number()
      .min(MIN_SUPPRESSION_THRESHOLD, `Enter a small-number threshold of ${MIN_SUPPRESSION_THRESHOLD} or more`)
      .max(MAX_SUPPRESSION_THRESHOLD, `Enter a small-number threshold of ${MAX_SUPPRESSION_THRESHOLD} or fewer`),
  ),
});

export type SuppressionSettings = { suppressionThreshold: number };

/** The small-number threshold, for the administrator's settings page. */
export async function getSuppressionSettings(db: Db, actor: Actor): Promise<SuppressionSettings> {
  await requirePermission(db, actor, "admin.manage", { entity: "Partnership", entityId: actor.partnershipId });
  return { suppressionThreshold: await getSuppressionThreshold(db, actor.partnershipId) };
}

/**
 * Sets the small-number threshold for the administrator's partnership. Every aggregate the PCC
 * office reads from then on (dashboard, overdue notices) hides counts from 1 to the new value;
 * notices already sent keep what they said.
 */
export async function updateSuppressionSettings(db: Db, actor: Actor, rawInput: unknown): Promise<Result<SuppressionSettings>> {
  await requirePermission(db, actor, "admin.manage", { entity: "Partnership", entityId: actor.partnershipId });
  const parsed = suppressionSettingsSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  await db.$transaction(async (tx) => {
    await tx.partnership.update({
      where: { id: actor.partnershipId },
      data: { suppressionThreshold: parsed.data.suppressionThreshold },
    });
    await recordAudit(tx, actor, { action: "settings.suppression_update", entity: "Partnership", entityId: actor.partnershipId });
  });
  return ok(parsed.data);
}
