import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { ACTIVE_AGENCY_WHERE } from "../agencies/agency-filters";
import type { Db } from "../db/create-client";

/** Agencies that do casework, and so can receive a stage. */
export const REFERRAL_AGENCY_KINDS = ["POLICE", "COUNCIL_SAFEGUARDING", "HEALTH", "SALVATION_ARMY", "VCAS", "CHARITY"] as const;

/** The agencies this actor's agency may refer a stage to: active casework agencies of the partnership but itself. */
export async function listReferralTargets(db: Db, actor: Actor) {
  return db.agency.findMany(referralTargetsQuery(actor));
}

/** The same, as a relation read inside another statement (the stage page reads them with the stage). */
export function referralTargetsQuery(actor: Actor) {
  return {
    where: { partnershipId: actor.partnershipId, id: { not: actor.agencyId }, kind: { in: [...REFERRAL_AGENCY_KINDS] }, ...ACTIVE_AGENCY_WHERE },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  } satisfies Prisma.AgencyFindManyArgs;
}
