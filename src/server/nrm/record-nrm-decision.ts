import "server-only";
import { z } from "zod";
import { checkDay, dayFromDb, dayToDb } from "@/domain/nrm/dates";
import {
  CG_MINIMUM_DAYS_AFTER_RG,
  NRM_DECISION_KIND_LABELS,
  NRM_DECISION_KINDS,
  NRM_OUTCOME_LABELS,
  NRM_OUTCOMES,
  addCalendarDays,
  formatDay,
} from "@/domain/nrm/nrm-referral";
import { fieldRefused, invalid, ok, refused, type Result } from "@/domain/result";
import { londonToday } from "@/domain/time/london-day";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { publishChangesAfterCommit } from "../live/publish";
import { recordTimeline } from "../timeline/record-timeline";
import { loadNrmPerson, type NrmPerson } from "./load-nrm-person";
import { choice } from "./nrm-input";

export const recordNrmDecisionSchema = z.object({
  personId: z.uuid("Person not found"),
  decision: choice(NRM_DECISION_KINDS, "Choose which decision this is"),
  outcome: choice(NRM_OUTCOMES, "Choose whether the decision was positive or negative"),
  decidedOn: z.unknown(),
});

export const CG_NEEDS_POSITIVE_RG = "A Conclusive Grounds decision follows a positive Reasonable Grounds decision: record that first";

/** The referral the agency that submitted it may work on, or why not. */
export async function ownedReferral(db: Db, actor: Actor, person: NrmPerson, action: "nrm.decision_record" | "nrm.reconsideration_request") {
  const referral = person.nrmReferral;
  if (!referral) return refused("no-nrm-referral", "This person has no NRM referral recorded yet.");
  if (referral.submittedByAgencyId !== actor.agencyId) {
    await recordAudit(db, actor, { action, entity: "Person", entityId: person.id, outcome: "denied" });
    return refused("not-owner", "Only the First Responder Organisation that submitted the referral records what the Home Office decided.");
  }
  if (person.closedAt) return refused("case-closed", "This person's case is closed.");
  return ok(referral);
}

/**
 * Records a Reasonable Grounds or Conclusive Grounds decision the Home Office sent. Only the agency
 * that submitted the referral. A decision is not in the future nor before the referral; a Conclusive
 * Grounds decision needs a positive Reasonable Grounds one and comes at least 30 days after it.
 */
export async function recordNrmDecision(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<{ personId: string }>> {
  await requirePermission(db, actor, "nrm.record", { entity: "Person", entityId: idFromInput(rawInput, "personId") });
  const person = await loadNrmPerson(db, actor, idFromInput(rawInput, "personId"), "nrm.decision_record");
  const owned = await ownedReferral(db, actor, person, "nrm.decision_record");
  if (!owned.ok) return owned;
  const referral = owned.data;
  const parsed = recordNrmDecisionSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const { decision, outcome } = parsed.data;
  const today = londonToday(now);
  const submittedOn = dayFromDb(referral.submittedOn);

  if (decision === "REASONABLE_GROUNDS") {
    if (referral.reasonableGrounds) return refused("already-decided", "The Reasonable Grounds decision is recorded already.");
    const decidedOn = checkDay("decidedOn", parsed.data.decidedOn, {
      today,
      notBefore: { day: submittedOn, message: (day) => `A decision cannot be before the referral (${day})` },
    });
    if (!decidedOn.ok) return decidedOn;
    const written = await write(db, actor, person.id, referral.id, { reasonableGrounds: null }, { reasonableGrounds: outcome, reasonableGroundsOn: dayToDb(decidedOn.data) }, decision, outcome, decidedOn.data, now);
    return written ? ok({ personId: person.id }) : refused("already-decided", "The Reasonable Grounds decision was recorded a moment ago.");
  }

  if (referral.conclusiveGrounds) return refused("already-decided", "The Conclusive Grounds decision is recorded already.");
  if (referral.reasonableGrounds !== "POSITIVE" || !referral.reasonableGroundsOn) return fieldRefused("decision", CG_NEEDS_POSITIVE_RG);
  const earliest = addCalendarDays(dayFromDb(referral.reasonableGroundsOn), CG_MINIMUM_DAYS_AFTER_RG);
  const decidedOn = checkDay("decidedOn", parsed.data.decidedOn, {
    today,
    notBefore: { day: earliest, message: (day) => `A Conclusive Grounds decision comes at least 30 days after the Reasonable Grounds one: not before ${day}` },
  });
  if (!decidedOn.ok) return decidedOn;
  const written = await write(db, actor, person.id, referral.id, { conclusiveGrounds: null }, { conclusiveGrounds: outcome, conclusiveGroundsOn: dayToDb(decidedOn.data) }, decision, outcome, decidedOn.data, now);
  return written ? ok({ personId: person.id }) : refused("already-decided", "The Conclusive Grounds decision was recorded a moment ago.");
}

async function write(
  db: Db,
  actor: Actor,
  personId: string,
  referralId: string,
  stillEmpty: { reasonableGrounds: null } | { conclusiveGrounds: null },
  data: Record<string, unknown>,
  decision: (typeof NRM_DECISION_KINDS)[number],
  outcome: (typeof NRM_OUTCOMES)[number],
  day: { year: number; month: number; day: number },
  now: Date,
): Promise<boolean> {
  const written = await db.$transaction(async (tx) => {
    // Conditional on the decision still being empty: two people recording it at once leave one.
    const changed = await tx.nrmReferral.updateMany({ where: { id: referralId, ...stillEmpty }, data: { ...data, version: { increment: 1 } } });
    if (changed.count !== 1) return false;
    await recordTimeline(tx, actor, {
      personId,
      kind: "NRM_DECISION_RECORDED",
      text: `${NRM_DECISION_KIND_LABELS[decision]}: ${NRM_OUTCOME_LABELS[outcome].toLowerCase()}, ${formatDay(day)}`,
      occurredAt: now,
    });
    await recordAudit(tx, actor, { action: "nrm.decision_record", entity: "Person", entityId: personId });
    return true;
  });
  if (written) await publishChangesAfterCommit(db, [personId]);
  return written;
}
