import { CLOCK_TAGS, describeClock, type Clock, type ClockInput } from "@/domain/pathway/clock";
import { formatLondonDateTime } from "@/domain/time/london";
import { clockTagClassName } from "@/components/pathway/clock-tag";

/**
 * A queue row's clock as the page was made: what it is read from (the browser keeps reading it) and
 * its words then. The words are worked out once, on the server: the rows are a client component, and
 * neither the server's HTML pass nor the browser's hydration formats a date or describes a clock again.
 */
export type QueueClockView = {
  kind: Clock["kind"];
  state: ClockInput["state"];
  t0: number;
  due: number;
  pausedAt: number | null;
  pausedMs: number;
  atRiskPercent: number;
  words: string;
  /** The due time as a London clock time ("10 Mar 2026, 13:15 GMT"); it moves later while the clock is paused. */
  dueText: string;
};

export function queueClockView(input: ClockInput, clock: Clock, atRiskPercent: number): QueueClockView {
  return {
    kind: clock.kind,
    state: input.state,
    t0: input.t0.getTime(),
    due: input.dueAt.getTime(),
    pausedAt: input.pausedAt?.getTime() ?? null,
    pausedMs: input.pausedMs,
    atRiskPercent,
    words: describeClock(clock),
    dueText: "dueAt" in clock ? formatLondonDateTime(clock.dueAt) : "",
  };
}

/**
 * A queue row's clock: tag and words, no colour alone. It carries what the clock is read from, so the
 * page's one `QueueClockTicker` keeps every row's clock counting without a client component (and a
 * timer) per row.
 */
export function QueueClock({ clock }: { clock: QueueClockView }) {
  return (
    <span
      className="inline-flex flex-wrap items-center gap-x-2 gap-y-1"
      data-testid="stage-clock"
      data-queue-clock=""
      data-clock={clock.kind}
      data-state={clock.state}
      data-t0={clock.t0}
      data-due={clock.due}
      data-paused-at={clock.pausedAt ?? ""}
      data-paused-ms={clock.pausedMs}
      data-at-risk={clock.atRiskPercent}
    >
      <strong className={clockTagClassName(clock.kind)} data-clock-tag="">
        {CLOCK_TAGS[clock.kind]}
      </strong>
      <span data-clock-words="">{clock.words}</span>
    </span>
  );
}

/** The due time, where the ticker rewrites it. */
export function QueueDueTime({ clock }: { clock: QueueClockView }) {
  return <span data-clock-due="">{clock.dueText}</span>;
}
