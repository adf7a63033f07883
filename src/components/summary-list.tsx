import type { ReactNode } from "react";

/**
 * GOV.UK summary list: key facts as term and value. Term and value sit side by side only when the
 * list itself is wide enough (a container query, not the viewport): in a page's narrow side column,
 * as on a person's page at 1024 px and wider, a fixed third of the row was narrower than words such
 * as "Immediate", which ran over their values, and more so under WCAG 1.4.12 text spacing. Long
 * words wrap rather than spill into the next box.
 */
export function SummaryList({ rows }: { rows: { key: string; value: ReactNode }[] }) {
  return (
    <dl className="@container mb-8 border-t border-line" data-testid="summary-list">
      {rows.map((row) => (
        <div key={row.key} className="border-b border-line py-2 @md:grid @md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)] @md:gap-4">
          <dt className="font-bold [overflow-wrap:anywhere]">{row.key}</dt>
          <dd className="[overflow-wrap:anywhere]">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
