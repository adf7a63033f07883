import { formatLondonDateTime } from "@/domain/time/london";

import type { TimelineEntryView, TimelineKind } from "@/domain/pathway/timeline-entry";

const HEADINGS: Record<TimelineKind, (stage: string) => string> = {
  RESCUE_LOGGED: () => "Rescue logged",
  STAGE_STARTED: (stage) => `${stage} started`,
  STAGE_COMPLETED: (stage) => `${stage} done`,
  STAGE_NOT_NEEDED: (stage) => `${stage} marked not needed`,
  STAGE_DECLINED: (stage) => `${stage} declined by the person`,
  STAGE_PAUSED: (stage) => `${stage} paused`,
  STAGE_RESUMED: (stage) => `${stage} resumed`,
  NOTE_ADDED: () => "Note added",
  STAGE_ASSIGNED: (stage) => `${stage}: who is doing it`,
  STAGE_REFERRED: (stage) => `${stage} referred to another agency`,
  REFERRAL_ACCEPTED: (stage) => `${stage}: referral accepted`,
  REFERRAL_DECLINED: (stage) => `${stage}: referral declined`,
  REFERRAL_WITHDRAWN: (stage) => `${stage}: referral withdrawn`,
  // The address itself is never in the timeline: only the provider and police read it, on the person's page.
  ACCOMMODATION_RECORDED: () => "Accommodation address recorded",
  STAGE_MOVED: (stage) => `${stage} moved to another agency`,
  CONSENT_RECORDED: () => "Consent decision recorded",
  CONSENT_WITHDRAWN: () => "Consent withdrawn",
  LAWFUL_BASIS_RECORDED: () => "Sharing without consent: lawful basis recorded",
  NRM_REFERRAL_SUBMITTED: () => "NRM referral submitted",
  NRM_DECISION_RECORDED: () => "NRM decision recorded",
  NRM_RECONSIDERATION_REQUESTED: () => "NRM reconsideration requested",
  DUTY_TO_NOTIFY_SENT: () => "Duty to Notify sent (no identifying details)",
};

// Said in words, not only by colour, on every note not shared with every agency.
const RESTRICTED: Partial<Record<TimelineEntryView["sensitivity"], string>> = {
  POLICE: "Police only",
  HEALTH: "Health only",
};

/** MoJ timeline: newest first, who and when on every entry. */
export function Timeline({ entries }: { entries: TimelineEntryView[] }) {
  if (entries.length === 0) return <p>Nothing has been recorded yet.</p>;
  return (
    <ol className="border-l-4 border-brand pl-5" data-testid="timeline">
      {entries.map((entry) => (
        <li key={entry.id} className="relative mb-6 before:absolute before:top-2 before:-left-[1.85rem] before:size-3.5 before:rounded-full before:border-4 before:border-brand before:bg-white">
          <h3 className="text-lg font-bold">
            {HEADINGS[entry.kind](entry.stageTitle ?? "Stage")}
            {RESTRICTED[entry.sensitivity] && (
              <strong className="ml-2 inline-block border-2 border-ink px-1.5 text-base align-middle" data-testid="note-sensitivity">
                {RESTRICTED[entry.sensitivity]}
              </strong>
            )}
          </h3>
          <p className="text-muted">
            by {entry.actorName}, {entry.actorAgencyName}
          </p>
          <p className="text-muted">
            <time dateTime={entry.occurredAt.toISOString()}>{formatLondonDateTime(entry.occurredAt)}</time>
          </p>
          {entry.text && <p className="mt-1 whitespace-pre-line">{entry.text}</p>}
        </li>
      ))}
    </ol>
  );
}
