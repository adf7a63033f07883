import "server-only";
import { z } from "zod";
import { typedText } from "@/domain/input/text";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { pseudonymisedCases } from "../access/visibility";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { invalid, ok, type Result } from "@/domain/result";
import { BREAK_GLASS_MINUTES, BREAK_GLASS_REASON_MAX, BREAK_GLASS_REASON_MIN } from "./break-glass-rules";

export const openBreakGlassSchema = z.object({
  personId: z.uuid("Case not found"),
  reason: typedText({ multiline: true, error: "Enter why you need to see who this person is" })
    .trim()
    .min(1, "Enter why you need to see who this person is")
    .min(BREAK_GLASS_REASON_MIN, `Enter at least ${BREAK_GLASS_REASON_MIN} characters: say why you need to see who this person is`)
    .max(BREAK_GLASS_REASON_MAX, `Enter ${BREAK_GLASS_REASON_MAX} characters or fewer`),
});

/**
 * Break-glass: a coordinator opens a person's identity for a short while, giving a reason. The grant
 * and its audit row are written together; the reason goes to the administrators' review list, never
 * into the audit row.
 */
export async function openBreakGlass(
  db: Db,
  actor: Actor,
  rawInput: unknown,
  now = new Date(),
): Promise<Result<{ personId: string; expiresAt: Date }>> {
  await requirePermission(db, actor, "case.break_glass", { entity: "Person", entityId: idFromInput(rawInput, "personId") });
  const parsed = openBreakGlassSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const { personId, reason } = parsed.data;

  const person = await db.person.findFirst({ where: { AND: [{ id: personId }, pseudonymisedCases(actor)] }, select: { id: true } });
  if (!person) {
    await recordAudit(db, actor, { action: "case.break_glass", entity: "Person", entityId: personId, outcome: "denied" });
    throw new NotFoundError("Person");
  }

  const expiresAt = new Date(now.getTime() + BREAK_GLASS_MINUTES * 60_000);
  await db.$transaction(async (tx) => {
    await tx.breakGlassAccess.create({ data: { userId: actor.id, personId: person.id, reason, createdAt: now, expiresAt } });
    await recordAudit(tx, actor, { action: "case.break_glass", entity: "Person", entityId: person.id });
  });
  return ok({ personId: person.id, expiresAt });
}
