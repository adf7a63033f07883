import {
  allLines,
  allPlaces,
  crossingLine,
  isSuppressed,
  isTotalOf,
  suppress,
  suppressedCount,
  valueAt,
  type Grid,
  type Line,
  type Place,
} from "./suppression-grid";

/**
 * Hides more entries until no suppressed entry can be worked out from what is shown.
 *
 * Two rules, repeated until neither adds anything:
 * 1. A line (row or column, its total included) never holds exactly one suppressed entry,
 *    or that entry is its total minus the shown cells.
 * 2. A suppressed entry must lie on a cycle of suppressed entries. Rule 1 alone leaves gaps:
 *    two blocks of hidden cells joined by a single hidden cell each satisfy rule 1, yet adding the
 *    rows of one block and subtracting its columns gives the joining cell exactly.
 */
export function applySecondarySuppression(grid: Grid): void {
  do {
    protectLonelySuppressions(grid);
  } while (protectBridges(grid));
}

function protectLonelySuppressions(grid: Grid): void {
  for (;;) {
    const line = allLines(grid).find((candidate) => suppressedCount(grid, candidate) === 1);
    if (line === undefined) return;
    suppress(grid, chooseCompanion(grid, line), "secondary");
  }
}

function chooseCompanion(grid: Grid, line: Line): Place {
  const hideable = line.places.filter((place) => !isTotalOf(line, place) && !isSuppressed(grid, place));
  const nonZero = hideable.filter((place) => valueAt(grid, place) > 0);
  if (nonZero.length > 0) return bestCompanion(grid, line, nonZero);
  if (!isSuppressed(grid, line.total)) return line.total;
  // Only reached when the lone suppressed entry is a zero total hidden earlier: its cells are all zero.
  return bestCompanion(grid, line, hideable);
}

/** Prefer a cell that also protects the line it crosses, then the smallest count. */
function bestCompanion(grid: Grid, line: Line, candidates: Place[]): Place {
  const ranked = candidates
    .map((place, order) => ({
      place,
      order,
      fixesCrossing: suppressedCount(grid, crossingLine(grid, line, place)) === 1,
      value: valueAt(grid, place),
    }))
    .sort(
      (a, b) =>
        Number(b.fixesCrossing) - Number(a.fixesCrossing) || a.value - b.value || a.order - b.order,
    );
  const best = ranked[0];
  if (best === undefined) throw new Error("A line with one suppressed entry has nothing else to hide");
  return best.place;
}

/*
 * The grid as a graph: one node per row and per column, one edge per suppressed entry joining its
 * row to its column. A suppressed entry is recoverable exactly when its edge is a bridge (on no
 * cycle), because the unknowns can only shift together around cycles without changing any total.
 */

interface Bridge {
  /** Nodes still reachable from the bridge's row after removing it. */
  near: Set<number>;
  /** Nodes still reachable from the bridge's column after removing it. */
  far: Set<number>;
}

function protectBridges(grid: Grid): boolean {
  const bridge = findBridge(grid);
  if (bridge === undefined) return false;
  for (const place of cheapestLink(grid, bridge)) suppress(grid, place, "secondary");
  return true;
}

function findBridge(grid: Grid): Bridge | undefined {
  for (const place of allPlaces(grid)) {
    if (!isSuppressed(grid, place)) continue;
    const near = reachable(grid, rowNode(place.row), place);
    const columnEnd = columnNode(grid, place.column);
    if (!near.has(columnEnd)) return { near, far: reachable(grid, columnEnd, place) };
  }
  return undefined;
}

function reachable(grid: Grid, start: number, without: Place): Set<number> {
  const seen = new Set([start]);
  const queue = [start];
  for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
    for (const { place, other } of incidentEntries(grid, node)) {
      const isRemoved = place.row === without.row && place.column === without.column;
      if (isRemoved || !isSuppressed(grid, place) || seen.has(other)) continue;
      seen.add(other);
      queue.push(other);
    }
  }
  return seen;
}

/**
 * The unsuppressed entries, fewest people first, whose suppression joins the two sides of a bridge
 * and so puts it on a cycle. Zeros are used only when no path of non-zero entries exists: hiding a
 * zero next to a small count tells the reader their sum, which protects little.
 */
function cheapestLink(grid: Grid, { near, far }: Bridge): Place[] {
  const zeroCost = allPlaces(grid).reduce((total, place) => total + valueAt(grid, place), 1);
  const nodeCount = grid.lastRow + 1 + grid.lastColumn + 1;
  const cost = Array.from({ length: nodeCount }, (_, node) => (near.has(node) ? 0 : Infinity));
  const via: (Place | undefined)[] = Array.from({ length: nodeCount }, () => undefined);
  const from: number[] = Array.from({ length: nodeCount }, () => -1);
  const done = new Set<number>();

  for (;;) {
    const node = cheapestOpenNode(cost, done);
    if (node === undefined) throw new Error("The two sides of a suppressed entry cannot be joined");
    if (far.has(node)) return tracePath(node, via, from);
    done.add(node);
    for (const { place, other } of incidentEntries(grid, node)) {
      if (isSuppressed(grid, place) || done.has(other)) continue;
      const value = valueAt(grid, place);
      const candidate = (cost[node] ?? Infinity) + (value > 0 ? value : zeroCost);
      if (candidate < (cost[other] ?? Infinity)) {
        cost[other] = candidate;
        via[other] = place;
        from[other] = node;
      }
    }
  }
}

function cheapestOpenNode(cost: number[], done: Set<number>): number | undefined {
  let best: number | undefined;
  cost.forEach((value, node) => {
    if (done.has(node) || value === Infinity) return;
    if (best === undefined || value < (cost[best] ?? Infinity)) best = node;
  });
  return best;
}

function tracePath(end: number, via: (Place | undefined)[], from: number[]): Place[] {
  const path: Place[] = [];
  let node = end;
  let place = via[node];
  while (place !== undefined) {
    path.push(place);
    node = from[node] ?? -1;
    place = via[node];
  }
  return path;
}

function rowNode(row: number): number {
  return row;
}

function columnNode(grid: Grid, column: number): number {
  return grid.lastRow + 1 + column;
}

function incidentEntries(grid: Grid, node: number): { place: Place; other: number }[] {
  if (node <= grid.lastRow) {
    return Array.from({ length: grid.lastColumn + 1 }, (_, column) => ({
      place: { row: node, column },
      other: columnNode(grid, column),
    }));
  }
  const column = node - grid.lastRow - 1;
  return Array.from({ length: grid.lastRow + 1 }, (_, row) => ({ place: { row, column }, other: rowNode(row) }));
}
