import { formatLondonDateTime } from "@/domain/time/london";
import { SummaryList } from "@/components/summary-list";
import type { BreakGlassReviewRow } from "@/server/break-glass/list-break-glass-reviews";

/** Who opened which case, when, for how long and why; and the review, once done. */
export function BreakGlassFacts({ row }: { row: BreakGlassReviewRow }) {
  return (
    <SummaryList
      rows={[
        { key: "Opened", value: `${formatLondonDateTime(row.openedAt)} by ${row.coordinatorName}` },
        { key: "Shown until", value: formatLondonDateTime(row.expiresAt) },
        { key: "Reason given", value: <span className="whitespace-pre-line">{row.reason}</span> },
        ...(row.reviewedAt
          ? [
              { key: "Reviewed", value: `${formatLondonDateTime(row.reviewedAt)} by ${row.reviewerName ?? "an administrator"}` },
              { key: "Review note", value: row.reviewNote ? <span className="whitespace-pre-line">{row.reviewNote}</span> : "None" },
            ]
          : []),
      ]}
    />
  );
}
