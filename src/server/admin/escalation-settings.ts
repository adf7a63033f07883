import "server-only";
import { z } from "zod";
import { wholeNumber } from "@/domain/input/whole-number";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { invalid, ok, type Result } from "@/domain/result";

const hours = (label: string, max: number) =>
  wholeNumber(
    `Enter ${label} as a whole number of hours`,
    z.number().min(1, `Enter at least 1 hour for ${label}`).max(max, `Enter ${max} hours or fewer for ${label}`),
  );

export const escalationSettingsSchema = z
  .object({
    coordinatorAfterHours: hours("the coordinator's escalation", 168),
    pccAfterHours: hours("the PCC office's escalation", 720),
  })
  .superRefine((value, ctx) => {
    if (value.pccAfterHours <= value.coordinatorAfterHours) {
      ctx.addIssue({ code: "custom", path: ["pccAfterHours"], message: "The PCC office must be told later than the coordinator" });
    }
  });

export type EscalationSettings = { coordinatorAfterHours: number; pccAfterHours: number };

/** The partnership's escalation thresholds, in hours overdue, for the administrator. */
export async function getEscalationSettings(db: Db, actor: Actor): Promise<EscalationSettings> {
  await requirePermission(db, actor, "admin.manage", { entity: "Partnership", entityId: actor.partnershipId });
  const partnership = await db.partnership.findUniqueOrThrow({
    where: { id: actor.partnershipId },
    select: { escalateToCoordinatorAfterMinutes: true, escalateToPccAfterMinutes: true },
  });
  return {
    coordinatorAfterHours: Math.round(partnership.escalateToCoordinatorAfterMinutes / 60),
    pccAfterHours: Math.round(partnership.escalateToPccAfterMinutes / 60),
  };
}

/**
 * Sets how long a stage stays overdue before the coordinator is told, and then the PCC office. The
 * agency lead is always told as soon as a stage is overdue. The next sweep uses the new values;
 * escalations already raised stay raised.
 */
export async function updateEscalationSettings(db: Db, actor: Actor, rawInput: unknown): Promise<Result<EscalationSettings>> {
  await requirePermission(db, actor, "admin.manage", { entity: "Partnership", entityId: actor.partnershipId });
  const parsed = escalationSettingsSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  await db.$transaction(async (tx) => {
    await tx.partnership.update({
      where: { id: actor.partnershipId },
      data: {
        escalateToCoordinatorAfterMinutes: parsed.data.coordinatorAfterHours * 60,
        escalateToPccAfterMinutes: parsed.data.pccAfterHours * 60,
      },
    });
    await recordAudit(tx, actor, { action: "settings.update", entity: "Partnership", entityId: actor.partnershipId });
  });
  return ok(parsed.data);
}
