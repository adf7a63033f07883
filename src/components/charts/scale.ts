/** An axis from 0 to `max` with round tick values. */
export interface Axis {
  max: number;
  ticks: number[];
}

const STEPS = [1, 2, 2.5, 5, 10];

/** The smallest round step (1, 2, 2.5 or 5 × 10^k) at or above `raw`; counts never get a fractional step. */
function roundStep(raw: number, wholeNumbers: boolean): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const step of STEPS) {
    const candidate = step * power;
    if (candidate >= raw && (!wholeNumbers || Number.isInteger(candidate))) return candidate;
  }
  return 10 * power;
}

/**
 * The value axis for a chart. `values` must hold only the published (shown) figures: a suppressed
 * figure must not stretch the scale, or the axis itself would hint at the hidden number.
 * With an explicit `max` (100 for percentages) the axis ends exactly there.
 */
export function valueAxis(values: readonly number[], max?: number, tickCount = 4): Axis {
  const wholeNumbers = values.every(Number.isInteger) && (max === undefined || Number.isInteger(max));
  if (max !== undefined && max > 0) {
    const step = roundStep(max / tickCount, wholeNumbers);
    const ticks: number[] = [];
    for (let tick = 0; tick <= max + 1e-9; tick += step) ticks.push(roundTick(tick));
    return { max, ticks };
  }
  const largest = Math.max(0, ...values);
  if (largest === 0) return { max: tickCount, ticks: Array.from({ length: tickCount + 1 }, (_, index) => index) };
  const step = roundStep(largest / tickCount, wholeNumbers);
  const top = Math.ceil(largest / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let tick = 0; tick <= top + 1e-9; tick += step) ticks.push(roundTick(tick));
  return { max: roundTick(top), ticks };
}

function roundTick(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Where `value` sits between 0 and `max`, clamped to 0–1 so an outlier cannot draw outside the chart. */
export function fractionOf(value: number, max: number): number {
  if (!(max > 0) || !Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value / max));
}

/** A fraction as an SVG/CSS percentage, e.g. 0.72 → "72%". */
export function percent(fraction: number): string {
  return `${Math.round(fraction * 10000) / 100}%`;
}
