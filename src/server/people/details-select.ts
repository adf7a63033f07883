import "server-only";
import { correctableFields } from "@/domain/person/correction-fields";

/**
 * The columns of the details this reader may correct, from the one list of fields: what a reader may
 * not see (nationality, for health) is never selected, so it cannot reach their form.
 */
export function detailsSelect(reader: { minimalRecord: boolean }) {
  const fields = correctableFields(reader);
  const of = (store: "identity" | "person") => Object.fromEntries(fields.filter((field) => field.store === store).map((field) => [field.key, true]));
  return { id: true, caseReference: true, version: true, ...of("person"), identity: { select: { name: true, description: true, ...of("identity") } } } as {
    id: true;
    caseReference: true;
    version: true;
    identity: { select: { name: true; description: true } };
  };
}
