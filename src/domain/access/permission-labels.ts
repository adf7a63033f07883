import type { Role } from "../types";
import { PERMISSIONS, ROLE_PERMISSIONS, type Permission } from "./permissions";

/**
 * Each permission in plain words, as an administrator reads them before changing someone's role.
 * Written as what the person may do, so "gains" and "loses" lists read as sentences.
 */
export const PERMISSION_LABELS: Record<Permission, string> = {
  "rescue.log": "Log a rescue and the people found",
  "person.list": "See the list of people their agency works with",
  "person.view": "Open the full record of a person their agency works with",
  "stage.update": "Start, pause and complete stages their agency owns",
  "stage.claim": "Claim a stage from their agency's queue",
  "stage.assign": "Assign and reassign their agency's stages to colleagues",
  "stage.refer": "Refer a stage to another agency",
  "referral.answer": "Accept or decline a stage referred to their agency",
  "queue.view": "See their agency's queue of stages",
  "team.view": "See their team's workload",
  "note.add": "Add notes to a person's record",
  "accommodation.record": "Record where a person is staying",
  "person.correct": "Correct and add a person's details",
  "person.assess_age": "Record an age assessment, which changes the person's pathway",
  "person.link_dependant": "Link a child to the parent they came with",
  "person.safety_flags": "Set how to contact a person safely and the risks to them",
  "consent.record": "Record a person's consent, its withdrawal and any lawful basis for sharing without it (police and councils)",
  "nrm.record": "Record an NRM referral and the Home Office's decisions (police, councils and the Salvation Army)",
  "duty_to_notify.record": "Record a Duty to Notify, with no identifying details (police and councils)",
  "person.access_log": "See who has seen a person's record",
  "case.view_pseudonymised": "See every case in the partnership, without names",
  "case.break_glass": "Open a person's identity with a recorded reason (break-glass)",
  "notification.read": "Receive notices about overdue stages and referrals",
  "dashboard.view": "See the PCC dashboard of counts",
  "audit.view": "Search the audit log",
  "break_glass.review": "Review break-glass accesses",
  "admin.manage": "Change the partnership's settings",
  "user.manage": "Create staff accounts, switch them off and reset their passwords",
  "contact.record": "Record a contact with a person their agency works with",
  "case.close": "Close a case, with a reason",
  "case.reopen": "Reopen a closed case, restarting its open work",
  "chronology.produce": "Print or download the chronology of a person their agency works with",
  "possible_match.review": "Check people flagged as possibly rescued before, and record whether they are the same person",
  "possible_match.undo": "Undo a decision on a possible earlier rescue, with a reason, so the pair is checked again",
};

export type PermissionChange = { gains: Permission[]; loses: Permission[]; keeps: Permission[] };

/** What moving someone from one role to another adds and takes away, in the catalogue's order. */
export function permissionChange(from: Role, to: Role): PermissionChange {
  const before = new Set(ROLE_PERMISSIONS[from]);
  const after = new Set(ROLE_PERMISSIONS[to]);
  return {
    gains: PERMISSIONS.filter((permission) => after.has(permission) && !before.has(permission)),
    loses: PERMISSIONS.filter((permission) => before.has(permission) && !after.has(permission)),
    keeps: PERMISSIONS.filter((permission) => before.has(permission) && after.has(permission)),
  };
}
