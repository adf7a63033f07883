import "server-only";
import { z } from "zod";
import { MAX_IDLE_TIMEOUT_MINUTES, MIN_IDLE_TIMEOUT_MINUTES } from "@/domain/session/session-lifetime";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { invalid, ok, type Result } from "@/domain/result";

const BOUNDS = `from ${MIN_IDLE_TIMEOUT_MINUTES} to ${MAX_IDLE_TIMEOUT_MINUTES}`;

export const idleTimeoutSettingsSchema = z.object({
  idleTimeoutMinutes: z
    .string({ error: "Enter how many minutes without activity sign a user out" })
    .trim()
    .min(1, "Enter how many minutes without activity sign a user out")
    // Digits only: Number() would also take "0x1e", "1e2" or " ".
    .regex(/^\d{1,4}$/, `Enter the minutes as a whole number ${BOUNDS}, using digits only`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(MIN_IDLE_TIMEOUT_MINUTES, `Enter ${MIN_IDLE_TIMEOUT_MINUTES} minutes or more`)
        .max(MAX_IDLE_TIMEOUT_MINUTES, `Enter ${MAX_IDLE_TIMEOUT_MINUTES} minutes or fewer`),
    ),
});

export type IdleTimeoutSettings = { idleTimeoutMinutes: number };

/** The partnership's idle timeout, for the administrator's settings page. */
export async function getIdleTimeoutSettings(db: Db, actor: Actor): Promise<IdleTimeoutSettings> {
  await requirePermission(db, actor, "admin.manage", { entity: "Partnership", entityId: actor.partnershipId });
  return db.partnership.findUniqueOrThrow({ where: { id: actor.partnershipId }, select: { idleTimeoutMinutes: true } });
}

/**
 * Sets how long a session may go without activity in the administrator's partnership. Every session
 * is checked against the current value on its next request, so a shorter timeout also ends sessions
 * already idle that long.
 */
export async function updateIdleTimeoutSettings(db: Db, actor: Actor, rawInput: unknown): Promise<Result<IdleTimeoutSettings>> {
  await requirePermission(db, actor, "admin.manage", { entity: "Partnership", entityId: actor.partnershipId });
  const parsed = idleTimeoutSettingsSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  await db.$transaction(async (tx) => {
    await tx.partnership.update({ where: { id: actor.partnershipId }, data: { idleTimeoutMinutes: parsed.data.idleTimeoutMinutes } });
    await recordAudit(tx, actor, { action: "settings.idle_timeout_update", entity: "Partnership", entityId: actor.partnershipId });
  });
  return ok(parsed.data);
}
