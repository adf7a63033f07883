import { STUB_WIDTH, SuppressedStub } from "./hatch";
import { fractionOf, percent } from "./scale";

/** How one bar is drawn; every class is a literal so Tailwind finds it. */
export interface BarStyle {
  className: string;
  strokeWidth?: number;
}

/** What a bar shows: a length for a published figure, a fixed hatched stub for a suppressed one, nothing for an absent one. */
export type BarMark = { kind: "shown"; fraction: number } | { kind: "suppressed" } | { kind: "absent" };

export const PRIMARY_BAR: BarStyle = { className: "fill-link" };

const HEIGHT = 20;

/**
 * One bar across the full width of its cell. Widths are percentages of the SVG's own width, so the
 * bar stays true to scale at any screen width without a viewBox stretching the hatching.
 */
export function BarTrack({
  mark,
  style = PRIMARY_BAR,
  gridFractions = [],
  targetFraction,
  height = HEIGHT,
}: {
  mark: BarMark;
  style?: BarStyle;
  gridFractions?: number[];
  targetFraction?: number;
  height?: number;
}) {
  const inset = 2;
  return (
    <svg width="100%" height={height} aria-hidden="true" focusable="false" className="block overflow-visible">
      {gridFractions.map((fraction) => (
        <line key={fraction} x1={percent(fraction)} x2={percent(fraction)} y1={0} y2={height} className="stroke-line" strokeWidth={1} />
      ))}
      {mark.kind === "shown" ? (
        <rect
          data-bar=""
          x={0}
          y={inset}
          width={percent(mark.fraction)}
          height={height - inset * 2}
          className={style.className}
          strokeWidth={style.strokeWidth}
        />
      ) : null}
      {mark.kind === "suppressed" ? <SuppressedStub x={0} y={inset} width={STUB_WIDTH} height={height - inset * 2} /> : null}
      <line x1={0} x2={0} y1={0} y2={height} className="stroke-ink" strokeWidth={2} />
      {targetFraction !== undefined ? (
        <line
          data-target=""
          x1={percent(targetFraction)}
          x2={percent(targetFraction)}
          y1={-2}
          y2={height + 2}
          className="stroke-ink"
          strokeWidth={2}
          strokeDasharray="4 3"
        />
      ) : null}
    </svg>
  );
}

/**
 * The value scale under a column of bars: tick labels placed by percentage, ends kept inside the
 * column. SVG text rather than positioned spans: a `style` attribute would need 'unsafe-inline' in
 * the Content-Security-Policy.
 */
export function BarAxis({ ticks, max, unit }: { ticks: number[]; max: number; unit: string }) {
  return (
    <svg width="100%" height={24} focusable="false" className="block overflow-visible fill-current text-sm text-muted">
      {ticks.map((tick, index) => {
        const fraction = max > 0 ? tick / max : 0;
        const anchor = index === 0 ? "start" : index === ticks.length - 1 && fraction >= 0.99 ? "end" : "middle";
        return (
          <text key={tick} x={percent(fraction)} y={0} dominantBaseline="hanging" textAnchor={anchor}>
            {`${tick}${unit}`}
          </text>
        );
      })}
    </svg>
  );
}

/** Key swatch for a bar style. */
export function BarSwatch({ style }: { style: BarStyle }) {
  return (
    <svg width={24} height={16} focusable="false">
      <rect x={1} y={1} width={22} height={14} className={style.className} strokeWidth={style.strokeWidth} />
    </svg>
  );
}

export function SuppressedSwatch() {
  return (
    <svg width={24} height={16} focusable="false">
      <SuppressedStub x={1} y={1} width={22} height={14} />
    </svg>
  );
}

export function TargetSwatch() {
  return (
    <svg width={24} height={16} focusable="false">
      <line x1={12} x2={12} y1={0} y2={16} className="stroke-ink" strokeWidth={2} strokeDasharray="4 3" />
    </svg>
  );
}

/** Unshown text is never blank: an absent figure reads as a dash. */
export function displayText(display: string): string {
  return display.trim() === "" ? "—" : display;
}

/** A published figure, or a mark saying why there is none. `suppressed` wins over any value passed with it. */
export function barMark(value: number | null, suppressed: boolean | undefined, max: number): BarMark {
  if (suppressed) return { kind: "suppressed" };
  if (value === null || !Number.isFinite(value)) return { kind: "absent" };
  return { kind: "shown", fraction: fractionOf(value, max) };
}
