import "server-only";
import { correctableFields, currentValue, type CorrectionControl, type FormValue } from "@/domain/person/correction-fields";
import { personDisplayName } from "@/domain/person-name";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { seesMinimalRecord } from "../access/visibility";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { detailsSelect } from "./details-select";
import { loadVisiblePerson } from "./load-visible-person";

export type DetailField = { key: string; label: string; control: CorrectionControl; value: FormValue };
export type PersonDetailsForm = { personId: string; caseReference: string; displayName: string; version: number; fields: DetailField[] };

/**
 * The details form: the fields this user may correct (need-to-know: health gets its minimal record's
 * fields only), each with its value now and the person's version. Reading it is a view of the record.
 */
export async function getPersonDetails(db: Db, actor: Actor, personId: string): Promise<PersonDetailsForm> {
  await requirePermission(db, actor, "person.correct", { entity: "Person", entityId: personId });
  const reader = { minimalRecord: seesMinimalRecord(actor) };
  const person = await loadVisiblePerson(db, actor, personId, "person.view", detailsSelect(reader));
  await recordAudit(db, actor, { action: "person.view", entity: "Person", entityId: person.id });
  const stored = { identity: (person.identity ?? {}) as Record<string, unknown>, person: person as Record<string, unknown> };
  return {
    personId: person.id,
    caseReference: person.caseReference,
    displayName: personDisplayName(person.identity),
    version: person.version,
    fields: correctableFields(reader).map((field) => ({
      key: field.key,
      label: field.label,
      control: field.control,
      value: field.toForm(currentValue(field, stored)),
    })),
  };
}
