import { CLOCK_TAGS, type Clock } from "@/domain/pathway/clock";

const COLOURS: Record<Clock["kind"], string> = {
  due: "bg-[#bfe3e0] text-[#10403c]",
  at_risk: "bg-[#fcd6c3] text-[#6e3619]",
  overdue: "bg-[#f4cdc6] text-[#2a0b06]",
  paused: "bg-[#e5e6e7] text-[#0b0c0c]",
  done: "bg-[#cce2d8] text-[#005a30]",
  closed: "bg-[#e5e6e7] text-[#0b0c0c]",
};

/** The tag's classes for a clock kind (the queue's one ticker redraws tags with them). */
export function clockTagClassName(kind: Clock["kind"]): string {
  return `inline-block px-2 py-0.5 text-base font-bold uppercase tracking-wide ${COLOURS[kind]}`;
}

/** A status tag whose words carry the meaning; the colour only repeats it. */
export function ClockTag({ clock }: { clock: Clock }) {
  return (
    <strong className={clockTagClassName(clock.kind)}>
      {CLOCK_TAGS[clock.kind]}
    </strong>
  );
}
