import "server-only";
import { z } from "zod";
import { MAX_CONTACT_GAP_HOURS, MIN_CONTACT_GAP_HOURS } from "@/domain/contact/contact-watch";
import { wholeNumber } from "@/domain/input/whole-number";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { invalid, ok, type Result } from "@/domain/result";

export const contactGapSettingsSchema = z.object({
  contactGapHours: wholeNumber(
    `Enter the hours as a whole number from ${MIN_CONTACT_GAP_HOURS} to ${MAX_CONTACT_GAP_HOURS}, using digits only`,
    z.number().min(MIN_CONTACT_GAP_HOURS, `Enter ${MIN_CONTACT_GAP_HOURS} hours or more`).max(MAX_CONTACT_GAP_HOURS, `Enter ${MAX_CONTACT_GAP_HOURS} hours or fewer`),
  ),
});

export type ContactGapSettings = { contactGapHours: number };

/** How many hours without contact raise a notice, in the administrator's partnership. */
export async function getContactGapSettings(db: Db, actor: Actor): Promise<ContactGapSettings> {
  await requirePermission(db, actor, "admin.manage", { entity: "Partnership", entityId: actor.partnershipId });
  return db.partnership.findUniqueOrThrow({ where: { id: actor.partnershipId }, select: { contactGapHours: true } });
}

/**
 * Sets the hours without contact before the owning agencies' leads are told. The next sweep uses the
 * new value; gaps already raised stay raised, and a gap is raised once whatever the value.
 */
export async function updateContactGapSettings(db: Db, actor: Actor, rawInput: unknown): Promise<Result<ContactGapSettings>> {
  await requirePermission(db, actor, "admin.manage", { entity: "Partnership", entityId: actor.partnershipId });
  const parsed = contactGapSettingsSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  await db.$transaction(async (tx) => {
    const before = await tx.partnership.findUniqueOrThrow({ where: { id: actor.partnershipId }, select: { contactGapHours: true } });
    await tx.partnership.update({ where: { id: actor.partnershipId }, data: { contactGapHours: parsed.data.contactGapHours } });
    await recordAudit(tx, actor, {
      action: "settings.contact_gap_update",
      entity: "Partnership",
      entityId: actor.partnershipId,
      changes: { contactGapHours: { before: before.contactGapHours, after: parsed.data.contactGapHours } },
    });
  });
  return ok(parsed.data);
}
