import { compareUrgency, isOpen, type Clock } from "../pathway/clock";
import { parsePageNumber } from "../search/search-terms";
import { AGE_GROUPS, type AgeGroup } from "../types";
import { matchesFilter, parseQueueFilter, QUEUE_FILTER_LABELS, QUEUE_FILTERS, type QueueFilter } from "./queue-filters";

/** Rows on one page of the queue: the page's weight and drawing time depend on this, never on the agency's size. */
export const QUEUE_PAGE_SIZE = 50;

/** The columns the queue sorts by, in the order the table shows them; urgency is the default. */
export const QUEUE_SORTS = ["urgency", "stage", "person", "due", "assignee"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export type SortOrder = "asc" | "desc";

export const QUEUE_SORT_LABELS: Record<QueueSort, string> = {
  urgency: "most urgent first",
  stage: "stage",
  person: "person",
  due: "due time",
  assignee: "assignee",
};

/** How an age group is written in the queue's URL (`?age=child`). */
export const QUEUE_AGE_SLUGS: Record<AgeGroup, string> = { ADULT: "adult", CHILD: "child", AGE_DISPUTED: "age-disputed" };

export const QUEUE_AGE_LABELS: Record<AgeGroup, string> = { ADULT: "adults", CHILD: "children", AGE_DISPUTED: "age disputed" };

/** What the queue's URL asks for: `?filter=overdue&stage=health-check&assignee=…&age=child&sort=due&order=desc&page=2`. */
export type QueueView = {
  filter: QueueFilter;
  /** A stage template key (stable across pathway versions). */
  stage: string | null;
  /** A user id of the agency. */
  assignee: string | null;
  age: AgeGroup | null;
  sort: QueueSort;
  order: SortOrder;
  page: number;
};

export const DEFAULT_QUEUE_VIEW: QueueView = { filter: "all", stage: null, assignee: null, age: null, sort: "urgency", order: "asc", page: 1 };

const STAGE_KEY = /^[a-z0-9][a-z0-9-]{0,63}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One value of a query parameter; a repeated or missing one is no value (the default). */
function single(raw: unknown): string | null {
  return typeof raw === "string" ? raw : null;
}

/**
 * Reads the queue's URL parameters, which anyone can type: anything not understood falls back to the
 * default for that parameter, so no URL makes the page fail. A stage or assignee of the right shape
 * that names nothing on the agency's queue is dropped later, by `arrangeQueueView`.
 */
export function parseQueueView(params: Record<string, unknown>): QueueView {
  const stage = single(params.stage);
  const assignee = single(params.assignee)?.toLowerCase() ?? null;
  const age = single(params.age);
  const sort = single(params.sort);
  return {
    filter: parseQueueFilter(single(params.filter)),
    stage: stage && STAGE_KEY.test(stage) ? stage : null,
    assignee: assignee && UUID.test(assignee) ? assignee : null,
    age: AGE_GROUPS.find((group) => QUEUE_AGE_SLUGS[group] === age) ?? null,
    sort: QUEUE_SORTS.includes(sort as QueueSort) ? (sort as QueueSort) : "urgency",
    order: single(params.order) === "desc" ? "desc" : "asc",
    page: parsePageNumber(single(params.page)),
  };
}

/** The queue's URL for a view: only what differs from the default, in a fixed order. */
export function queueHref(view: QueueView): string {
  const params = new URLSearchParams();
  if (view.filter !== "all") params.set("filter", view.filter);
  if (view.stage) params.set("stage", view.stage);
  if (view.assignee) params.set("assignee", view.assignee);
  if (view.age) params.set("age", QUEUE_AGE_SLUGS[view.age]);
  if (view.sort !== "urgency") params.set("sort", view.sort);
  if (view.order !== "asc") params.set("order", view.order);
  if (view.page > 1) params.set("page", String(view.page));
  const query = params.toString();
  return query ? `/queue?${query}` : "/queue";
}

/** The link a column heading carries: sort by it (ascending), or, if it is the sort already, the other way. */
export function sortHref(view: QueueView, sort: QueueSort): string {
  const order: SortOrder = view.sort === sort && view.order === "asc" ? "desc" : "asc";
  return queueHref({ ...view, sort, order, page: 1 });
}

/** One open stage as the queue filters, sorts and pages it. */
export type QueueViewItem = {
  stageId: string;
  stageKey: string;
  stageTitle: string;
  /** The stage's place in the pathway. */
  stageOrder: number;
  displayName: string;
  caseReference: string;
  ageGroup: AgeGroup;
  assigneeId: string | null;
  assigneeName: string | null;
  clock: Clock;
};

export type QueueOptions = { stages: { key: string; title: string }[]; assignees: { id: string; name: string }[] };

const byName = new Intl.Collator("en-GB", { sensitivity: "base", numeric: true });

function dueTime(clock: Clock): number {
  return "dueAt" in clock ? clock.dueAt.getTime() : Number.POSITIVE_INFINITY;
}

const COMPARE: Record<QueueSort, (a: QueueViewItem, b: QueueViewItem) => number> = {
  urgency: (a, b) => compareUrgency(a.clock, b.clock),
  due: (a, b) => dueTime(a.clock) - dueTime(b.clock),
  stage: (a, b) => a.stageOrder - b.stageOrder || byName.compare(a.stageTitle, b.stageTitle),
  person: (a, b) => byName.compare(a.displayName, b.displayName) || byName.compare(a.caseReference, b.caseReference),
  // Unassigned stages come last, going up; first, going down.
  assignee: (a, b) =>
    a.assigneeName === b.assigneeName ? 0 : a.assigneeName === null ? 1 : b.assigneeName === null ? -1 : byName.compare(a.assigneeName, b.assigneeName),
};

/**
 * The queue under a view: its open stages narrowed by stage, assignee and age group; a count for every
 * filter within that; the rows under the filter, sorted (ties most urgent first, then by stage id so
 * a page never reshuffles), and the one page asked for (a page past the end shows the last). Stage and
 * assignee options come from the agency's open stages, and a view naming neither is read as "any".
 */
export function arrangeQueueView<T extends QueueViewItem>(items: readonly T[], requested: QueueView, userId: string) {
  const open = items.filter((item) => isOpen(item.clock));
  const options = queueOptions(open);
  const view: QueueView = {
    ...requested,
    stage: options.stages.some((stage) => stage.key === requested.stage) ? requested.stage : null,
    assignee: options.assignees.some((person) => person.id === requested.assignee) ? requested.assignee : null,
  };
  const narrowed = open.filter(
    (item) => (!view.stage || item.stageKey === view.stage) && (!view.assignee || item.assigneeId === view.assignee) && (!view.age || item.ageGroup === view.age),
  );
  const counts = Object.fromEntries(
    QUEUE_FILTERS.map((name) => [name, narrowed.filter((item) => matchesFilter(item, name, userId)).length]),
  ) as Record<QueueFilter, number>;
  const direction = view.order === "desc" ? -1 : 1;
  const sorted = narrowed
    .filter((item) => matchesFilter(item, view.filter, userId))
    .sort((a, b) => direction * COMPARE[view.sort](a, b) || compareUrgency(a.clock, b.clock) || (a.stageId < b.stageId ? -1 : a.stageId > b.stageId ? 1 : 0));
  const total = sorted.length;
  const pageCount = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const page = Math.min(view.page, pageCount);
  const first = (page - 1) * QUEUE_PAGE_SIZE;
  return {
    view: { ...view, page },
    counts,
    total,
    pageCount,
    /** 1-based positions of the page's first and last rows ("Showing 51–100 of 216"); 0 and 0 when empty. */
    from: total === 0 ? 0 : first + 1,
    to: Math.min(first + QUEUE_PAGE_SIZE, total),
    items: sorted.slice(first, first + QUEUE_PAGE_SIZE),
    options,
  };
}

/** The stages (in pathway order) and assignees (by name) found on the agency's open stages. */
export function queueOptions(items: readonly QueueViewItem[]): QueueOptions {
  const stages = new Map<string, { key: string; title: string; order: number }>();
  const assignees = new Map<string, string>();
  for (const item of items) {
    if (!stages.has(item.stageKey)) stages.set(item.stageKey, { key: item.stageKey, title: item.stageTitle, order: item.stageOrder });
    if (item.assigneeId && item.assigneeName) assignees.set(item.assigneeId, item.assigneeName);
  }
  return {
    stages: [...stages.values()].sort((a, b) => a.order - b.order || byName.compare(a.title, b.title)).map(({ key, title }) => ({ key, title })),
    assignees: [...assignees.entries()].map(([id, name]) => ({ id, name })).sort((a, b) => byName.compare(a.name, b.name)),
  };
}

/**
 * The page title for a view, so each filtered view and page is its own entry in history and in a
 * screen reader's list of tabs: "Queue: overdue, Health check, children — page 2".
 */
export function queueTitle(view: QueueView, options: QueueOptions): string {
  const parts: string[] = [];
  if (view.filter !== "all") parts.push(QUEUE_FILTER_LABELS[view.filter].toLowerCase());
  const stage = options.stages.find((candidate) => candidate.key === view.stage);
  if (stage) parts.push(stage.title);
  const assignee = options.assignees.find((candidate) => candidate.id === view.assignee);
  if (assignee) parts.push(`assigned to ${assignee.name}`);
  if (view.age) parts.push(QUEUE_AGE_LABELS[view.age]);
  if (view.sort !== "urgency" || view.order !== "asc") parts.push(`by ${QUEUE_SORT_LABELS[view.sort]}${view.order === "desc" ? ", reversed" : ""}`);
  const title = parts.length > 0 ? `Queue: ${parts.join(", ")}` : "Queue";
  return view.page > 1 ? `${title} — page ${view.page}` : title;
}
