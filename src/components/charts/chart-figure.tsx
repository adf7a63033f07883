import type { ReactNode } from "react";

/** What every chart takes besides its data. */
export interface ChartFrameProps {
  title: string;
  description?: string;
  /** The id of the table holding the same figures; the chart links to it. */
  tableId?: string;
  /** When the heading above already says it: the title stays the figure's name for screen readers only. */
  titleHidden?: boolean;
}

/**
 * A chart is a picture of a table shown beside it: the figure's caption names it, and its drawing is
 * hidden from assistive technology (the caller marks it aria-hidden) so a screen reader user meets
 * the figures once, in the table, rather than as a stream of unlabelled shapes.
 */
export function ChartFigure({ title, description, tableId, titleHidden, kind, children }: ChartFrameProps & { kind: string; children: ReactNode }) {
  return (
    <figure className="mb-8" data-chart={kind}>
      <figcaption className="mb-3 max-w-3xl">
        <span className={titleHidden ? "sr-only" : "block font-bold"}>{title}</span>
        {description ? <span className="block text-base text-muted">{description}</span> : null}
        {tableId ? (
          <span className="block text-base">
            <a href={`#${tableId}`} data-table-link>
              The same figures are in the table below
            </a>
          </span>
        ) : null}
      </figcaption>
      {children}
    </figure>
  );
}

/** A key entry: a small drawing (hidden from assistive technology) and its meaning. */
export function KeyItem({ swatch, children }: { swatch: ReactNode; children: ReactNode }) {
  return (
    <li className="flex items-center gap-2">
      <span aria-hidden="true" className="inline-flex shrink-0">
        {swatch}
      </span>
      <span>{children}</span>
    </li>
  );
}

export function Key({ children }: { children: ReactNode }) {
  return <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-base">{children}</ul>;
}
