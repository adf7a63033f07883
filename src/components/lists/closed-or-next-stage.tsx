import { NextStage } from "@/components/pathway/next-stage";
import { CASE_CLOSE_REASON_LABELS, type CaseCloseReason } from "@/domain/cases/case-closing";
import { formatLondonDateTime } from "@/domain/time/london";

/** The last cell of a People or Cases row: when and why a closed case closed, or a live case's next stage. */
export function ClosedOrNextStage({
  closed,
  next,
  openStages,
  atRiskPercent,
  renderedAt,
}: {
  closed: { at: Date; reason: CaseCloseReason | null } | null;
} & Parameters<typeof NextStage>[0]) {
  if (closed) {
    return (
      <p data-testid="closed-reason">
        <span className="font-bold">Closed</span> {formatLondonDateTime(closed.at)}
        <span className="block">{closed.reason ? CASE_CLOSE_REASON_LABELS[closed.reason] : "No reason recorded"}</span>
      </p>
    );
  }
  return <NextStage next={next} openStages={openStages} atRiskPercent={atRiskPercent} renderedAt={renderedAt} />;
}
