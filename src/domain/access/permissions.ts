import type { Role } from "../types";

/**
 * What each role may do, as `resource.action`. Which records a user may do it to is a separate
 * question, answered by the visibility rules in src/server/access. Deny by default: a permission not
 * listed for a role is refused.
 */
export const PERMISSIONS = [
  "rescue.log",
  "person.list",
  "person.view",
  "stage.update",
  "stage.claim",
  "stage.assign",
  "stage.refer",
  "referral.answer",
  "queue.view",
  "team.view",
  "note.add",
  "accommodation.record",
  "person.correct",
  "person.assess_age",
  "person.link_dependant",
  "person.safety_flags",
  "consent.record",
  "nrm.record",
  "duty_to_notify.record",
  "person.access_log",
  "case.view_pseudonymised",
  "case.break_glass",
  "notification.read",
  "dashboard.view",
  "audit.view",
  "break_glass.review",
  "admin.manage",
  "user.manage",
  "contact.record",
  "case.close",
  "case.reopen",
  "chronology.produce",
  "possible_match.review",
  "possible_match.undo",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const CASEWORK: Permission[] = [
  "rescue.log",
  "person.list",
  "person.view",
  "stage.update",
  "stage.claim",
  "stage.refer",
  "referral.answer",
  "queue.view",
  "note.add",
  "accommodation.record",
  "person.correct",
  "person.assess_age",
  "person.link_dependant",
  "person.safety_flags",
  "consent.record",
  "nrm.record",
  "duty_to_notify.record",
  "notification.read",
  "contact.record",
  "chronology.produce",
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  CASEWORKER: CASEWORK,
  AGENCY_LEAD: [...CASEWORK, "stage.assign", "team.view", "person.access_log", "case.close", "case.reopen"],
  COORDINATOR: [
    "case.view_pseudonymised",
    "case.break_glass",
    "notification.read",
    "dashboard.view",
    "case.close",
    "case.reopen",
    "possible_match.review",
    "possible_match.undo",
  ],
  PCC_OFFICE: ["notification.read", "dashboard.view"],
  ADMINISTRATOR: ["audit.view", "break_glass.review", "admin.manage", "user.manage"],
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
