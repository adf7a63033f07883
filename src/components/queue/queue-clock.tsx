import { CLOCK_TAGS, describeClock, type Clock, type ClockInput } from "@/domain/pathway/clock";
import { formatLondonDateTime } from "@/domain/time/london";
import { clockTagClassName } from "@/components/pathway/clock-tag";

/**
 * A queue row's clock as drawn on the server: tag and words, no colour alone. It carries what the
 * clock is read from, so the page's one `QueueClockTicker` keeps every row's clock counting without a
 * client component (and a timer) per row.
 */
export function QueueClock({ input, clock, atRiskPercent }: { input: ClockInput; clock: Clock; atRiskPercent: number }) {
  return (
    <span
      className="inline-flex flex-wrap items-center gap-x-2 gap-y-1"
      data-testid="stage-clock"
      data-queue-clock=""
      data-clock={clock.kind}
      data-state={input.state}
      data-t0={input.t0.getTime()}
      data-due={input.dueAt.getTime()}
      data-paused-at={input.pausedAt?.getTime() ?? ""}
      data-paused-ms={input.pausedMs}
      data-at-risk={atRiskPercent}
    >
      <strong className={clockTagClassName(clock.kind)} data-clock-tag="">
        {CLOCK_TAGS[clock.kind]}
      </strong>
      <span data-clock-words="">{describeClock(clock)}</span>
    </span>
  );
}

/** The due time as a London clock time ("10 Mar 2026, 13:15 GMT"); it moves later while the clock is paused. */
export function QueueDueTime({ clock }: { clock: Clock }) {
  return <span data-clock-due="">{"dueAt" in clock ? formatLondonDateTime(clock.dueAt) : ""}</span>;
}
