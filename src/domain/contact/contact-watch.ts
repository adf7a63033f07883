import { formatDuration, MS } from "../time/duration";

/** How a contact happened (values match the database enum ContactMethod). */
export const CONTACT_METHODS = ["IN_PERSON", "PHONE", "VIDEO", "MESSAGE", "OTHER"] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export const CONTACT_METHOD_LABELS: Record<ContactMethod, string> = {
  IN_PERSON: "In person",
  PHONE: "Phone call",
  VIDEO: "Video call",
  MESSAGE: "Message (text, app or email)",
  OTHER: "Another way",
};

/** Made: the person was reached. Attempted: tried and not reached, which does not end a gap. */
export const CONTACT_OUTCOMES = ["MADE", "ATTEMPTED"] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export const CONTACT_OUTCOME_LABELS: Record<ContactOutcome, string> = {
  MADE: "Contact made",
  ATTEMPTED: "Tried, but did not reach them",
};

export const DEFAULT_CONTACT_GAP_HOURS = 48;
export const MIN_CONTACT_GAP_HOURS = 4;
export const MAX_CONTACT_GAP_HOURS = 720;
/** How far back a contact may be recorded, and the clock skew allowed ahead of now. */
export const OLDEST_CONTACT_DAYS = 30;
export const CONTACT_CLOCK_SKEW_MINUTES = 5;

/**
 * When the current gap in contact began: the latest of the rescue, the last contact made and the last
 * reopening of the case. An attempt that did not reach the person does not end a gap.
 */
export function contactGapStart(rescueAt: Date, lastContactMadeAt: Date | null, reopenedAt: Date | null): Date {
  return new Date(Math.max(rescueAt.getTime(), lastContactMadeAt?.getTime() ?? -Infinity, reopenedAt?.getTime() ?? -Infinity));
}

/** Has the gap lasted the partnership's limit at `now`? */
export function contactGapReached(gapStart: Date, now: Date, gapHours: number): boolean {
  return now.getTime() - gapStart.getTime() >= gapHours * MS.HOUR;
}

/** "No contact for 2 d 3 h", said in words, not only by colour. */
export function noContactWords(gapStart: Date, now: Date): string {
  return `No contact for ${formatDuration(now.getTime() - gapStart.getTime())}`;
}

/** Why a contact cannot be recorded at this time, or null. Without `rescueAt`, the checks that need only the time. */
export function contactTimeProblem(occurredAt: Date, now: Date, rescueAt?: Date): string | null {
  if (occurredAt.getTime() > now.getTime() + CONTACT_CLOCK_SKEW_MINUTES * MS.MINUTE) return "The time of the contact must be now or in the past";
  if (occurredAt.getTime() < now.getTime() - OLDEST_CONTACT_DAYS * MS.DAY) return `The time of the contact must be within the last ${OLDEST_CONTACT_DAYS} days`;
  if (rescueAt && occurredAt.getTime() < rescueAt.getTime()) return "The time of the contact must be after the rescue";
  return null;
}

/** A contact as the timeline and chronology say it: "Contact made: phone call, with an interpreter". */
export function describeContact(contact: { method: ContactMethod; outcome: ContactOutcome; interpreterUsed: boolean }): string {
  const how = CONTACT_METHOD_LABELS[contact.method].toLowerCase();
  const outcome = contact.outcome === "MADE" ? "Contact made" : "Contact tried, not reached";
  return `${outcome}: ${how}${contact.interpreterUsed ? ", with an independent interpreter" : ""}`;
}
