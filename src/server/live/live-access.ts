import "server-only";
import { roleHasPermission, type Permission } from "@/domain/access/permissions";
import type { Actor } from "../access/actor";
import { pseudonymisedCases, visiblePeople } from "../access/visibility";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { ForbiddenError } from "../errors";

/** Roles with a view that lists people or cases: only they have anything to keep up to date. */
const LIVE_PERMISSIONS: readonly Permission[] = ["person.list", "case.view_pseudonymised"];

export function mayFollowChanges(actor: Actor): boolean {
  return LIVE_PERMISSIONS.some((permission) => roleHasPermission(actor.role, permission));
}

/** Refuses (and audits) a role with no person or case view, like requirePermission does. */
export async function requireLiveAccess(db: Db, actor: Actor): Promise<void> {
  if (mayFollowChanges(actor)) return;
  await recordAudit(db, actor, { action: "permission.denied", entity: "LiveUpdates", outcome: "denied" });
  throw new ForbiddenError(`role ${actor.role} lacks ${LIVE_PERMISSIONS.join(" and ")}`);
}

/**
 * Whether this user may hear that a person changed: the person is in their full view (caseworkers,
 * leads) or their pseudonymised view (the coordinator). Each filter is empty for the other roles.
 */
export async function mayHearAbout(db: Db, actor: Actor, personId: string): Promise<boolean> {
  const count = await db.person.count({
    where: { AND: [{ id: personId }, { OR: [visiblePeople(actor), pseudonymisedCases(actor)] }] },
  });
  return count > 0;
}
