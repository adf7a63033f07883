import "server-only";
import type { AuditAction } from "../audit/record-audit";

/** Plain words for each audit action, for the audit page and "who has seen this person". */
const LABELS: Record<AuditAction, string> = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Sign-in failed",
  "auth.sign_in_throttled": "Sign-in refused: too many attempts",
  "auth.sign_in_busy": "Sign-in refused: service busy",
  "auth.sign_out": "Signed out",
  "rescue.log": "Logged a rescue",
  "rescue.view": "Viewed a rescue",
  "person.view": "Viewed the person's record",
  "person.list": "Viewed the list of people",
  "stage.change": "Changed a stage",
  "note.add": "Added a note",
  "queue.view": "Viewed the agency queue",
  "team.view": "Viewed the team",
  "stage.claim": "Claimed a stage",
  "stage.assign": "Assigned a stage",
  "referral.create": "Referred a stage",
  "referral.accept": "Accepted a referral",
  "referral.decline": "Declined a referral",
  "referral.withdraw": "Withdrew a referral",
  "accommodation.record": "Recorded accommodation",
  "accommodation.view": "Viewed accommodation",
  "notification.list": "Viewed notifications",
  "notification.read": "Read a notification",
  "case.list": "Viewed the pseudonymised case list",
  "case.view": "Viewed the pseudonymised case",
  "case.break_glass": "Opened identity (break-glass)",
  "break_glass.review": "Reviewed a break-glass access",
  "break_glass.list": "Viewed break-glass reviews",
  "audit.view": "Searched the audit log",
  "person.access_log": "Viewed who has seen this person",
  "export.csv": "Exported a CSV",
  "settings.update": "Changed escalation settings",
  "settings.suppression_update": "Changed the small-number threshold",
  "settings.idle_timeout_update": "Changed the idle timeout",
  "dashboard.view": "Viewed the dashboard",
  "agency.view": "Viewed an agency",
  "agency.create": "Added an agency",
  "agency.rename": "Renamed an agency",
  "agency.hours_update": "Changed an agency's working hours",
  "agency.retire": "Retired an agency",
  "stage.move": "Moved a stage to another agency",
  "permission.denied": "Refused: role not allowed",
};

export function auditActionLabel(action: string): string {
  return (LABELS as Record<string, string>)[action] ?? action;
}
