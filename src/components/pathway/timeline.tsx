import Link from "@/components/link";
import { formatLondonDateTime } from "@/domain/time/london";
import { describeTimelineEntry, formatSinceRescue, type TimelineTimeMode } from "@/domain/timeline/timeline-words";

import type { TimelineEntryView } from "@/domain/pathway/timeline-entry";

// Said in words, not only by colour, on every note not shared with every agency.
const RESTRICTED: Partial<Record<TimelineEntryView["sensitivity"], string>> = {
  POLICE: "Police only",
  HEALTH: "Health only",
};

/**
 * MoJ timeline: newest first, who and when on every entry, each said as a sentence. When is clock time,
 * or hours since the rescue ("T+3 h 10 min") with the clock time beside it; the switch is a plain link
 * (`?time=since-rescue`), so it works without JavaScript.
 */
export function Timeline({
  entries,
  rescueAt,
  timeMode = "clock",
  pagePath,
}: {
  entries: TimelineEntryView[];
  rescueAt: Date;
  timeMode?: TimelineTimeMode;
  /** The page the timeline is on, for the switch between clock time and time since rescue. */
  pagePath?: string;
}) {
  if (entries.length === 0) return <p>Nothing has been recorded yet.</p>;
  const sinceRescue = timeMode === "since-rescue";
  return (
    <>
      {pagePath && (
        <p className="mb-4" data-testid="timeline-time-switch">
          {sinceRescue ? (
            <>
              Showing time since rescue. <Link href={`${pagePath}#timeline`} className="font-bold">Show clock times</Link>
            </>
          ) : (
            <>
              Showing clock times. <Link href={`${pagePath}?time=since-rescue#timeline`} className="font-bold">Show time since rescue</Link>
            </>
          )}
        </p>
      )}
      <ol id="timeline" className="border-l-4 border-brand pl-5" data-testid="timeline">
        {entries.map((entry) => (
          <li key={entry.id} className="relative mb-6 before:absolute before:top-2 before:-left-[1.85rem] before:size-3.5 before:rounded-full before:border-4 before:border-brand before:bg-white">
            <h3 className="text-lg font-bold">
              {describeTimelineEntry(entry)}
              {RESTRICTED[entry.sensitivity] && (
                <strong className="ml-2 inline-block border-2 border-ink px-1.5 text-base align-middle" data-testid="note-sensitivity">
                  {RESTRICTED[entry.sensitivity]}
                </strong>
              )}
            </h3>
            <p className="text-muted">
              by {entry.actorName}, {entry.actorAgencyName}
            </p>
            <p className="text-muted" data-testid="timeline-when">
              {sinceRescue ? (
                <>
                  <strong className="text-ink">{formatSinceRescue(entry.occurredAt, rescueAt)}</strong> ·{" "}
                  <time dateTime={entry.occurredAt.toISOString()}>{formatLondonDateTime(entry.occurredAt)}</time>
                </>
              ) : (
                <time dateTime={entry.occurredAt.toISOString()}>{formatLondonDateTime(entry.occurredAt)}</time>
              )}
            </p>
            {entry.text && <p className="mt-1 whitespace-pre-line">{entry.text}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}
