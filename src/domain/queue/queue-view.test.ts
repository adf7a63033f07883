import { describe, expect, it } from "vitest";
import type { Clock } from "../pathway/clock";
import { MS } from "../time/duration";
import { bulkSelectionValue, parseBulkSelection } from "./bulk-selection";
import { arrangeQueueView, DEFAULT_QUEUE_VIEW, parseQueueView, QUEUE_PAGE_SIZE, queueHref, queueTitle, sortHref, type QueueViewItem } from "./queue-view";

const due = (hours: number) => new Date(Date.UTC(2026, 10, 23, 12) + hours * MS.HOUR);
const ME = "00000000-0000-4000-8000-00000000000a";
const JO = "00000000-0000-4000-8000-00000000000b";

function item(n: number, overrides: Partial<QueueViewItem> = {}): QueueViewItem {
  const clock: Clock = { kind: "due", leftMs: n * MS.HOUR, dueAt: due(n) };
  return {
    stageId: `stage-${String(n).padStart(4, "0")}`,
    stageKey: "health-check",
    stageTitle: "Health check",
    stageOrder: 3,
    displayName: `Person ${n}`,
    caseReference: `VCP-${1000 + n}`,
    ageGroup: "ADULT",
    assigneeId: null,
    assigneeName: null,
    clock,
    ...overrides,
  };
}

describe("parseQueueView", () => {
  it("reads every parameter of the queue's URL", () => {
    expect(parseQueueView({ filter: "overdue", stage: "health-check", assignee: ME.toUpperCase(), age: "child", sort: "due", order: "desc", page: "2" })).toEqual({
      filter: "overdue",
      stage: "health-check",
      assignee: ME,
      age: "CHILD",
      sort: "due",
      order: "desc",
      page: 2,
    });
  });

  it("falls back to the default for anything it does not understand, never failing", () => {
    const hostile = {
      filter: "everything",
      stage: "<script>",
      assignee: "1 OR 1=1",
      age: "CHILD",
      sort: "password",
      order: "sideways",
      page: "-3",
      constructor: "x",
    };
    expect(parseQueueView(hostile)).toEqual(DEFAULT_QUEUE_VIEW);
    expect(parseQueueView({ filter: ["overdue", "paused"], page: ["2", "3"] })).toEqual(DEFAULT_QUEUE_VIEW);
    expect(parseQueueView({ page: "0" }).page).toBe(1);
    expect(parseQueueView({ page: "99999999999" }).page).toBe(1);
    expect(parseQueueView({ page: "1e3" }).page).toBe(1);
  });

  it("round-trips through the URL it builds, which names only what differs from the default", () => {
    expect(queueHref(DEFAULT_QUEUE_VIEW)).toBe("/queue");
    const view = { ...DEFAULT_QUEUE_VIEW, filter: "overdue" as const, age: "AGE_DISPUTED" as const, sort: "person" as const, page: 3 };
    expect(queueHref(view)).toBe("/queue?filter=overdue&age=age-disputed&sort=person&page=3");
    expect(parseQueueView(Object.fromEntries(new URL(queueHref(view), "http://x").searchParams))).toEqual(view);
  });

  it("sorts a column ascending first, then the other way, back on page 1", () => {
    const onPage2 = { ...DEFAULT_QUEUE_VIEW, page: 2 };
    expect(sortHref(onPage2, "due")).toBe("/queue?sort=due");
    expect(sortHref({ ...onPage2, sort: "due" }, "due")).toBe("/queue?sort=due&order=desc");
    expect(sortHref({ ...onPage2, sort: "due", order: "desc" }, "due")).toBe("/queue?sort=due");
  });
});

describe("arrangeQueueView", () => {
  const many = Array.from({ length: 216 }, (_, i) => item(i + 1));

  it("pages 50 at a time with the total, and shows the last page for a page past the end", () => {
    const second = arrangeQueueView(many, { ...DEFAULT_QUEUE_VIEW, page: 2 }, ME);
    expect(second).toMatchObject({ total: 216, pageCount: 5, from: 51, to: 100 });
    expect(second.items).toHaveLength(QUEUE_PAGE_SIZE);
    expect(second.items[0]!.caseReference).toBe("VCP-1051");
    const last = arrangeQueueView(many, { ...DEFAULT_QUEUE_VIEW, page: 40 }, ME);
    expect(last).toMatchObject({ view: { page: 5 }, from: 201, to: 216 });
    expect(last.items).toHaveLength(16);
    expect(arrangeQueueView([], DEFAULT_QUEUE_VIEW, ME)).toMatchObject({ total: 0, pageCount: 1, from: 0, to: 0, items: [] });
  });

  it("narrows by stage, assignee and age group, and counts every filter within that", () => {
    const items = [
      item(1, { stageKey: "accommodation", stageTitle: "Emergency accommodation", stageOrder: 1 }),
      item(2, { ageGroup: "CHILD", assigneeId: JO, assigneeName: "Jo Example" }),
      item(3, { ageGroup: "CHILD", assigneeId: ME, assigneeName: "Me Example", clock: { kind: "overdue", overdueByMs: MS.HOUR, dueAt: due(-1) } }),
      item(4, { clock: { kind: "done", takenMs: 1, lateByMs: 0 } }),
    ];
    const children = arrangeQueueView(items, { ...DEFAULT_QUEUE_VIEW, age: "CHILD" }, ME);
    expect(children.items.map((row) => row.caseReference)).toEqual(["VCP-1003", "VCP-1002"]);
    expect(children.counts).toMatchObject({ all: 2, mine: 1, unassigned: 0, overdue: 1 });
    const jo = arrangeQueueView(items, { ...DEFAULT_QUEUE_VIEW, assignee: JO }, ME);
    expect(jo.items.map((row) => row.caseReference)).toEqual(["VCP-1002"]);
    const accommodation = arrangeQueueView(items, { ...DEFAULT_QUEUE_VIEW, stage: "accommodation", filter: "overdue" }, ME);
    expect(accommodation).toMatchObject({ total: 0, counts: { all: 1, overdue: 0 } });
    // Options come from the open stages: a done stage offers nothing.
    expect(children.options.stages).toEqual([
      { key: "accommodation", title: "Emergency accommodation" },
      { key: "health-check", title: "Health check" },
    ]);
    expect(children.options.assignees.map((person) => person.name)).toEqual(["Jo Example", "Me Example"]);
  });

  it("drops a stage or assignee that names nothing on the queue, rather than showing an empty page", () => {
    const arranged = arrangeQueueView([item(1)], { ...DEFAULT_QUEUE_VIEW, stage: "no-such-stage", assignee: JO }, ME);
    expect(arranged.view).toMatchObject({ stage: null, assignee: null });
    expect(arranged.total).toBe(1);
  });

  it("sorts by urgency by default, and by due time, stage, person and assignee either way", () => {
    const items = [
      item(5, { displayName: "Bea", stageOrder: 1, stageTitle: "Emergency accommodation", assigneeId: JO, assigneeName: "Zed" }),
      item(2, { displayName: "amy", stageOrder: 9, clock: { kind: "paused", leftMs: MS.HOUR, dueAt: due(1) } }),
      item(9, { displayName: "Cai", stageOrder: 4, assigneeId: ME, assigneeName: "Ann", clock: { kind: "overdue", overdueByMs: MS.HOUR, dueAt: due(-1) } }),
    ];
    const order = (sort: (typeof DEFAULT_QUEUE_VIEW)["sort"], direction: "asc" | "desc" = "asc") =>
      arrangeQueueView(items, { ...DEFAULT_QUEUE_VIEW, sort, order: direction }, ME).items.map((row) => row.displayName);
    expect(order("urgency")).toEqual(["Cai", "Bea", "amy"]);
    expect(order("urgency", "desc")).toEqual(["amy", "Bea", "Cai"]);
    expect(order("due")).toEqual(["Cai", "amy", "Bea"]);
    expect(order("stage")).toEqual(["Bea", "Cai", "amy"]);
    expect(order("person")).toEqual(["amy", "Bea", "Cai"]);
    expect(order("person", "desc")).toEqual(["Cai", "Bea", "amy"]);
    // Unassigned last going up, first going down.
    expect(order("assignee")).toEqual(["Cai", "Bea", "amy"]);
    expect(order("assignee", "desc")).toEqual(["amy", "Bea", "Cai"]);
  });
});

describe("queueTitle", () => {
  it("names the filter view and the page", () => {
    const options = { stages: [{ key: "health-check", title: "Health check" }], assignees: [{ id: JO, name: "Jo Example" }] };
    expect(queueTitle(DEFAULT_QUEUE_VIEW, options)).toBe("Queue");
    expect(queueTitle({ ...DEFAULT_QUEUE_VIEW, filter: "overdue", page: 2 }, options)).toBe("Queue: overdue — page 2");
    expect(queueTitle({ ...DEFAULT_QUEUE_VIEW, stage: "health-check", assignee: JO, age: "CHILD", sort: "due" }, options)).toBe(
      "Queue: Health check, assigned to Jo Example, children, by due time",
    );
  });
});

describe("bulk selection", () => {
  it("carries the stage and the assignee the lead saw, and refuses anything else", () => {
    expect(parseBulkSelection(bulkSelectionValue(ME, JO))).toEqual({ stageId: ME, seenAssigneeId: JO });
    expect(parseBulkSelection(bulkSelectionValue(ME, null))).toEqual({ stageId: ME, seenAssigneeId: null });
    expect(parseBulkSelection(ME)).toBeNull();
    expect(parseBulkSelection(`${ME}:${JO}:x`)).toBeNull();
    expect(parseBulkSelection("__proto__:")).toBeNull();
  });
});
