"use client";

import { useEffect, useState } from "react";
import { describeClock, readClock } from "@/domain/pathway/clock";
import { formatLondonDateTime } from "@/domain/time/london";
import { ClockTag } from "./clock-tag";
import { deserializeClock, type SerializedClock } from "./serialized-clock";

const TICK_MS = 30_000;

/**
 * A stage's clock that keeps counting in the browser. The first render uses the server's time so
 * server and browser agree; after that it ticks every 30 seconds.
 */
export function LiveClock({
  clock,
  atRiskPercent,
  renderedAt,
  showDue = false,
  target,
}: {
  clock: SerializedClock;
  atRiskPercent: number;
  renderedAt: number;
  showDue?: boolean;
  /** The stage's target as people say it ("4 working hours"), so the unit the clock counts is plain. */
  target?: string;
}) {
  const [now, setNow] = useState(renderedAt);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    // Catch up at once if the page was served a while ago (from the back/forward cache, say).
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, TICK_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);

  const reading = readClock(deserializeClock(clock), new Date(now), atRiskPercent);
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1" data-testid="stage-clock" data-clock={reading.kind}>
      <ClockTag clock={reading} />
      <span>{describeClock(reading)}</span>
      {showDue && "dueAt" in reading && (
        <span className="text-muted">(due {formatLondonDateTime(reading.dueAt)})</span>
      )}
      {target && (
        <span className="text-muted" data-testid="stage-target">
          Target: {target}
        </span>
      )}
    </span>
  );
}
