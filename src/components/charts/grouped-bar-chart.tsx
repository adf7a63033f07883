import { BarAxis, barMark, BarSwatch, BarTrack, displayText, SuppressedSwatch, type BarStyle } from "./bar-track";
import { ChartFigure, Key, KeyItem, type ChartFrameProps } from "./chart-figure";
import { valueAxis } from "./scale";

export interface GroupedBarValue {
  /** The published figure; null when there is none. Ignored when `suppressed`. */
  value: number | null;
  /** Text at the bar's end, already formatted and suppressed by the caller: "12", "[c]", "–". */
  display: string;
  suppressed?: boolean;
}

export interface GroupedBarChartProps extends ChartFrameProps {
  /** The things compared within each row, e.g. NRM referral and Duty to Notify. */
  categories: { name: string }[];
  /** One row per month (or other group), with one value per category, in the categories' order. */
  rows: { label: string; values: GroupedBarValue[] }[];
  /** Shown after each tick on the scale: "%" or "". */
  unit?: string;
  max?: number;
}

/**
 * Solid blue, solid black, outlined, then purple: apart in greyscale and on screen without colour
 * vision. Each fill has at least 3:1 contrast with white, and the outline is black.
 */
export const CATEGORY_STYLES: readonly BarStyle[] = [
  { className: "fill-link" },
  { className: "fill-ink" },
  { className: "fill-white stroke-ink", strokeWidth: 2 },
  { className: "fill-link-visited" },
];

export function categoryStyle(index: number): BarStyle {
  return CATEGORY_STYLES[index % CATEGORY_STYLES.length]!;
}

/**
 * Grouped bars rather than stacked: in a stack a suppressed segment would leave the next one floating
 * at an unknown height (or its position would give the hidden figure away). Side by side, each figure
 * starts at zero, a hidden one is just a hatched stub, and the categories compare on one scale.
 */
export function GroupedBarChart({ title, description, tableId, titleHidden, categories, rows, unit = "", max }: GroupedBarChartProps) {
  const shown = rows.flatMap((row) =>
    row.values.filter((cell) => !cell.suppressed && cell.value !== null && Number.isFinite(cell.value)).map((cell) => cell.value as number),
  );
  const axis = valueAxis(shown, max ?? (unit === "%" ? 100 : undefined));
  const gridFractions = axis.ticks.slice(1).map((tick) => tick / axis.max);
  const anySuppressed = rows.some((row) => row.values.some((cell) => cell.suppressed));

  return (
    <ChartFigure title={title} description={description} tableId={tableId} titleHidden={titleHidden} kind="grouped-bar">
      <Key>
        {categories.map((category, index) => (
          <KeyItem key={category.name} swatch={<BarSwatch style={categoryStyle(index)} />}>
            {category.name}
          </KeyItem>
        ))}
        {anySuppressed ? <KeyItem swatch={<SuppressedSwatch />}>Hatched: figure hidden to protect small numbers, not drawn to scale</KeyItem> : null}
      </Key>
      <div aria-hidden="true" className="mt-2 grid grid-cols-[1fr_auto] items-center gap-x-3 sm:grid-cols-[minmax(6rem,12rem)_1fr_auto]">
        {rows.map((row, rowIndex) => (
          <div key={`${rowIndex}-${row.label}`} className="contents" data-row={row.label}>
            <div className="col-span-2 mt-3 text-base font-bold sm:col-span-3">{row.label}</div>
            {categories.map((category, index) => {
              const cell = row.values[index] ?? { value: null, display: "" };
              return (
                <div key={category.name} className="contents" data-category={category.name}>
                  <div className="hidden text-sm text-muted sm:block">{category.name}</div>
                  <BarTrack mark={barMark(cell.value, cell.suppressed, axis.max)} style={categoryStyle(index)} gridFractions={gridFractions} height={16} />
                  <div className="min-w-14 text-right text-base tabular-nums" data-display="">
                    {displayText(cell.display)}
                  </div>
                </div>
              );
            })}
          </div>
        ))}
        <div className="hidden sm:block" />
        <BarAxis ticks={axis.ticks} max={axis.max} unit={unit} />
        <div />
      </div>
    </ChartFigure>
  );
}
