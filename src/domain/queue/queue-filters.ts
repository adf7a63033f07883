import { MS } from "../time/duration";
import { compareUrgency, isOpen, type Clock } from "../pathway/clock";

/** The filters on an agency's queue, in the order the page shows them. */
export const QUEUE_FILTERS = ["all", "mine", "unassigned", "due_soon", "at_risk", "overdue", "paused"] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

export const QUEUE_FILTER_LABELS: Record<QueueFilter, string> = {
  all: "All",
  mine: "Mine",
  unassigned: "Unassigned",
  due_soon: "Due in the next 4 hours",
  at_risk: "At risk",
  overdue: "Overdue",
  paused: "Paused",
};

export const DUE_SOON_MS = 4 * MS.HOUR;

export type QueueItem = { assigneeId: string | null; clock: Clock };

export function parseQueueFilter(value: unknown): QueueFilter {
  return QUEUE_FILTERS.includes(value as QueueFilter) ? (value as QueueFilter) : "all";
}

/** Whether an open stage belongs under a filter. "Due in the next 4 hours" counts running clocks only. */
export function matchesFilter(item: QueueItem, filter: QueueFilter, userId: string): boolean {
  const { clock } = item;
  switch (filter) {
    case "all":
      return true;
    case "mine":
      return item.assigneeId === userId;
    case "unassigned":
      return item.assigneeId === null;
    case "due_soon":
      return (clock.kind === "due" || clock.kind === "at_risk") && clock.leftMs <= DUE_SOON_MS;
    case "at_risk":
      return clock.kind === "at_risk";
    case "overdue":
      return clock.kind === "overdue";
    case "paused":
      return clock.kind === "paused";
  }
}

/**
 * An agency's queue: its open stages, most urgent first (overdue, then at risk, then due soonest),
 * the ones under the chosen filter, and how many fall under every filter.
 */
export function arrangeQueue<T extends QueueItem>(items: readonly T[], filter: QueueFilter, userId: string) {
  const open = items.filter((item) => isOpen(item.clock)).sort((a, b) => compareUrgency(a.clock, b.clock));
  const counts = Object.fromEntries(
    QUEUE_FILTERS.map((name) => [name, open.filter((item) => matchesFilter(item, name, userId)).length]),
  ) as Record<QueueFilter, number>;
  return { items: open.filter((item) => matchesFilter(item, filter, userId)), counts };
}
