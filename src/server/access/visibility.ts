import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "./actor";

const NOBODY: Prisma.PersonWhereInput = { id: { in: [] } };

/**
 * The one rule for which people a user may see, as a Prisma filter. Deny by default: a caseworker
 * or lead sees people their agency logged or whose pathway has a stage their agency owns; every
 * other role sees no person record.
 */
export function visiblePeople(actor: Actor): Prisma.PersonWhereInput {
  if (actor.role !== "CASEWORKER" && actor.role !== "AGENCY_LEAD") return NOBODY;
  return {
    rescue: { partnershipId: actor.partnershipId },
    OR: [{ rescue: { loggedByAgencyId: actor.agencyId } }, { stages: { some: { ownerAgencyId: actor.agencyId } } }],
  };
}

export function visibleRescues(actor: Actor): Prisma.RescueWhereInput {
  if (actor.role !== "CASEWORKER" && actor.role !== "AGENCY_LEAD") return { id: { in: [] } };
  return {
    partnershipId: actor.partnershipId,
    OR: [{ loggedByAgencyId: actor.agencyId }, { people: { some: visiblePeople(actor) } }],
  };
}
