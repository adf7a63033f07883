import "server-only";
import { z } from "zod";
import { invalid, ok, refused, type Result } from "@/domain/result";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { visiblePeople } from "../access/visibility";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { publishChangesAfterCommit } from "../live/publish";
import { recordTimeline } from "../timeline/record-timeline";

export const withdrawReferralSchema = z.object({ referralId: z.uuid("Referral not found") });

/**
 * The referring agency takes back a referral nobody has answered yet: the stage was always theirs,
 * so only the referral's state changes, and the receiving agency stops seeing the person unless it
 * has other work for them. A referral another agency made reads as not found.
 */
export async function withdrawReferral(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<{ personId: string; stageId: string }>> {
  await requirePermission(db, actor, "stage.refer", { entity: "Referral", entityId: idFromInput(rawInput, "referralId") });
  const parsed = withdrawReferralSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);

  const referral = await db.referral.findFirst({
    where: { id: parsed.data.referralId, fromAgencyId: actor.agencyId, stage: { person: visiblePeople(actor) } },
    select: { id: true, state: true, toAgency: { select: { name: true } }, stage: { select: { id: true, personId: true } } },
  });
  if (!referral) {
    await recordAudit(db, actor, { action: "referral.withdraw", entity: "Referral", entityId: parsed.data.referralId, outcome: "denied" });
    throw new NotFoundError("Referral");
  }
  const alreadyAnswered = () => refused("already-answered", "This referral has already been answered, so it cannot be withdrawn.");
  if (referral.state !== "PENDING") return alreadyAnswered();

  const withdrawn = await db.$transaction(async (tx) => {
    // Conditional: an answer that lands at the same moment wins or loses as a whole.
    const { count } = await tx.referral.updateMany({
      where: { id: referral.id, state: "PENDING" },
      data: { state: "WITHDRAWN", answeredAt: now, answeredById: actor.id },
    });
    if (count === 0) return false;
    await recordTimeline(tx, actor, {
      personId: referral.stage.personId,
      stageId: referral.stage.id,
      kind: "REFERRAL_WITHDRAWN",
      text: `Referral to ${referral.toAgency.name} withdrawn by ${actor.agencyName}`,
      occurredAt: now,
    });
    await recordAudit(tx, actor, { action: "referral.withdraw", entity: "Referral", entityId: referral.id });
    return true;
  });
  if (!withdrawn) return alreadyAnswered();
  await publishChangesAfterCommit(db, [referral.stage.personId]);
  return ok({ personId: referral.stage.personId, stageId: referral.stage.id });
}
