/**
 * Durations on the PCC dashboard are kept as counts per band, not one value per person, so that a
 * year's figures add up from a few thousand summary rows (see src/server/dashboard/summary). Bands
 * are 5 minutes wide up to an hour, then each about 15% wider than the one before, rounded to 5
 * minutes, up to six weeks; the last band holds everything longer. A median read from the bands is
 * interpolated within its band, so it is within a few per cent of the exact value.
 */
export const DURATION_BAND_EDGES_MINUTES: readonly number[] = (() => {
  const edges = [0];
  for (let minutes = 5; minutes <= 60; minutes += 5) edges.push(minutes);
  const sixWeeks = 6 * 7 * 24 * 60;
  while (edges.at(-1)! < sixWeeks) {
    const next = Math.max(edges.at(-1)! + 5, Math.round((edges.at(-1)! * 1.15) / 5) * 5);
    edges.push(Math.min(next, sixWeeks));
  }
  return edges;
})();

export const DURATION_BAND_COUNT = DURATION_BAND_EDGES_MINUTES.length;

/** The band (0-based) a duration in minutes falls in; negative durations count as 0. */
export function durationBandOf(minutes: number): number {
  const edges = DURATION_BAND_EDGES_MINUTES;
  let low = 0;
  let high = edges.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (edges[middle]! <= minutes) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * The `p` quantile (0 to 1) of the durations counted in `counts` (one count per band), in minutes,
 * read the way Postgres's percentile_cont reads a list: at position p × (n − 1), between the two
 * nearest values. Each value is taken to sit evenly spread within its band; in the last, open band
 * it is the band's lower edge ("six weeks or more"). Null when nothing is counted.
 */
export function quantileFromBands(counts: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`A quantile is between 0 and 1, not ${p}`);
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const position = p * (total - 1);
  const lower = valueAt(counts, Math.floor(position));
  const upper = valueAt(counts, Math.ceil(position));
  return lower + (position - Math.floor(position)) * (upper - lower);
}

/** The `index`-th smallest duration (0-based), spread evenly within its band. */
function valueAt(counts: readonly number[], index: number): number {
  let before = 0;
  for (let band = 0; band < counts.length; band++) {
    const count = counts[band]!;
    if (index < before + count) {
      const low = DURATION_BAND_EDGES_MINUTES[band]!;
      const high = DURATION_BAND_EDGES_MINUTES[band + 1];
      return high === undefined ? low : low + ((index - before + 0.5) / count) * (high - low);
    }
    before += count;
  }
  return DURATION_BAND_EDGES_MINUTES[counts.length - 1] ?? 0;
}
