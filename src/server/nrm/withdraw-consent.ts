import "server-only";
import { z } from "zod";
import { CONSENT_PURPOSE_LABELS, mayRecordConsent } from "@/domain/nrm/consent";
import { checkDay, dayFromDb, dayToDb } from "@/domain/nrm/dates";
import { formatDay } from "@/domain/nrm/nrm-referral";
import { invalid, ok, refused, type Result } from "@/domain/result";
import { londonToday } from "@/domain/time/london-day";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { visiblePeople } from "../access/visibility";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { publishChangesAfterCommit } from "../live/publish";
import { recordTimeline } from "../timeline/record-timeline";

export const withdrawConsentSchema = z.object({ consentId: z.uuid("Consent not found"), withdrawnOn: z.unknown() });

/**
 * The person withdraws a consent they gave: the date they did, and who recorded it. From then on
 * sharing for that purpose stops (for sharing with an agency, that agency stops seeing the person
 * unless a lawful basis is recorded; an NRM referral can no longer be recorded). Police and councils
 * only; the date is not in the future nor before the consent was given.
 */
export async function withdrawConsent(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<{ personId: string }>> {
  await requirePermission(db, actor, "consent.record", { entity: "Consent", entityId: idFromInput(rawInput, "consentId") });
  const consentId = idFromInput(rawInput, "consentId");
  const consent = consentId
    ? await db.consent.findFirst({
        where: { id: consentId, person: visiblePeople(actor) },
        select: { id: true, personId: true, purpose: true, given: true, withdrawnOn: true, supersededAt: true, decidedOn: true, agency: { select: { name: true } }, person: { select: { closedAt: true } } },
      })
    : null;
  if (!consent) {
    await recordAudit(db, actor, { action: "consent.withdraw", entity: "Consent", entityId: consentId, outcome: "denied" });
    throw new NotFoundError("Consent");
  }
  if (!mayRecordConsent(actor.agencyKind)) {
    await recordAudit(db, actor, { action: "consent.withdraw", entity: "Person", entityId: consent.personId, outcome: "denied" });
    return refused("not-first-responder", "Only police and councils (First Responders) record a withdrawal of consent.");
  }
  if (consent.person.closedAt) return refused("case-closed", "This person's case is closed.");
  if (!consent.given || consent.withdrawnOn || consent.supersededAt) {
    return refused("not-withdrawable", "Only consent that was given, and is still the current decision, can be withdrawn.");
  }
  const parsed = withdrawConsentSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const withdrawnOn = checkDay("withdrawnOn", parsed.data.withdrawnOn, {
    today: londonToday(now),
    notBefore: { day: dayFromDb(consent.decidedOn), message: (day) => `The date cannot be before the consent was given (${day})` },
  });
  if (!withdrawnOn.ok) return withdrawnOn;

  const outcome = await db.$transaction(async (tx) => {
    // Conditional on still being current and not withdrawn: two withdrawals at once leave one.
    const changed = await tx.consent.updateMany({
      where: { id: consent.id, withdrawnOn: null, supersededAt: null },
      data: { withdrawnOn: dayToDb(withdrawnOn.data), withdrawnById: actor.id, withdrawnAt: now },
    });
    if (changed.count !== 1) throw new NotWithdrawable();
    await recordTimeline(tx, actor, {
      personId: consent.personId,
      kind: "CONSENT_WITHDRAWN",
      text: `${CONSENT_PURPOSE_LABELS[consent.purpose]}${consent.agency ? ` (${consent.agency.name})` : ""}: withdrawn on ${formatDay(withdrawnOn.data)}`,
      occurredAt: now,
    });
    await recordAudit(tx, actor, { action: "consent.withdraw", entity: "Person", entityId: consent.personId });
    return "withdrawn" as const;
  }).catch((error: unknown) => {
    if (error instanceof NotWithdrawable) return "raced" as const;
    throw error;
  });
  if (outcome === "raced") return refused("not-withdrawable", "This consent was withdrawn or replaced a moment ago. Reload the page.");
  await publishChangesAfterCommit(db, [consent.personId]);
  return ok({ personId: consent.personId });
}

class NotWithdrawable extends Error {}
