import "server-only";
import { agencyDisplayName } from "@/domain/agencies/agency-details";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { seesMinimalRecord, visiblePeople, visibleRescues } from "../access/visibility";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { personDisplayName } from "@/domain/person-name";

/**
 * A rescue and the people in it that this user may see. Health's minimal view leaves out where the
 * rescue happened and the operation: those columns are not read for them.
 */
export async function getRescue(db: Db, actor: Actor, rescueId: string) {
  await requirePermission(db, actor, "person.list", { entity: "Rescue", entityId: rescueId });
  const minimal = seesMinimalRecord(actor);
  const rescue = await db.rescue.findFirst({
    where: { AND: [{ id: rescueId }, visibleRescues(actor)] },
    // The record key is the dashboard's alone (docs/decisions/0018).
    omit: { place: minimal, operationReference: minimal, cellKey: true },
    include: {
      loggedBy: { select: { name: true } },
      loggedByAgency: { select: { name: true, retiredAt: true } },
      people: {
        where: visiblePeople(actor),
        // The record key is the dashboard's alone (docs/decisions/0018).
        omit: { cellKey: true },
        include: { identity: { select: { name: true, description: true } }, _count: { select: { stages: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!rescue) throw new NotFoundError("Rescue");
  await recordAudit(db, actor, { action: "rescue.view", entity: "Rescue", entityId: rescue.id });
  return {
    id: rescue.id,
    reference: rescue.reference,
    operationReference: "operationReference" in rescue ? rescue.operationReference : null,
    occurredAt: rescue.occurredAt,
    place: "place" in rescue ? rescue.place : null,
    loggedByName: rescue.loggedBy.name,
    loggedByAgencyName: agencyDisplayName(rescue.loggedByAgency),
    people: rescue.people.map((person) => ({
      id: person.id,
      caseReference: person.caseReference,
      displayName: personDisplayName(person.identity),
      ageGroup: person.ageGroup,
      stageCount: person._count.stages,
    })),
  };
}
