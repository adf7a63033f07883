/** Who may read a note (values match the database enum NoteSensitivity). */
export type NoteSensitivity = "GENERAL" | "HEALTH" | "POLICE";

/** What happened (values match the database enum TimelineKind). */
export type TimelineKind =
  | "RESCUE_LOGGED"
  | "STAGE_STARTED"
  | "STAGE_COMPLETED"
  | "STAGE_NOT_NEEDED"
  | "STAGE_DECLINED"
  | "STAGE_PAUSED"
  | "STAGE_RESUMED"
  | "NOTE_ADDED"
  | "STAGE_ASSIGNED"
  | "STAGE_REFERRED"
  | "REFERRAL_ACCEPTED"
  | "REFERRAL_DECLINED"
  | "REFERRAL_WITHDRAWN"
  | "ACCOMMODATION_RECORDED"
  | "STAGE_MOVED"
  | "DETAILS_CORRECTED"
  | "AGE_ASSESSED"
  | "DEPENDANT_LINKED"
  | "DEPENDANT_UNLINKED"
  | "SAFETY_FLAGS_CHANGED"
  | "CONTACT_RECORDED"
  | "CASE_CLOSED"
  | "CASE_REOPENED"
  | "CONSENT_RECORDED"
  | "CONSENT_WITHDRAWN"
  | "LAWFUL_BASIS_RECORDED"
  | "NRM_REFERRAL_SUBMITTED"
  | "NRM_DECISION_RECORDED"
  | "NRM_RECONSIDERATION_REQUESTED"
  | "DUTY_TO_NOTIFY_SENT"
  | "EARLIER_RESCUE_CONFIRMED"
  | "EARLIER_RESCUE_WITHDRAWN";

/** One entry of a person's timeline as the pathway page shows it (newest first, with who and when). */
export type TimelineEntryView = {
  id: string;
  kind: TimelineKind;
  stageTitle: string | null;
  text: string | null;
  sensitivity: NoteSensitivity;
  actorName: string;
  actorAgencyName: string;
  occurredAt: Date;
};
