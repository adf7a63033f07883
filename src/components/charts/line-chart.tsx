import { SUPPRESSED_MARK } from "@/domain/statistics/published";
import { ChartFigure, Key, KeyItem, type ChartFrameProps } from "./chart-figure";
import { fractionOf, valueAxis, type Axis } from "./scale";

export interface LineSeries {
  name: string;
  /** One figure per x label; null where there is none (the line breaks there). */
  values: (number | null)[];
  /** True where the figure is hidden to protect small numbers; any value in the same place is ignored. */
  suppressed?: boolean[];
}

export interface LineChartProps extends ChartFrameProps {
  /** One label per point, e.g. "Jan 2026". "Mmm YYYY" labels print as month with the year under it where it changes. */
  xLabels: string[];
  series: LineSeries[];
  /** Where the scale ends (100 for percentages). Without it the scale rounds up from the largest shown figure. */
  yMax?: number;
  /** Shown after each tick: "%" or "". */
  yUnit?: string;
  /** How a hidden figure reads in the table beside the chart. */
  suppressedText?: string;
  /** "auto" draws up to three series on one chart and more as one small chart each, on a shared scale. */
  layout?: "auto" | "combined" | "small-multiples";
}

type MarkerShape = "circle" | "square" | "triangle" | "diamond" | "triangle-down";

interface SeriesStyle {
  stroke: string;
  fill: string;
  dash: string;
  marker: MarkerShape;
}

/**
 * Every series differs in dash pattern and marker shape as well as colour, so they stay apart in
 * greyscale print and without colour vision. Colours have at least 3:1 contrast with white.
 */
export const SERIES_STYLES: readonly SeriesStyle[] = [
  { stroke: "stroke-link", fill: "fill-link", dash: "none", marker: "circle" },
  { stroke: "stroke-ink", fill: "fill-ink", dash: "8 4", marker: "square" },
  { stroke: "stroke-link-visited", fill: "fill-link-visited", dash: "2 3", marker: "triangle" },
  { stroke: "stroke-success", fill: "fill-success", dash: "12 3 3 3", marker: "diamond" },
  { stroke: "stroke-muted", fill: "fill-muted", dash: "4 4", marker: "triangle-down" },
];

function seriesStyle(index: number): SeriesStyle {
  return SERIES_STYLES[index % SERIES_STYLES.length]!;
}

/** Above this many series one chart gets too busy to read at phone width, so "auto" draws small multiples. */
const MAX_COMBINED = 3;

// The drawing's own units. At 360 wide the 13-unit text stays about 13 px on a 390 px phone, and the
// SVG is capped at max-w-lg so it does not grow past body text size on a wide screen or A4.
const WIDTH = 360;
const FONT = 13;
const LEFT = 46;
const RIGHT = 10;
const TOP = 10;
const PLOT_HEIGHT = 150;
const STRIP = 22;
const MARKER = 4.5;

function Marker({ shape, x, y, hollow, style }: { shape: MarkerShape; x: number; y: number; hollow: boolean; style: SeriesStyle }) {
  const className = hollow ? `fill-white ${style.stroke}` : `${style.fill} ${style.stroke}`;
  const s = MARKER;
  const common = { className, strokeWidth: hollow ? 1.75 : 1, "data-marker": shape };
  switch (shape) {
    case "circle":
      return <circle cx={x} cy={y} r={s} {...common} />;
    case "square":
      return <rect x={x - s + 0.5} y={y - s + 0.5} width={2 * s - 1} height={2 * s - 1} {...common} />;
    case "triangle":
      return <path d={`M${x} ${y - s * 1.2}L${x + s * 1.1} ${y + s * 0.8}L${x - s * 1.1} ${y + s * 0.8}Z`} {...common} />;
    case "triangle-down":
      return <path d={`M${x} ${y + s * 1.2}L${x + s * 1.1} ${y - s * 0.8}L${x - s * 1.1} ${y - s * 0.8}Z`} {...common} />;
    case "diamond":
      return <path d={`M${x} ${y - s * 1.3}L${x + s * 1.3} ${y}L${x} ${y + s * 1.3}L${x - s * 1.3} ${y}Z`} {...common} />;
  }
}

type Point = { kind: "shown"; value: number } | { kind: "suppressed" } | { kind: "absent" };

function pointsOf(series: LineSeries, count: number): Point[] {
  return Array.from({ length: count }, (_, index) => {
    if (series.suppressed?.[index]) return { kind: "suppressed" };
    const value = series.values[index];
    return value === null || value === undefined || !Number.isFinite(value) ? { kind: "absent" } : { kind: "shown", value };
  });
}

/** Runs of consecutive shown points; an absent or suppressed point ends a run, so the line never bridges it. */
function segments(points: Point[]): number[][] {
  const runs: number[][] = [];
  let current: number[] = [];
  points.forEach((point, index) => {
    if (point.kind === "shown") {
      current.push(index);
    } else if (current.length > 0) {
      runs.push(current);
      current = [];
    }
  });
  if (current.length > 0) runs.push(current);
  return runs;
}

const MONTH_YEAR = /^([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{4})$/;

/** Which x labels to print, and as which lines, so they never overlap at this width. */
function xLabelLines(labels: string[], step: number): ({ top: string; bottom?: string } | null)[] {
  const parsed = labels.map((label) => MONTH_YEAR.exec(label));
  const allMonths = parsed.every((match) => match !== null);
  const needed = allMonths ? 32 : Math.max(...labels.map((label) => label.length)) * FONT * 0.55 + 8;
  const every = Math.max(1, Math.ceil(needed / step));
  let lastYear: string | undefined;
  return labels.map((label, index) => {
    if (index % every !== 0) return null;
    const match = parsed[index];
    if (!allMonths || !match) return { top: label };
    const year = match[2]!;
    const line = { top: match[1]!, bottom: year !== lastYear ? year : undefined };
    lastYear = year;
    return line;
  });
}

function Plot({
  xLabels,
  series,
  styles,
  axis,
  yUnit,
  suppressedText,
}: {
  xLabels: string[];
  series: LineSeries[];
  styles: SeriesStyle[];
  axis: Axis;
  yUnit: string;
  suppressedText: string;
}) {
  const count = xLabels.length;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const step = plotWidth / Math.max(1, count);
  const xAt = (index: number) => LEFT + (index + 0.5) * step;
  const axisY = TOP + PLOT_HEIGHT;
  const yAt = (value: number) => axisY - fractionOf(value, axis.max) * PLOT_HEIGHT;
  const allPoints = series.map((one) => pointsOf(one, count));
  const hasSuppressed = allPoints.some((points) => points.some((point) => point.kind === "suppressed"));
  const stripY = axisY + STRIP / 2 + 4;
  const labelsY = axisY + (hasSuppressed ? STRIP + 6 : 6) + FONT;
  const height = labelsY + FONT + 6;
  const labels = xLabelLines(xLabels, step);
  // Hidden markers for several series at one month sit side by side rather than on top of each other.
  const spread = Math.min(10, step / Math.max(1, series.length));

  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" focusable="false" aria-hidden="true" className="block h-auto max-w-lg overflow-visible">
      {axis.ticks.map((tick) => (
        <g key={tick}>
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={yAt(tick)} y2={yAt(tick)} className="stroke-line" strokeWidth={tick === 0 ? 0 : 1} />
          <text x={LEFT - 6} y={yAt(tick) + FONT * 0.35} textAnchor="end" fontSize={FONT} className="fill-muted">
            {`${tick}${yUnit}`}
          </text>
        </g>
      ))}
      <line x1={LEFT} x2={LEFT} y1={TOP} y2={axisY} className="stroke-ink" strokeWidth={1.5} />
      <line x1={LEFT} x2={WIDTH - RIGHT} y1={axisY} y2={axisY} className="stroke-ink" strokeWidth={1.5} />
      {xLabels.map((_, index) => (
        <line key={index} x1={xAt(index)} x2={xAt(index)} y1={axisY} y2={axisY + 4} className="stroke-ink" strokeWidth={1} />
      ))}
      {labels.map((line, index) =>
        line ? (
          <text key={index} x={xAt(index)} y={labelsY} textAnchor="middle" fontSize={FONT} className="fill-ink" data-x-label="">
            {line.top}
            {line.bottom ? (
              <tspan x={xAt(index)} dy={FONT + 2}>
                {line.bottom}
              </tspan>
            ) : null}
          </text>
        ) : null,
      )}
      {hasSuppressed ? (
        <g data-suppressed-strip="">
          <rect x={LEFT} y={axisY + 4} width={plotWidth} height={STRIP} className="fill-panel" />
          <text x={LEFT - 6} y={stripY + FONT * 0.35} textAnchor="end" fontSize={FONT} className="fill-ink">
            {suppressedText}
          </text>
        </g>
      ) : null}
      {series.map((one, seriesIndex) => {
        const style = styles[seriesIndex]!;
        const points = allPoints[seriesIndex]!;
        const offset = (seriesIndex - (series.length - 1) / 2) * spread;
        return (
          <g key={`${seriesIndex}-${one.name}`} data-series={one.name} data-dash={style.dash} data-marker-shape={style.marker}>
            {segments(points).map((run) => (
              <path
                key={run[0]}
                data-segment=""
                d={run.map((index, at) => `${at === 0 ? "M" : "L"}${xAt(index)} ${yAt((points[index] as { value: number }).value)}`).join("")}
                fill="none"
                className={style.stroke}
                strokeWidth={2.5}
                strokeDasharray={style.dash}
                strokeLinejoin="round"
              />
            ))}
            {points.map((point, index) =>
              point.kind === "shown" ? (
                <g key={index} data-point={index}>
                  <Marker shape={style.marker} x={xAt(index)} y={yAt(point.value)} hollow={false} style={style} />
                </g>
              ) : point.kind === "suppressed" ? (
                <g key={index} data-suppressed-point={index}>
                  <Marker shape={style.marker} x={xAt(index) + offset} y={stripY} hollow style={style} />
                </g>
              ) : null,
            )}
          </g>
        );
      })}
    </svg>
  );
}

function SeriesSwatch({ style }: { style: SeriesStyle }) {
  return (
    <svg width={40} height={14} focusable="false" className="overflow-visible">
      <line x1={0} x2={40} y1={7} y2={7} className={style.stroke} strokeWidth={2.5} strokeDasharray={style.dash} />
      <Marker shape={style.marker} x={20} y={7} hollow={false} style={style} />
    </svg>
  );
}

function HiddenSwatch() {
  return (
    <svg width={40} height={14} focusable="false" className="overflow-visible">
      <rect x={0} y={0} width={40} height={14} className="fill-panel" />
      <circle cx={20} cy={7} r={MARKER} className="fill-white stroke-ink" strokeWidth={1.75} />
    </svg>
  );
}

/**
 * Monthly trends. A hidden (suppressed) figure is never plotted: the line breaks there, and a hollow
 * marker in the series' shape sits on a separate "[c]" row under the axis, so it reads as "hidden"
 * rather than as a low value (a secondarily suppressed figure may be large). Absent figures break
 * the line and get no marker at all. A suppressed figure never stretches the y scale.
 *
 * Up to three series share one chart, told apart by dash pattern, marker shape and colour, with a
 * key. With more, `layout="auto"` draws one small chart per series, all on the same scale: at phone
 * width four or more crossing lines cannot be followed, while small multiples stack one per row on a
 * phone and two per row on a wider screen or A4.
 */
export function LineChart({ title, description, tableId, titleHidden, xLabels, series, yMax, yUnit = "", suppressedText = SUPPRESSED_MARK, layout = "auto" }: LineChartProps) {
  const shown = series.flatMap((one) =>
    pointsOf(one, xLabels.length).flatMap((point) => (point.kind === "shown" ? [point.value] : [])),
  );
  const axis = valueAxis(shown, yMax ?? (yUnit === "%" ? 100 : undefined));
  const styles = series.map((_, index) => seriesStyle(index));
  const multiples = layout === "small-multiples" || (layout === "auto" && series.length > MAX_COMBINED);
  const anySuppressed = series.some((one) => one.suppressed?.some(Boolean));
  const hiddenKey = anySuppressed ? (
    <KeyItem swatch={<HiddenSwatch />}>
      Hollow marker on the “{suppressedText}” row: figure hidden to protect small numbers, not plotted
    </KeyItem>
  ) : null;

  return (
    <ChartFigure title={title} description={description} tableId={tableId} titleHidden={titleHidden} kind={multiples ? "line-multiples" : "line"}>
      {multiples ? (
        <>
          <div aria-hidden="true" className="grid gap-6 md:grid-cols-2 print:grid-cols-2">
            {series.map((one, index) => (
              <div key={`${index}-${one.name}`} className="break-inside-avoid">
                <p className="mb-1 text-base font-bold">{one.name}</p>
                <Plot xLabels={xLabels} series={[one]} styles={[styles[index]!]} axis={axis} yUnit={yUnit} suppressedText={suppressedText} />
              </div>
            ))}
          </div>
          {hiddenKey ? <Key>{hiddenKey}</Key> : null}
        </>
      ) : (
        <>
          <Key>
            {series.map((one, index) => (
              <KeyItem key={`${index}-${one.name}`} swatch={<SeriesSwatch style={styles[index]!} />}>
                {one.name}
              </KeyItem>
            ))}
          </Key>
          <div aria-hidden="true" className="mt-2">
            <Plot xLabels={xLabels} series={series} styles={styles} axis={axis} yUnit={yUnit} suppressedText={suppressedText} />
          </div>
          {hiddenKey ? <Key>{hiddenKey}</Key> : null}
        </>
      )}
    </ChartFigure>
  );
}
