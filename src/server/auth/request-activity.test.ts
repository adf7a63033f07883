import { describe, expect, it } from "vitest";
import { requestCountsAsActivity } from "./request-activity";

const counts = (init: Record<string, string>) => requestCountsAsActivity(new Headers(init));

describe("requestCountsAsActivity", () => {
  it("counts server actions and document loads", () => {
    expect(counts({ "next-action": "abc123", "sec-fetch-dest": "empty" })).toBe(true);
    expect(counts({ "sec-fetch-dest": "document", "sec-fetch-mode": "navigate" })).toBe(true);
  });

  it("does not count the event stream, refreshes, prefetches or anything without fetch metadata", () => {
    expect(counts({ "sec-fetch-dest": "empty", accept: "text/event-stream" })).toBe(false);
    expect(counts({ rsc: "1", "sec-fetch-dest": "empty" })).toBe(false);
    expect(counts({ rsc: "1", "next-router-prefetch": "1", "sec-fetch-dest": "document" })).toBe(false);
    expect(counts({})).toBe(false);
  });
});
