import type { ReactNode } from "react";

/** GOV.UK summary list: key facts as term and value. */
export function SummaryList({ rows }: { rows: { key: string; value: ReactNode }[] }) {
  return (
    <dl className="mb-8 border-t border-line">
      {rows.map((row) => (
        <div key={row.key} className="border-b border-line py-2 sm:grid sm:grid-cols-3 sm:gap-4">
          <dt className="font-bold">{row.key}</dt>
          <dd className="[overflow-wrap:anywhere] sm:col-span-2">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
