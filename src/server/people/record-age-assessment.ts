import "server-only";
import { z } from "zod";
import { typedText } from "@/domain/input/text";
import { AGE_ASSESSMENT_OUTCOMES, planAgeReassessment } from "@/domain/pathway/age-reassessment";
import { invalid, ok, refused, type Result } from "@/domain/result";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { seesMinimalRecord } from "../access/visibility";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { publishChangesAfterCommit } from "../live/publish";
import { replanPathway } from "../pathway/replan-pathway";
import { StageChangedMeanwhile } from "../stages/close-stages-not-needed";
import { recordTimeline } from "../timeline/record-timeline";
import { loadVisiblePerson } from "./load-visible-person";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function ageAssessmentSchema(now: Date) {
  return z.object({
    personId: z.string().uuid("Person not found"),
    outcome: z.enum(AGE_ASSESSMENT_OUTCOMES, { error: "Select whether the person was assessed as an adult or a child" }),
    assessedOn: z
      .string({ error: "Enter the date of the assessment" })
      .trim()
      .min(1, "Enter the date of the assessment")
      .refine((value) => ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
        message: "Enter a real date, for example 2026-11-27",
      })
      .refine((value) => !ISO_DATE.test(value) || new Date(`${value}T00:00:00Z`).getTime() <= now.getTime(), { message: "The assessment date cannot be in the future" }),
    assessedBy: typedText({ error: "Enter who assessed the person's age" })
      .trim()
      .min(2, "Enter who assessed the person's age, for example ‘Middlesbrough Council children's social worker’")
      .max(100, "Who assessed must be 100 characters or fewer"),
    mertonCompliant: z.enum(["yes", "no"], { error: "Select whether the assessment was Merton-compliant" }).transform((value) => value === "yes"),
  });
}

export type RecordedAgeAssessment = { personId: string; closed: number; restarted: number; added: number };

/**
 * Records an age assessment and makes the pathway follow it (docs/decisions/0022). A person found to
 * be a child gains the children's stages of their own pathway version, with clocks from now, and the
 * open adult stages close "not needed — age assessed as child"; the reverse for an adult. A second
 * assessment the other way restarts, with new clocks, the stages the first one closed (`replanPathway`).
 * Stages already done stay, nothing is deleted. Who may: agencies that see the person in full; health's
 * minimal record does not show the pathway's other stages, so it may not re-plan them.
 */
export async function recordAgeAssessment(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<RecordedAgeAssessment>> {
  await requirePermission(db, actor, "person.assess_age", { entity: "Person", entityId: idFromInput(rawInput, "personId") });
  const parsed = ageAssessmentSchema(now).safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;

  const person = await loadVisiblePerson(db, actor, input.personId, "person.assess_age", {
    id: true,
    ageGroup: true,
    interpreterNeeded: true,
    closedAt: true,
    templateId: true,
    rescue: { select: { occurredAt: true } },
  });
  if (seesMinimalRecord(actor)) {
    return refused("not-permitted", "Health cannot record an age assessment: ask children's services or the police to record it.");
  }
  if (person.closedAt) return refused("case-closed", "This case is closed, so its pathway cannot change.");
  const assessedOn = new Date(`${input.assessedOn}T00:00:00.000Z`);
  if (assessedOn.getTime() < new Date(person.rescue.occurredAt.toISOString().slice(0, 10) + "T00:00:00.000Z").getTime()) {
    return refused("invalid-input", "There is a problem: check the highlighted answers.", { assessedOn: "The assessment cannot be before the rescue" });
  }

  try {
    const outcome = await db.$transaction(async (tx) => {
      await tx.ageAssessment.create({
        data: {
          personId: person.id,
          outcome: input.outcome,
          assessedOn,
          assessedBy: input.assessedBy,
          mertonCompliant: input.mertonCompliant,
          recordedById: actor.id,
          recordedByAgencyId: actor.agencyId,
          recordedAt: now,
        },
      });
      await tx.person.update({ where: { id: person.id }, data: { ageGroup: input.outcome } });
      await recordTimeline(tx, actor, {
        personId: person.id,
        kind: "AGE_ASSESSED",
        text: `Assessed as ${input.outcome === "ADULT" ? "an adult" : "a child"} on ${input.assessedOn} by ${input.assessedBy}${input.mertonCompliant ? " (Merton-compliant)" : " (not Merton-compliant)"}`,
        occurredAt: now,
      });
      const planned = await replanPathway(
        tx,
        actor,
        person,
        (stages, templates, ownerHoursOf) => planAgeReassessment(person, input.outcome, stages, templates, now, ownerHoursOf),
        now,
        `Restarted with a new clock: age assessed as ${input.outcome === "ADULT" ? "an adult" : "a child"}`,
      );
      await recordAudit(tx, actor, {
        action: "person.assess_age",
        // About the person, so it shows in the lead's "who has seen this record" (found by the person's id).
        entity: "Person",
        entityId: person.id,
        changes: {
          ageGroup: { before: person.ageGroup, after: input.outcome },
          stagesClosed: { before: 0, after: planned.closed },
          stagesRestarted: { before: 0, after: planned.restarted },
          stagesAdded: { before: 0, after: planned.added },
        },
      });
      return { personId: person.id, ...planned };
    });
    await publishChangesAfterCommit(db, [person.id]);
    return ok(outcome);
  } catch (error) {
    if (error instanceof StageChangedMeanwhile) {
      return refused("stale-version", "A stage of this person's pathway changed while the assessment was being saved. Nothing was saved: try again.");
    }
    throw error;
  }
}
