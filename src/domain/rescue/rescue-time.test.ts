import { describe, expect, it } from "vitest";
import { rescueInputSchema } from "./rescue-input";
import { OLDEST_RESCUE_DAYS, rescueTimeProblem } from "./rescue-time";

const NOW = new Date("2026-11-23T14:30:00Z");
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const at = (offset: number) => new Date(NOW.getTime() + offset);

describe("rescueTimeProblem", () => {
  it("takes now, a few minutes ahead (clocks disagree), and a record logged up to 30 days late", () => {
    expect(rescueTimeProblem(NOW, NOW)).toBeNull();
    expect(rescueTimeProblem(at(5 * MINUTE), NOW)).toBeNull();
    expect(rescueTimeProblem(at(-OLDEST_RESCUE_DAYS * DAY), NOW)).toBeNull();
  });

  it("refuses the future beyond the grace", () => {
    expect(rescueTimeProblem(at(5 * MINUTE + 1), NOW)).toBe("The time of rescue must be now or in the past");
  });

  it("refuses a time older than the limit, and the year 1000", () => {
    expect(rescueTimeProblem(at(-OLDEST_RESCUE_DAYS * DAY - MINUTE), NOW)).toBe("The time of rescue must be within the last 30 days");
    expect(rescueTimeProblem(new Date("1000-01-01T00:00:00Z"), NOW)).toBe("The time of rescue must be within the last 30 days");
  });
});

describe("rescueInputSchema, time of rescue", () => {
  const form = (occurredAt: string) => ({
    idempotencyKey: "5f0c8a52-3c8e-4f8e-9a57-3a4f2b6c9d10",
    occurredAt,
    place: "Middlesbrough",
    people: [{ name: "Ana (fictional)", ageGroup: "ADULT", gender: "FEMALE", interpreterNeeded: "no" }],
  });
  const occurredAtError = (value: string) => {
    const result = rescueInputSchema(NOW).safeParse(form(value));
    return result.success ? null : result.error.issues.find((issue) => issue.path[0] === "occurredAt")?.message;
  };

  it("puts the message next to the field", () => {
    expect(occurredAtError("1000-01-01T00:00")).toBe("The time of rescue must be within the last 30 days");
    expect(occurredAtError("2026-10-01T09:00")).toBe("The time of rescue must be within the last 30 days");
    expect(occurredAtError("2026-11-20T09:00")).toBeNull();
  });
});
