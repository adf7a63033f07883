import "server-only";
import { z } from "zod";
import { wholeNumber } from "@/domain/input/whole-number";
import { changedSinceShown, planCorrection, type CorrectionChange, type StoredDetails } from "@/domain/person/correction-fields";
import { invalid, ok, refused, type Result } from "@/domain/result";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { seesMinimalRecord } from "../access/visibility";
import { idFromInput, recordAudit, type AuditChanges } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { publishChangesAfterCommit } from "../live/publish";
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
 */
export async function correctPersonDetails(db: Db, actor: Actor, rawInput: unknown): Promise<Result<{ personId: string; changed: string[] }>> {
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
      occurredAt: new Date(),
    });
    await recordAudit(tx, actor, { action: "person.correct", entity: "Person", entityId: person.id, changes: auditChanges(changes) });
    // A name, date of birth or nationality learnt later can match someone already known: flagged for the
    // coordinator only, exactly as when the rescue was logged (docs/decisions/0027).
    if (changes.some(({ field }) => MATCHED_FIELDS.has(field.key))) await flagPossibleMatches(tx, [person.id], new Date());
    return true;
  });
  if (!saved) {
    // Another correction committed between the read and the write.
    const current = await db.person.findUniqueOrThrow({ where: { id: person.id }, select });
    return stale(current);
  }
  await publishChangesAfterCommit(db, [person.id]);
  return ok({ personId: person.id, changed: changes.map(({ field }) => field.key) });
}
