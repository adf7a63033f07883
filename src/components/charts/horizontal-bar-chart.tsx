import { BarAxis, barMark, BarTrack, displayText, SuppressedSwatch, TargetSwatch } from "./bar-track";
import { ChartFigure, Key, KeyItem, type ChartFrameProps } from "./chart-figure";
import { valueAxis } from "./scale";

export interface HorizontalBarRow {
  label: string;
  /** The published figure; null when there is none. Ignored when `suppressed`. */
  value: number | null;
  /** Text at the bar's end, already formatted and suppressed by the caller: "72%", "[c]", "–". */
  display: string;
  suppressed?: boolean;
}

export interface HorizontalBarChartProps extends ChartFrameProps {
  /** Shown after each tick on the scale: "%" or "". */
  unit?: string;
  /** Where the scale ends; 100 for percentages. Without it the scale rounds up from the largest shown figure. */
  max?: number;
  /** A reference line across every bar, e.g. the share within target the partnership aims for. */
  target?: { value: number; label: string };
  rows: HorizontalBarRow[];
}

/**
 * One bar per row (a stage, an agency). The layout is HTML: labels wrap, and on a narrow screen each
 * label sits above its bar instead of squeezing it. A suppressed figure gets a fixed-size hatched stub
 * and its display text ("[c]") and never a length; an absent one gets no mark and its dash.
 */
export function HorizontalBarChart({ title, description, tableId, titleHidden, unit = "", max, target, rows }: HorizontalBarChartProps) {
  const shown = rows.filter((row) => !row.suppressed && row.value !== null && Number.isFinite(row.value)).map((row) => row.value as number);
  const axis = valueAxis(shown, max ?? (unit === "%" ? 100 : undefined));
  const gridFractions = axis.ticks.slice(1).map((tick) => tick / axis.max);
  const targetFraction = target ? Math.min(1, Math.max(0, target.value / axis.max)) : undefined;
  const anySuppressed = rows.some((row) => row.suppressed);

  return (
    <ChartFigure title={title} description={description} tableId={tableId} titleHidden={titleHidden} kind="horizontal-bar">
      <div aria-hidden="true" className="grid grid-cols-[1fr_auto] items-center gap-x-3 sm:grid-cols-[minmax(6rem,14rem)_1fr_auto]">
        {rows.map((row, index) => (
          <div key={`${index}-${row.label}`} className="contents" data-row={row.label}>
            <div className="col-span-2 mt-2 text-base leading-tight sm:col-span-1 sm:mt-0 sm:py-1">{row.label}</div>
            <BarTrack mark={barMark(row.value, row.suppressed, axis.max)} gridFractions={gridFractions} targetFraction={targetFraction} />
            <div className="min-w-14 text-right font-bold tabular-nums" data-display="">
              {displayText(row.display)}
            </div>
          </div>
        ))}
        <div className="hidden sm:block" />
        <BarAxis ticks={axis.ticks} max={axis.max} unit={unit} />
        <div />
      </div>
      {target || anySuppressed ? (
        <Key>
          {target ? <KeyItem swatch={<TargetSwatch />}>{target.label}</KeyItem> : null}
          {anySuppressed ? <KeyItem swatch={<SuppressedSwatch />}>Hatched: figure hidden to protect small numbers, not drawn to scale</KeyItem> : null}
        </Key>
      ) : null}
    </ChartFigure>
  );
}
