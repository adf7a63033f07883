/**
 * Diagonal hatching inside a box, as plain line segments clipped by hand: an SVG <pattern> needs a
 * document-wide id, and a server component without hooks has no safe way to make one unique.
 */
export function hatchLines(x: number, y: number, width: number, height: number, gap = 4): { x1: number; y1: number; x2: number; y2: number }[] {
  const lines: { x1: number; y1: number; x2: number; y2: number }[] = [];
  // Each line runs up and to the right at 45°: x - (bottom - y) is constant along it.
  for (let offset = -height + gap / 2; offset < width; offset += gap) {
    const startX = Math.max(0, offset);
    const endX = Math.min(width, offset + height);
    if (endX <= startX) continue;
    lines.push({
      x1: x + startX,
      y1: y + height - (startX - offset),
      x2: x + endX,
      y2: y + height - (endX - offset),
    });
  }
  return lines;
}

/** The mark for a suppressed figure: a hatched box with a dashed outline, the same size whatever is hidden. */
export function SuppressedStub({ x, y, width, height }: { x: number; y: number; width: number; height: number }) {
  return (
    <g data-suppressed="">
      <rect x={x} y={y} width={width} height={height} className="fill-white stroke-ink" strokeWidth={1.5} strokeDasharray="3 2" />
      {hatchLines(x, y, width, height).map((line, index) => (
        <line key={index} {...line} className="stroke-ink" strokeWidth={1} />
      ))}
    </g>
  );
}

export const STUB_WIDTH = 22;
