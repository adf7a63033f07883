import "server-only";
import { z } from "zod";
import { consentInForce } from "@/domain/nrm/consent";
import { beforeRescue, checkDay, dayFromDb, dayToDb } from "@/domain/nrm/dates";
import { HOME_OFFICE_REFERENCE, HOME_OFFICE_REFERENCE_MESSAGE, formatDay, maySubmitNrmReferral, normaliseHomeOfficeReference, compareDays } from "@/domain/nrm/nrm-referral";
import { fieldRefused, invalid, ok, refused, type Result } from "@/domain/result";
import { londonToday } from "@/domain/time/london-day";
import { isTreatedAsChild } from "@/domain/types";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { publishChangesAfterCommit } from "../live/publish";
import { recordTimeline } from "../timeline/record-timeline";
import { loadNrmPerson } from "./load-nrm-person";

export const recordNrmReferralSchema = z.object({
  personId: z.uuid("Person not found"),
  submittedOn: z.unknown(),
  homeOfficeReference: z
    .string({ error: HOME_OFFICE_REFERENCE_MESSAGE })
    .transform(normaliseHomeOfficeReference)
    .refine((value) => HOME_OFFICE_REFERENCE.test(value), HOME_OFFICE_REFERENCE_MESSAGE),
});

export const REFERENCE_TAKEN = "This Home Office reference is recorded for another person already: check it";

/**
 * Records that the actor's agency, a First Responder Organisation (police, council, Salvation Army),
 * submitted the person's NRM referral: the date and the Home Office reference. An adult must have
 * consented to the NRM (given and not withdrawn); a child never needs consent. The date is not in the
 * future, nor before the rescue or the consent. The submitting agency owns the milestones that follow.
 */
export async function recordNrmReferral(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<{ personId: string }>> {
  await requirePermission(db, actor, "nrm.record", { entity: "Person", entityId: idFromInput(rawInput, "personId") });
  const person = await loadNrmPerson(db, actor, idFromInput(rawInput, "personId"), "nrm.referral_submit");
  if (!maySubmitNrmReferral(actor.agencyKind)) {
    await recordAudit(db, actor, { action: "nrm.referral_submit", entity: "Person", entityId: person.id, outcome: "denied" });
    return refused("not-first-responder", "Only police, councils and the Salvation Army (First Responder Organisations) submit NRM referrals.");
  }
  if (person.closedAt) return refused("case-closed", "This person's case is closed.");
  if (person.nrmReferral) return refused("already-referred", `This person was referred to the NRM already (${person.nrmReferral.homeOfficeReference}).`);

  const child = isTreatedAsChild(person.ageGroup);
  const consent = person.consents.find((row) => row.purpose === "NRM_REFERRAL") ?? null;
  if (!child && !consentInForce(consent)) {
    return refused(
      "consent-needed",
      consent?.withdrawnOn
        ? "The person withdrew their consent to the NRM: no referral can be recorded. Police or the council can record a Duty to Notify instead."
        : "An adult must consent to the NRM before a referral: police or the council record it first.",
    );
  }
  const parsed = recordNrmReferralSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const today = londonToday(now);
  const rescueDay = londonToday(person.rescue.occurredAt);
  const consentDay = !child && consent ? dayFromDb(consent.decidedOn) : null;
  const notBefore =
    consentDay && compareDays(consentDay, rescueDay) > 0
      ? { day: consentDay, message: (day: string) => `The referral cannot be before the person consented (${day})` }
      : { day: rescueDay, message: beforeRescue };
  const submittedOn = checkDay("submittedOn", parsed.data.submittedOn, { today, notBefore });
  if (!submittedOn.ok) return submittedOn;

  try {
    await db.$transaction(async (tx) => {
      await tx.nrmReferral.create({
        data: {
          personId: person.id,
          submittedOn: dayToDb(submittedOn.data),
          homeOfficeReference: parsed.data.homeOfficeReference,
          submittedByAgencyId: actor.agencyId,
          recordedById: actor.id,
          recordedAt: now,
        },
      });
      await recordTimeline(tx, actor, {
        personId: person.id,
        kind: "NRM_REFERRAL_SUBMITTED",
        text: `Submitted ${formatDay(submittedOn.data)} by ${actor.agencyName}, Home Office reference ${parsed.data.homeOfficeReference}${child ? " (a child: no consent needed)" : ""}`,
        occurredAt: now,
      });
      await recordAudit(tx, actor, { action: "nrm.referral_submit", entity: "Person", entityId: person.id });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const target = String((error.meta as { target?: unknown } | undefined)?.target ?? "");
      if (target.includes("personId")) return refused("already-referred", "This person was referred to the NRM a moment ago.");
      return fieldRefused("homeOfficeReference", REFERENCE_TAKEN);
    }
    throw error;
  }
  await publishChangesAfterCommit(db, [person.id]);
  return ok({ personId: person.id });
}
