import "server-only";
import { z } from "zod";
import { typedText } from "@/domain/input/text";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { invalid, ok, refused, type Result } from "@/domain/result";

export const reviewBreakGlassSchema = z.object({
  accessId: z.uuid("Break-glass access not found"),
  note: typedText({ multiline: true }).trim().max(1000, "Enter 1000 characters or fewer").optional().default(""),
});

/**
 * An administrator marks a break-glass access as reviewed, with an optional note. Each access is
 * reviewed once: a second review (two administrators at once) is refused, not overwritten.
 */
export async function reviewBreakGlass(
  db: Db,
  actor: Actor,
  rawInput: unknown,
  now = new Date(),
): Promise<Result<{ accessId: string; caseReference: string }>> {
  await requirePermission(db, actor, "break_glass.review", { entity: "BreakGlassAccess", entityId: idFromInput(rawInput, "accessId") });
  const parsed = reviewBreakGlassSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const { accessId, note } = parsed.data;

  const access = await db.breakGlassAccess.findFirst({
    where: { id: accessId, person: { rescue: { partnershipId: actor.partnershipId } } },
    select: { id: true, person: { select: { caseReference: true } } },
  });
  if (!access) {
    await recordAudit(db, actor, { action: "break_glass.review", entity: "BreakGlassAccess", entityId: accessId, outcome: "denied" });
    throw new NotFoundError("BreakGlassAccess");
  }

  const reviewed = await db.$transaction(async (tx) => {
    const { count } = await tx.breakGlassAccess.updateMany({
      where: { id: access.id, reviewedAt: null },
      data: { reviewedAt: now, reviewedById: actor.id, reviewNote: note || null },
    });
    if (count === 0) return false;
    await recordAudit(tx, actor, { action: "break_glass.review", entity: "BreakGlassAccess", entityId: access.id });
    return true;
  });
  if (!reviewed) return refused("already-reviewed", "This access has already been reviewed.");
  return ok({ accessId: access.id, caseReference: access.person.caseReference });
}
