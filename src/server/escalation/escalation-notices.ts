import "server-only";
import { display, SUPPRESSED_MARK, suppressionKey } from "@/domain/statistics/published";
import { PERTURBATION_NOTE, publishCount } from "@/domain/statistics/cell-key";
import { publishList } from "@/domain/statistics/suppress-table";
import { createHash } from "node:crypto";
import { formatLondonDateTime } from "@/domain/time/london";
import { formatDuration } from "@/domain/time/duration";
import type { Notice } from "../notifications/notify";

/** One overdue stage as the sweep found it: what a per-stage notice may say, and nothing more. */
export type OverdueStage = {
  escalationId: string;
  stageId: string;
  personId: string;
  caseReference: string;
  stageTitle: string;
  ownerAgencyName: string;
  /** Due time with paused time added. */
  dueAt: Date;
};

/** To the owning agency's lead, as soon as the stage is overdue. Links to the stage itself. */
export function leadNotice(stage: OverdueStage, now: Date): Notice {
  return {
    kind: "STAGE_OVERDUE",
    title: `${stage.stageTitle} is overdue`,
    body:
      `Case ${stage.caseReference}: ${stage.stageTitle} was due ${formatLondonDateTime(stage.dueAt)} ` +
      `and was overdue by ${formatDuration(now.getTime() - stage.dueAt.getTime())} when this notice was sent.`,
    href: `/people/${stage.personId}/stages/${stage.stageId}`,
    dedupeKey: `escalation:${stage.escalationId}`,
  };
}

/**
 * To the partnership coordinator, once the stage has stayed overdue for the partnership's extra time.
 * Coordinators see cases pseudonymised: the case reference and the pseudonymised case page only.
 */
export function coordinatorNotice(stage: OverdueStage, now: Date): Notice {
  return {
    kind: "STAGE_OVERDUE_ESCALATED",
    title: `Still overdue: ${stage.stageTitle}`,
    body:
      `Case ${stage.caseReference}: ${stage.stageTitle} (${stage.ownerAgencyName}) was due ` +
      `${formatLondonDateTime(stage.dueAt)} and was overdue by ${formatDuration(now.getTime() - stage.dueAt.getTime())} ` +
      `when this notice was sent. The agency's lead was told when it went overdue.`,
    href: `/cases/${stage.personId}`,
    dedupeKey: `escalation:${stage.escalationId}`,
  };
}

/**
 * What the PCC office may learn about one escalated stage: its title and who owns it. `cellKey` is
 * the person's record key; it goes into the counts only as a key sum (decision record 0018).
 */
export type PccEscalation = { escalationId: string; stageTitle: string; ownerAgencyName: string; cellKey: number };

/**
 * One aggregate notice to the PCC office for the stages escalated to it in one sweep: counts by stage
 * and owning agency. Never a case reference, a person, a name or a link: the PCC office sees no record.
 * The key is made from the escalations it covers, so the same escalations can never be announced twice.
 * `threshold` is the partnership's small-number threshold: counts from 1 to it are hidden. Counts are
 * perturbed as the dashboard's are (the same stages give the same figure there), so a notice
 * differenced against the dashboard, or against the next notice, gives no true count.
 */
export function pccSummaryNotice(escalations: readonly PccEscalation[], threshold: number): Notice {
  const counts = new Map<string, { stageTitle: string; ownerAgencyName: string; count: number; keySum: number }>();
  for (const { stageTitle, ownerAgencyName, cellKey } of escalations) {
    const key = `${stageTitle}\u0000${ownerAgencyName}`;
    const entry = counts.get(key) ?? { stageTitle, ownerAgencyName, count: 0, keySum: 0 };
    entry.count += 1;
    entry.keySum += cellKey;
    counts.set(key, entry);
  }
  // Largest first by the figure as published (hidden ones last), so the order says no more than the figures.
  const shown = (group: { count: number; keySum: number }) => {
    const cell = publishCount(group.count, group.keySum, threshold);
    return cell.kind === "value" ? cell.value : 0;
  };
  const groups = [...counts.values()].sort(
    (a, b) => shown(b) - shown(a) || a.stageTitle.localeCompare(b.stageTitle) || a.ownerAgencyName.localeCompare(b.ownerAgencyName),
  );
  // The PCC office's small-number rule applies to notices too: counts are perturbed, 1 to the
  // threshold is hidden, and enough other counts that none can be worked out from the total; every
  // hidden count reads "[c]".
  const published = publishList(groups, { threshold });
  const lines = groups.map(
    ({ stageTitle, ownerAgencyName }, index) => `${stageTitle}, ${ownerAgencyName}: ${display(published.cells[index]!)}`,
  );
  const total = display(published.total);
  const digest = createHash("sha256")
    .update(escalations.map((e) => e.escalationId).sort().join(","))
    .digest("hex")
    .slice(0, 32);
  return {
    kind: "OVERDUE_SUMMARY",
    title: published.total.kind === "value" ? `${total} ${total === "1" ? "stage" : "stages"} still overdue after escalation` : `Stages still overdue after escalation: ${total}`,
    body: `Stages overdue long enough to be escalated to the PCC office, by stage and owning agency. ${lines.join("; ")}.${
      lines.some((line) => line.endsWith(SUPPRESSED_MARK)) || published.total.kind !== "value" ? ` ${suppressionKey(threshold)}.` : ""
    } ${PERTURBATION_NOTE}.`,
    href: null,
    dedupeKey: `overdue-summary:${digest}`,
  };
}
