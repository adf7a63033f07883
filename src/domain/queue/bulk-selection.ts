/**
 * A ticked row in the lead's bulk assignment: the stage and the assignee the lead saw on the page
 * ("" for unassigned), so a stage someone else assigned or claimed meanwhile is reported rather than
 * silently taken from them.
 */
export type BulkSelection = { stageId: string; seenAssigneeId: string | null };

/** The most stages one bulk assignment takes: a page of the queue. */
export const MAX_BULK_SELECTION = 50;

export function bulkSelectionValue(stageId: string, seenAssigneeId: string | null): string {
  return `${stageId}:${seenAssigneeId ?? ""}`;
}

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const VALUE = new RegExp(`^(${UUID}):(${UUID})?$`);

/** A checkbox value back from the browser, or null if it is not one of ours. */
export function parseBulkSelection(value: string): BulkSelection | null {
  const match = VALUE.exec(value);
  return match ? { stageId: match[1]!, seenAssigneeId: match[2] ?? null } : null;
}

/** What a bulk assignment did, stage by stage, in the words the queue shows. */
export type BulkAssignReport = {
  assigneeName: string;
  /** "Health check for VCP-1234" */
  assigned: string[];
  notAssigned: { label: string; reason: string }[];
};
