import "server-only";
import { z } from "zod";
import { checkDay, dayFromDb, dayToDb } from "@/domain/nrm/dates";
import { NRM_DECISION_KIND_LABELS, NRM_DECISION_KINDS, formatDay } from "@/domain/nrm/nrm-referral";
import { fieldRefused, invalid, ok, refused, type Result } from "@/domain/result";
import { londonToday } from "@/domain/time/london-day";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { publishChangesAfterCommit } from "../live/publish";
import { recordTimeline } from "../timeline/record-timeline";
import { loadNrmPerson } from "./load-nrm-person";
import { choice } from "./nrm-input";
import { ownedReferral } from "./record-nrm-decision";

export const requestReconsiderationSchema = z.object({
  personId: z.uuid("Person not found"),
  decision: choice(NRM_DECISION_KINDS, "Choose which decision is to be reconsidered"),
  requestedOn: z.unknown(),
});

export const ONLY_NEGATIVE = "Reconsideration can be asked only of a negative decision";

/** A request that the Home Office reconsider a negative decision: which one and when. Only the submitting agency. */
export async function requestNrmReconsideration(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<{ personId: string }>> {
  await requirePermission(db, actor, "nrm.record", { entity: "Person", entityId: idFromInput(rawInput, "personId") });
  const person = await loadNrmPerson(db, actor, idFromInput(rawInput, "personId"), "nrm.reconsideration_request");
  const owned = await ownedReferral(db, actor, person, "nrm.reconsideration_request");
  if (!owned.ok) return owned;
  const referral = owned.data;
  const parsed = requestReconsiderationSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  if (referral.reconsiderationOf) return refused("already-decided", "A reconsideration was requested already.");
  const { decision } = parsed.data;
  const outcome = decision === "REASONABLE_GROUNDS" ? referral.reasonableGrounds : referral.conclusiveGrounds;
  const decidedOn = decision === "REASONABLE_GROUNDS" ? referral.reasonableGroundsOn : referral.conclusiveGroundsOn;
  if (outcome !== "NEGATIVE" || !decidedOn) return fieldRefused("decision", ONLY_NEGATIVE);
  const requestedOn = checkDay("requestedOn", parsed.data.requestedOn, {
    today: londonToday(now),
    notBefore: { day: dayFromDb(decidedOn), message: (day) => `The request cannot be before the decision (${day})` },
  });
  if (!requestedOn.ok) return requestedOn;

  const written = await db.$transaction(async (tx) => {
    const changed = await tx.nrmReferral.updateMany({
      where: { id: referral.id, reconsiderationOf: null },
      data: { reconsiderationOf: decision, reconsiderationRequestedOn: dayToDb(requestedOn.data), version: { increment: 1 } },
    });
    if (changed.count !== 1) return false;
    await recordTimeline(tx, actor, {
      personId: person.id,
      kind: "NRM_RECONSIDERATION_REQUESTED",
      text: `Of the ${NRM_DECISION_KIND_LABELS[decision]}, requested ${formatDay(requestedOn.data)}`,
      occurredAt: now,
    });
    await recordAudit(tx, actor, { action: "nrm.reconsideration_request", entity: "Person", entityId: person.id });
    return true;
  });
  if (!written) return refused("already-decided", "A reconsideration was requested a moment ago.");
  await publishChangesAfterCommit(db, [person.id]);
  return ok({ personId: person.id });
}
