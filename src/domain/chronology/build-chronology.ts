import { describeClock, readClock, type ClockInput } from "../pathway/clock";
import type { NoteSensitivity, TimelineEntryView } from "../pathway/timeline-entry";
import { formatLondonDateTime } from "../time/london";
import { describeTimelineEntry, formatSinceRescue } from "../timeline/timeline-words";

/** What a chronology is made from: only what the reader's own person page already read for them. */
export type ChronologyInput = {
  caseReference: string;
  displayName: string;
  summary: { key: string; value: string }[];
  rescue: { reference: string; occurredAt: Date; place: string | null; loggedByAgencyName: string };
  atRiskPercent: number;
  stages: { title: string; ownerAgencyName: string; target: string; clock: ClockInput; closingReason: string | null; decision: string | null }[];
  timeline: TimelineEntryView[];
  /** The current placement; `address` only when the reader may read it. */
  accommodation: { providerAgencyName: string; address: string | null; recordedAt: Date } | null;
  producedBy: { name: string; agencyName: string };
  producedAt: Date;
};

export type ChronologyEntry = {
  id: string;
  when: string;
  sinceRescue: string;
  sentence: string;
  by: string;
  detail: string | null;
  /** "Police only" or "Health only": said in words on every restricted entry. */
  restricted: string | null;
};

export type ChronologyDocument = {
  title: string;
  subject: string;
  produced: string;
  caveat: string;
  summary: { key: string; value: string }[];
  stages: { title: string; owner: string; target: string; due: string; outcome: string }[];
  entries: ChronologyEntry[];
};

const caseFirst = (entry: TimelineEntryView) => (entry.kind === "CASE_CLOSED" || entry.kind === "CASE_REOPENED" ? 0 : 1);

const RESTRICTED: Partial<Record<NoteSensitivity, string>> = { POLICE: "Police only", HEALTH: "Health only" };

/**
 * A person's chronology for a case review (Safeguarding Adults Review, child practice review): the
 * rescue, each stage against its target, and every timeline entry the reader may read, oldest first,
 * each with its clock time and time since rescue, in the timeline's own words. Pure: the caller has
 * already read everything through the visibility rules, so nothing here can add what the reader may
 * not see.
 */
export function buildChronology(input: ChronologyInput): ChronologyDocument {
  const t0 = input.rescue.occurredAt;
  const accommodation = input.accommodation
    ? [
        {
          key: "Accommodation",
          value: input.accommodation.address
            ? `${input.accommodation.address} (arranged by ${input.accommodation.providerAgencyName}; only they and police may read this address)`
            : `Arranged by ${input.accommodation.providerAgencyName}; the address is not shown to your agency`,
        },
      ]
    : [];
  return {
    title: `Chronology: ${input.caseReference}`,
    subject: input.displayName,
    produced: `Produced by ${input.producedBy.name}, ${input.producedBy.agencyName}, on ${formatLondonDateTime(input.producedAt)}`,
    caveat:
      "Shows only what the producer's agency may see about this person. Keep it with the case review papers; do not copy it further.",
    summary: [
      { key: "Rescue", value: `${formatLondonDateTime(t0)}${input.rescue.place ? ` in ${input.rescue.place}` : ""}, ${input.rescue.reference}, logged by ${input.rescue.loggedByAgencyName}` },
      ...input.summary,
      ...accommodation,
    ],
    stages: input.stages.map((stage) => {
      const clock = readClock(stage.clock, input.producedAt, input.atRiskPercent);
      const extra = [stage.decision, stage.closingReason ? `Reason: ${stage.closingReason}` : null].filter(Boolean).join(". ");
      return {
        title: stage.title,
        owner: stage.ownerAgencyName,
        target: stage.target,
        due: formatLondonDateTime(new Date(stage.clock.dueAt.getTime() + stage.clock.pausedMs)),
        outcome: extra ? `${describeClock(clock)}. ${extra}` : describeClock(clock),
      };
    }),
    entries: [...input.timeline]
      // Written in one moment (a closing and the stages it ended): the case's own entry first.
      .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || caseFirst(a) - caseFirst(b) || a.id.localeCompare(b.id))
      .map((entry) => ({
        id: entry.id,
        when: formatLondonDateTime(entry.occurredAt),
        sinceRescue: formatSinceRescue(entry.occurredAt, t0),
        sentence: describeTimelineEntry(entry),
        by: `${entry.actorName}, ${entry.actorAgencyName}`,
        detail: entry.text,
        restricted: RESTRICTED[entry.sensitivity] ?? null,
      })),
  };
}
