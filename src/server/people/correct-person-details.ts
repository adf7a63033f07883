import "server-only";
import { z } from "zod";
import { wholeNumber } from "@/domain/input/whole-number";
import { planInterpreterChange } from "@/domain/pathway/age-reassessment";
import { changedSinceShown, planCorrection, type CorrectionChange, type StoredDetails } from "@/domain/person/correction-fields";
import { invalid, ok, refused, type Result } from "@/domain/result";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { seesMinimalRecord } from "../access/visibility";
import { idFromInput, recordAudit, type AuditChanges } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { publishChangesAfterCommit } from "../live/publish";
import { replanPathway } from "../pathway/replan-pathway";
import { StageChangedMeanwhile } from "../stages/close-stages-not-needed";
import { recordTimeline } from "../timeline/record-timeline";
import { flagPossibleMatches } from "../possible-matches/flag-possible-matches";
import { detailsSelect } from "./details-select";
import { loadVisiblePerson } from "./load-visible-person";

const correctionHeaderSchema = z.object({
  personId: z.string().uuid("Person not found"),
  version: wholeNumber("Reload the page and try again: the form is out of date"),
});


export const STALE_DETAILS_MESSAGE =
  "Someone else changed this person's record since you opened the form. Nothing was saved. Check what changed, then save again: your answers are kept.";

const MATCHED_FIELDS = new Set(["name", "dateOfBirth", "nationalityCode"]);

function storedDetails(person: { identity: object | null }): StoredDetails {
  return { identity: (person.identity ?? {}) as Record<string, unknown>, person: person as Record<string, unknown> };
}

/** Before and after for the audit log: values only for fields that are not identity (docs/decisions/0022). */
function auditChanges(changes: CorrectionChange[]): AuditChanges {
  return Object.fromEntries(
    changes.map(({ field, before, after }) => [
      field.key,
      field.identity ? { before: "withheld", after: "withheld" } : { before: field.display(before), after: field.display(after) },
    ]),
  );
}

/**
 * Corrects or adds a person's details. Who may: everyone who sees the person in full (the logging
 * agency and every agency working with them), each field by its need-to-know (`correctableFields`:
 * health only the fields its minimal record shows). The form carries the person's version and what it
 * showed (`was.<field>`); a form sent on an older version is refused with the fields someone else
 * changed, so two people never overwrite each other. One transaction writes the change, its timeline
 * entry (which fields, never their values) and its audit row (before and after, identity withheld).
 * A corrected interpreter need re-plans the pathway in the same transaction (`replanPathway`): the
 * interpreter stage is added (or restarted), or, not started, closed "not needed"; a done one stays.
 */
export async function correctPersonDetails(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<{ personId: string; changed: string[] }>> {
  await requirePermission(db, actor, "person.correct", { entity: "Person", entityId: idFromInput(rawInput, "personId") });
  const header = correctionHeaderSchema.safeParse(rawInput);
  if (!header.success) return invalid(header.error);
  const input = rawInput as Record<string, unknown>;

  const reader = { minimalRecord: seesMinimalRecord(actor) };
  const select = detailsSelect(reader);
  const person = await loadVisiblePerson(db, actor, header.data.personId, "person.correct", select);
  const stale = (current: typeof person) =>
    refused("stale-version", STALE_DETAILS_MESSAGE, changedSinceShown(reader, (input.was as Record<string, unknown> | undefined) ?? {}, storedDetails(current)));

  if (person.version !== header.data.version) return stale(person);
  const plan = planCorrection(reader, input, storedDetails(person));
  if (!plan.ok) return plan;
  const changes = plan.data;
  if (changes.length === 0) return refused("no-change", "Nothing was changed: every answer is what the record already says.");

  const columns = (store: "identity" | "person") =>
    Object.fromEntries(changes.filter(({ field }) => field.store === store).map(({ field, after }) => [field.key, field.toColumn(after)]));

  const saved = await db.$transaction(async (tx) => {
    const { count } = await tx.person.updateMany({
      where: { id: person.id, version: person.version },
      data: { ...columns("person"), version: { increment: 1 } },
    });
    if (count === 0) return false;
    const identity = columns("identity");
    if (Object.keys(identity).length > 0) {
      await tx.personIdentity.upsert({ where: { personId: person.id }, create: { personId: person.id, ...identity }, update: identity });
    }
    await recordTimeline(tx, actor, {
      personId: person.id,
      kind: "DETAILS_CORRECTED",
      text: `Changed: ${changes.map(({ field }) => field.label.toLowerCase()).join(", ")}`,
      occurredAt: now,
    });
    const audited = auditChanges(changes);
    const interpreter = changes.find(({ field }) => field.key === "interpreterNeeded");
    if (interpreter) {
      // The pathway follows the corrected need: the interpreter stage comes, or closes if not started.
      const pathway = await tx.person.findUniqueOrThrow({ where: { id: person.id }, select: { id: true, templateId: true, ageGroup: true, closedAt: true } });
      // A closed case's pathway does not change; its reopening restarts what the closing ended.
      if (!pathway.closedAt) {
        const needed = interpreter.after === true;
        const planned = await replanPathway(
          tx,
          actor,
          pathway,
          (stages, templates, ownerHoursOf) => planInterpreterChange(pathway, needed, stages, templates, now, ownerHoursOf),
          now,
          "Restarted with a new clock: an interpreter is needed",
        );
        Object.assign(audited, {
          stagesClosed: { before: 0, after: planned.closed },
          stagesRestarted: { before: 0, after: planned.restarted },
          stagesAdded: { before: 0, after: planned.added },
        });
      }
    }
    await recordAudit(tx, actor, { action: "person.correct", entity: "Person", entityId: person.id, changes: audited });
    // A name, date of birth or nationality learnt later can match someone already known: flagged for the
    // coordinator only, exactly as when the rescue was logged (docs/decisions/0027).
    if (changes.some(({ field }) => MATCHED_FIELDS.has(field.key))) await flagPossibleMatches(tx, [person.id], now);
    return true;
  }).catch((error: unknown) => {
    // The interpreter stage changed while the correction was being saved: nothing was written.
    if (error instanceof StageChangedMeanwhile) return "stage-changed" as const;
    throw error;
  });
  if (saved === "stage-changed") {
    return refused("stale-version", "A stage of this person's pathway changed while the correction was being saved. Nothing was saved: try again.");
  }
  if (!saved) {
    // Another correction committed between the read and the write.
    const current = await db.person.findUniqueOrThrow({ where: { id: person.id }, select });
    return stale(current);
  }
  await publishChangesAfterCommit(db, [person.id]);
  return ok({ personId: person.id, changed: changes.map(({ field }) => field.key) });
}
