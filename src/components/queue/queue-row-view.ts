import type { Clock, ClockInput } from "@/domain/pathway/clock";
import { safetyRowWords, type SafetyFlagsView } from "@/domain/person/safety-flags";
import { bulkSelectionValue } from "@/domain/queue/bulk-selection";
import { queueClockView, type QueueClockView } from "./queue-clock";

/**
 * One queue row as its client component draws it: plain data, every word already chosen. The page
 * sends 50 of these in its RSC payload instead of 50 trees of 30 elements, and only what the row
 * shows crosses: the safety line's words, never the person's contact instructions.
 */
export type QueueRowView = {
  stageId: string;
  personId: string;
  stageTitle: string;
  caseReference: string;
  displayName: string;
  pendingReferralTo: string | null;
  noContact: string | null;
  safetyWords: string | null;
  clock: QueueClockView;
  /** "You", the assignee's name, or "Unassigned". */
  assignee: string;
  /** The bulk-assignment checkbox's value, when this user may assign the stage. */
  selectValue: string | null;
  canClaim: boolean;
};

type QueueRowSource = {
  stageId: string;
  personId: string;
  stageTitle: string;
  caseReference: string;
  displayName: string;
  pendingReferralTo: string | null;
  noContact: string | null;
  safety: SafetyFlagsView | null;
  clockInput: ClockInput;
  clock: Clock;
  atRiskPercent: number;
  assigneeId: string | null;
  assigneeName: string | null;
  canClaim: boolean;
  canAssign: boolean;
};

export function queueRowView(row: QueueRowSource, actorId: string): QueueRowView {
  return {
    stageId: row.stageId,
    personId: row.personId,
    stageTitle: row.stageTitle,
    caseReference: row.caseReference,
    displayName: row.displayName,
    pendingReferralTo: row.pendingReferralTo,
    noContact: row.noContact,
    safetyWords: safetyRowWords(row.safety),
    clock: queueClockView(row.clockInput, row.clock, row.atRiskPercent),
    assignee: row.assigneeName ? (row.assigneeId === actorId ? "You" : row.assigneeName) : "Unassigned",
    selectValue: row.canAssign ? bulkSelectionValue(row.stageId, row.assigneeId) : null,
    canClaim: row.canClaim,
  };
}
