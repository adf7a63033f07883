import type { ClockInput } from "@/domain/pathway/clock";
import { LiveClock } from "./live-clock";
import { serializeClock } from "./serialized-clock";

/** A list row's most urgent open stage: its title, who owns it, its clock and how many more are open. */
export function NextStage({
  next,
  openStages,
  atRiskPercent,
  renderedAt,
}: {
  next: { title: string; ownerLabel: string; clock: ClockInput } | null;
  openStages: number;
  atRiskPercent: number;
  renderedAt: number;
}) {
  if (!next) return <p className="mt-2">All stages finished.</p>;
  return (
    <div className="mt-2">
      <p>
        <span className="font-bold">Next: {next.title}</span> <span className="text-muted">({next.ownerLabel})</span>
      </p>
      <LiveClock clock={serializeClock(next.clock)} atRiskPercent={atRiskPercent} renderedAt={renderedAt} />
      {openStages > 1 && <span className="ml-2 text-base text-muted">+{openStages - 1} more open</span>}
    </div>
  );
}
