import "server-only";
import { z } from "zod";
import { consentInForce, mayRecordConsent } from "@/domain/nrm/consent";
import { beforeRescue, checkDay, dayToDb } from "@/domain/nrm/dates";
import { DTN_NATIONALITY_MESSAGE, parseMonth } from "@/domain/nrm/duty-to-notify";
import { matchNationality } from "@/domain/nationality/countries";
import { AGES_AT_EXPLOITATION, EXPLOITATION_LOCATIONS } from "@/domain/rescue/national-categories";
import { compareDays, formatDay } from "@/domain/nrm/nrm-referral";
import { fieldRefused, invalid, ok, refused, type Result } from "@/domain/result";
import { londonToday } from "@/domain/time/london-day";
import { EXPLOITATION_TYPES, GENDERS, isTreatedAsChild } from "@/domain/types";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { publishChangesAfterCommit } from "../live/publish";
import { recordTimeline } from "../timeline/record-timeline";
import { loadNrmPerson } from "./load-nrm-person";
import { choice } from "./nrm-input";

export const recordDutyToNotifySchema = z.object({
  personId: z.uuid("Person not found"),
  gender: choice(GENDERS, "Choose the gender"),
  ageAtExploitation: choice(AGES_AT_EXPLOITATION, "Choose the age when exploited"),
  // Typed text from the country list's field, as its code: anything not on the list is refused.
  nationality: z
    .string({ error: DTN_NATIONALITY_MESSAGE })
    .max(100, DTN_NATIONALITY_MESSAGE)
    .transform((value, context) => {
      const code = matchNationality(value);
      if (code === null) {
        context.addIssue({ code: "custom", message: DTN_NATIONALITY_MESSAGE });
        return z.NEVER;
      }
      return code;
    }),
  exploitationType: choice(EXPLOITATION_TYPES, "Choose the type of exploitation"),
  exploitationLocation: choice(EXPLOITATION_LOCATIONS, "Choose where the exploitation happened"),
  exploitationBeganIn: z.string({ error: "Enter the month, like 03/2026, or leave it blank" }).optional(),
  sentOn: z.unknown(),
});

export const DTN_MONTH_MESSAGE = "Enter the month exploitation began, like 03/2026, or leave it blank if not known";

/**
 * Records a Duty to Notify for an adult who declined (or withdrew consent to) the NRM: police and
 * councils only, once per person. The record itself holds only the Home Office's categories and the
 * date sent; the person's timeline says that one was sent (and when), and nothing links the two.
 */
export async function recordDutyToNotify(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<{ personId: string }>> {
  await requirePermission(db, actor, "duty_to_notify.record", { entity: "Person", entityId: idFromInput(rawInput, "personId") });
  const person = await loadNrmPerson(db, actor, idFromInput(rawInput, "personId"), "duty_to_notify.record");
  if (!mayRecordConsent(actor.agencyKind)) {
    await recordAudit(db, actor, { action: "duty_to_notify.record", entity: "Person", entityId: person.id, outcome: "denied" });
    return refused("not-first-responder", "Only police and councils make Duty to Notify returns.");
  }
  if (person.closedAt) return refused("case-closed", "This person's case is closed.");
  if (isTreatedAsChild(person.ageGroup)) return refused("duty-to-notify-not-due", "Children are referred to the NRM, never notified: no consent is needed.");
  const nrmConsent = person.consents.find((row) => row.purpose === "NRM_REFERRAL") ?? null;
  if (!nrmConsent || consentInForce(nrmConsent) || person.nrmReferral) {
    return refused("duty-to-notify-not-due", "A Duty to Notify is for an adult who declined the NRM: record their refusal (or withdrawal) of consent first.");
  }
  const alreadySent = await db.timelineEvent.count({ where: { personId: person.id, kind: "DUTY_TO_NOTIFY_SENT" } });
  if (alreadySent > 0) return refused("duty-to-notify-not-due", "A Duty to Notify was recorded for this person already.");

  const parsed = recordDutyToNotifySchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  const today = londonToday(now);
  const sentOn = checkDay("sentOn", input.sentOn, { today, notBefore: { day: londonToday(person.rescue.occurredAt), message: beforeRescue } });
  if (!sentOn.ok) return sentOn;
  const began = parseMonth(input.exploitationBeganIn ?? "");
  if (began === "invalid") return fieldRefused("exploitationBeganIn", DTN_MONTH_MESSAGE);
  if (began && compareDays({ ...began, day: 1 }, sentOn.data) > 0) return fieldRefused("exploitationBeganIn", "The month cannot be after the date the notification was sent");

  await db.$transaction(async (tx) => {
    await tx.dutyToNotify.create({
      data: {
        partnershipId: actor.partnershipId,
        notifyingAgencyId: actor.agencyId,
        gender: input.gender,
        ageAtExploitation: input.ageAtExploitation,
        nationality: input.nationality,
        exploitationType: input.exploitationType,
        exploitationLocation: input.exploitationLocation,
        exploitationBeganIn: began ? dayToDb({ ...began, day: 1 }) : null,
        sentOn: dayToDb(sentOn.data),
      },
      select: { id: true },
    });
    await recordTimeline(tx, actor, { personId: person.id, kind: "DUTY_TO_NOTIFY_SENT", text: `Sent ${formatDay(sentOn.data)}`, occurredAt: now });
    await recordAudit(tx, actor, { action: "duty_to_notify.record", entity: "Person", entityId: person.id });
  });
  await publishChangesAfterCommit(db, [person.id]);
  return ok({ personId: person.id });
}
