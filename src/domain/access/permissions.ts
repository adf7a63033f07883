import type { Role } from "../types";

/**
 * What each role may do, as `resource.action`. Which records a user may do it to is a separate
 * question, answered by the visibility rule in src/server/access. Deny by default: a permission not
 * listed for a role is refused.
 */
export const PERMISSIONS = [
  "rescue.log",
  "person.list",
  "person.view",
  "stage.update",
  "note.add",
  "dashboard.view",
  "admin.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const CASEWORK: Permission[] = ["rescue.log", "person.list", "person.view", "stage.update", "note.add"];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  CASEWORKER: CASEWORK,
  AGENCY_LEAD: CASEWORK,
  // Pseudonymised case views and break-glass arrive with the coordinator's own screens.
  COORDINATOR: ["dashboard.view"],
  PCC_OFFICE: ["dashboard.view"],
  ADMINISTRATOR: ["admin.manage"],
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Only the agency that owns a stage changes it; every other agency sees it. */
export function mayChangeStage(actor: { role: Role; agencyId: string }, stage: { ownerAgencyId: string }): boolean {
  return roleHasPermission(actor.role, "stage.update") && actor.agencyId === stage.ownerAgencyId;
}
