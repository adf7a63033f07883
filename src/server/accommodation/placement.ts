import "server-only";
import { roleHasPermission } from "@/domain/access/permissions";
import type { Actor } from "../access/actor";
import { mayReadAccommodation } from "../access/visibility";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";

// Its home is the list of stages code relies on, which the pathway editor checks.
export { ACCOMMODATION_STAGE_KEY } from "@/domain/pathway/stage-dependencies";

export type PlacementView = {
  providerAgencyName: string;
  recordedAt: Date;
  /** Only for the providing agency and police; null for everyone else. */
  address: string | null;
};

/** Only a caseworker or lead of the agency that owns the person's accommodation stage records the address. */
export function mayRecordAccommodation(actor: Actor, accommodationStage: { ownerAgencyId: string } | null): boolean {
  return (
    accommodationStage !== null &&
    roleHasPermission(actor.role, "accommodation.record") &&
    actor.agencyId === accommodationStage.ownerAgencyId
  );
}

/** Who provides the accommodation, never the address: safe to read with the person (the person's page does, in one statement). */
export const PLACEMENT_SUMMARY_SELECT = { providerAgencyId: true, recordedAt: true, providerAgency: { select: { name: true } } } as const;
export type PlacementSummary = { providerAgencyId: string; recordedAt: Date; providerAgency: { name: string } };

/**
 * The person's accommodation placement as this user may see it. Call only for a person already found
 * through `visiblePeople`. The address is read in a second query, made only when the rule allows it,
 * so for anyone else it never leaves the database; each time it is shown, that is audited (without it).
 * `preRead`: the summary (PLACEMENT_SUMMARY_SELECT) the caller already read with the person, or null for none.
 */
export async function placementFor(db: Db, actor: Actor, personId: string, preRead?: PlacementSummary | null): Promise<PlacementView | null> {
  const placement = preRead !== undefined ? preRead : await db.accommodationPlacement.findUnique({ where: { personId }, select: PLACEMENT_SUMMARY_SELECT });
  if (!placement) return null;
  const view: PlacementView = { providerAgencyName: placement.providerAgency.name, recordedAt: placement.recordedAt, address: null };
  if (!mayReadAccommodation(actor, placement)) return view;

  const { address } = await db.accommodationPlacement.findUniqueOrThrow({ where: { personId }, select: { address: true } });
  await recordAudit(db, actor, { action: "accommodation.view", entity: "Person", entityId: personId });
  return { ...view, address };
}
