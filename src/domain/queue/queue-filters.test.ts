import { describe, expect, it } from "vitest";
import type { Clock } from "../pathway/clock";
import { MS } from "../time/duration";
import { arrangeQueue, matchesFilter, parseQueueFilter, QUEUE_FILTERS, type QueueItem } from "./queue-filters";

const due = new Date("2026-11-23T12:00:00Z");
const clocks = {
  overdueLong: { kind: "overdue", overdueByMs: 5 * MS.HOUR, dueAt: due },
  overdueShort: { kind: "overdue", overdueByMs: 10 * MS.MINUTE, dueAt: due },
  atRisk: { kind: "at_risk", leftMs: 20 * MS.MINUTE, dueAt: due },
  dueIn3h: { kind: "due", leftMs: 3 * MS.HOUR, dueAt: due },
  dueIn4h: { kind: "due", leftMs: 4 * MS.HOUR, dueAt: due },
  dueIn5h: { kind: "due", leftMs: 5 * MS.HOUR + 1, dueAt: due },
  pausedSoon: { kind: "paused", leftMs: 30 * MS.MINUTE, dueAt: due },
  done: { kind: "done", takenMs: MS.HOUR, lateByMs: 0 },
  closed: { kind: "closed", state: "NOT_NEEDED" },
} satisfies Record<string, Clock>;

const me = "user-me";
const other = "user-other";
const item = (name: keyof typeof clocks, assigneeId: string | null = null) => ({ name, assigneeId, clock: clocks[name] as Clock });

describe("matchesFilter", () => {
  it("counts only running clocks as due in the next 4 hours, up to and including 4 hours", () => {
    expect(matchesFilter(item("dueIn3h"), "due_soon", me)).toBe(true);
    expect(matchesFilter(item("dueIn4h"), "due_soon", me)).toBe(true);
    expect(matchesFilter(item("atRisk"), "due_soon", me)).toBe(true);
    expect(matchesFilter(item("dueIn5h"), "due_soon", me)).toBe(false);
    expect(matchesFilter(item("pausedSoon"), "due_soon", me)).toBe(false);
    expect(matchesFilter(item("overdueShort"), "due_soon", me)).toBe(false);
  });

  it("separates mine from someone else's and from unassigned", () => {
    expect(matchesFilter(item("dueIn3h", me), "mine", me)).toBe(true);
    expect(matchesFilter(item("dueIn3h", other), "mine", me)).toBe(false);
    expect(matchesFilter(item("dueIn3h", other), "unassigned", me)).toBe(false);
    expect(matchesFilter(item("dueIn3h"), "unassigned", me)).toBe(true);
  });
});

describe("arrangeQueue", () => {
  const items: (QueueItem & { name: string })[] = [
    item("dueIn5h", me),
    item("pausedSoon"),
    item("overdueShort", other),
    item("done", me),
    item("atRisk"),
    item("overdueLong"),
    item("closed"),
    item("dueIn3h", me),
  ];

  it("drops finished stages and orders the rest overdue (longest first), at risk, due soonest, paused", () => {
    const { items: all } = arrangeQueue(items, "all", me);
    expect(all.map((entry) => entry.name)).toEqual(["overdueLong", "overdueShort", "atRisk", "dueIn3h", "dueIn5h", "pausedSoon"]);
  });

  it("counts every filter whichever one is chosen", () => {
    const expected = { all: 6, mine: 2, unassigned: 3, due_soon: 2, at_risk: 1, overdue: 2, paused: 1 };
    for (const filter of QUEUE_FILTERS) expect(arrangeQueue(items, filter, me).counts).toEqual(expected);
  });

  it("shows only the chosen filter's stages, still in urgency order", () => {
    expect(arrangeQueue(items, "mine", me).items.map((entry) => entry.name)).toEqual(["dueIn3h", "dueIn5h"]);
    expect(arrangeQueue(items, "unassigned", me).items.map((entry) => entry.name)).toEqual(["overdueLong", "atRisk", "pausedSoon"]);
  });
});

describe("parseQueueFilter", () => {
  it("falls back to all for anything unknown", () => {
    expect(parseQueueFilter("overdue")).toBe("overdue");
    expect(parseQueueFilter("'; drop table")).toBe("all");
    expect(parseQueueFilter(undefined)).toBe("all");
    expect(parseQueueFilter(["mine"])).toBe("all");
  });
});
