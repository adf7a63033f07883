import "server-only";
import { personDisplayName } from "@/domain/person-name";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { visiblePeople } from "../access/visibility";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { ACCOMMODATION_STAGE_KEY, mayRecordAccommodation, placementFor } from "./placement";

/**
 * What the accommodation page needs: who arranges the accommodation, whether this user may record
 * the address, and the current placement (its address only for the provider and police).
 */
export async function getAccommodation(db: Db, actor: Actor, personId: string) {
  await requirePermission(db, actor, "person.view", { entity: "Person", entityId: personId });
  const person = await db.person.findFirst({
    where: { AND: [{ id: personId }, visiblePeople(actor)] },
    select: {
      id: true,
      caseReference: true,
      identity: { select: { name: true, description: true } },
      stages: {
        where: { templateStage: { key: ACCOMMODATION_STAGE_KEY } },
        select: { ownerAgencyId: true, ownerAgency: { select: { name: true } } },
      },
    },
  });
  if (!person) {
    await recordAudit(db, actor, { action: "person.view", entity: "Person", entityId: personId, outcome: "denied" });
    throw new NotFoundError("Person");
  }
  await recordAudit(db, actor, { action: "person.view", entity: "Person", entityId: person.id });
  const stage = person.stages[0] ?? null;
  return {
    id: person.id,
    caseReference: person.caseReference,
    displayName: personDisplayName(person.identity),
    arrangedByAgencyName: stage?.ownerAgency.name ?? null,
    canRecord: mayRecordAccommodation(actor, stage),
    placement: await placementFor(db, actor, person.id),
  };
}
