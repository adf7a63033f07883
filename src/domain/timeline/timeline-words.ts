import { formatDuration, MS } from "../time/duration";
import type { TimelineKind } from "../pathway/timeline-entry";

/** What the words of one timeline entry are built from: what happened, to which stage, by whom. */
export type TimelineWordsInput = {
  kind: TimelineKind;
  stageTitle: string | null;
  actorName: string;
  actorAgencyName: string;
};

/**
 * One timeline entry as a sentence ("Teesmoor Council Safeguarding accepted the referral for Emergency
 * accommodation"). The one home of these words: the person's page, the chronology and its PDF all ask
 * here. The switch is exhaustive, so a new TimelineKind without words fails the type check.
 */
export function describeTimelineEntry(entry: TimelineWordsInput): string {
  const agency = entry.actorAgencyName;
  const stage = entry.stageTitle ?? "a stage";
  switch (entry.kind) {
    case "RESCUE_LOGGED":
      return `${agency} logged the rescue`;
    case "STAGE_STARTED":
      return `${agency} started ${stage}`;
    case "STAGE_COMPLETED":
      return `${agency} completed ${stage}`;
    case "STAGE_NOT_NEEDED":
      return `${agency} marked ${stage} as not needed`;
    case "STAGE_DECLINED":
      return `${agency} recorded that the person declined ${stage}`;
    case "STAGE_PAUSED":
      return `${agency} paused ${stage}`;
    case "STAGE_RESUMED":
      return `${agency} resumed ${stage}`;
    case "NOTE_ADDED":
      return `${entry.actorName} of ${agency} added a note`;
    case "STAGE_ASSIGNED":
      return `${agency} changed who is working on ${stage}`;
    case "STAGE_REFERRED":
      return `${agency} referred ${stage} to another agency`;
    case "REFERRAL_ACCEPTED":
      return `${agency} accepted the referral for ${stage}`;
    case "REFERRAL_DECLINED":
      return `${agency} declined the referral for ${stage}`;
    case "REFERRAL_WITHDRAWN":
      return `${agency} withdrew the referral for ${stage}`;
    case "ACCOMMODATION_RECORDED":
      // The address itself is never in the timeline: only the provider and police read it, on the person's page.
      return `${agency} recorded the accommodation address`;
    case "STAGE_MOVED":
      return `${agency} moved ${stage} to another agency`;
    case "DETAILS_CORRECTED":
      // Which fields changed is the entry's text; their values are never timeline text.
      return `${entry.actorName} of ${agency} corrected the person's details`;
    case "AGE_ASSESSED":
      return `${agency} recorded an age assessment`;
    case "DEPENDANT_LINKED":
      return `${agency} linked the person as a child of the parent they came with`;
    case "DEPENDANT_UNLINKED":
      // On the child's timeline and the parent's; only the child's entry carries the reason.
      return `${agency} unlinked a child from the parent they were linked to`;
    case "SAFETY_FLAGS_CHANGED":
      // What the flags say is on the person's page only, never in the timeline.
      return `${entry.actorName} of ${agency} changed the safety flags`;
    case "CONTACT_RECORDED":
      return `${agency} recorded a contact with the person`;
    case "CASE_CLOSED":
      return `${agency} closed the case`;
    case "CASE_REOPENED":
      return `${agency} reopened the case`;
    case "CONSENT_RECORDED":
      return `${agency} recorded a consent decision`;
    case "CONSENT_WITHDRAWN":
      return `${agency} recorded that the person withdrew consent`;
    case "LAWFUL_BASIS_RECORDED":
      return `${agency} recorded a lawful basis for sharing without consent`;
    case "NRM_REFERRAL_SUBMITTED":
      return `${agency} recorded the NRM referral`;
    case "NRM_DECISION_RECORDED":
      return `${agency} recorded an NRM decision`;
    case "NRM_RECONSIDERATION_REQUESTED":
      return `${agency} recorded a request to reconsider an NRM decision`;
    case "DUTY_TO_NOTIFY_SENT":
      return `${agency} recorded a Duty to Notify sent to the Home Office, with no identifying details`;
    case "EARLIER_RESCUE_CONFIRMED":
      // Which earlier record is the coordinator's to know: the entry never names it (docs/decisions/0027).
      return `The partnership coordinator confirmed that this person was rescued before: consider the re-trafficking risk`;
    case "EARLIER_RESCUE_WITHDRAWN":
      // As unnamed as the confirmation it takes back.
      return `The partnership coordinator withdrew the confirmation that this person was rescued before: it is being checked again`;
    default:
      return unreachable(entry.kind);
  }
}

function unreachable(kind: never): never {
  throw new Error(`A timeline entry of kind ${String(kind)} has no words`);
}

/** How a timeline shows when: clock time (Europe/London) or hours since the rescue. */
export type TimelineTimeMode = "clock" | "since-rescue";

/** The query parameter value that asks for hours since rescue; anything else is clock time. */
export function timelineTimeMode(value: unknown): TimelineTimeMode {
  return value === "since-rescue" ? "since-rescue" : "clock";
}

/**
 * "T+3 h 10 min": time since the rescue (T0). Hours count on past a day for the first three days
 * (targets are in hours: "T+51 h 5 min"); after that, days and hours. Before T0: "T−20 min".
 */
export function formatSinceRescue(occurredAt: Date, rescueAt: Date): string {
  const ms = occurredAt.getTime() - rescueAt.getTime();
  const sign = ms < 0 ? "T−" : "T+";
  const abs = Math.abs(ms);
  if (abs < MS.MINUTE) return `${sign}0 min`;
  if (abs >= 3 * MS.DAY) return `${sign}${formatDuration(abs)}`;
  const totalMinutes = Math.floor(abs / MS.MINUTE);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return `${sign}${minutes} min`;
  return minutes === 0 ? `${sign}${hours} h` : `${sign}${hours} h ${minutes} min`;
}
