import { describe, expect, it } from "vitest";
import { formatDuration, MS } from "./duration";

const { MINUTE, HOUR, DAY } = MS;

describe("formatDuration", () => {
  it("shows whole minutes under an hour", () => {
    expect(formatDuration(45 * MINUTE)).toBe("45 min");
    expect(formatDuration(1 * MINUTE)).toBe("1 min");
  });

  it("shows hours and minutes, as on an overdue clock", () => {
    expect(formatDuration(2 * HOUR + 10 * MINUTE)).toBe("2 h 10 min");
  });

  it("leaves out zero minutes", () => {
    expect(formatDuration(3 * HOUR)).toBe("3 h");
  });

  it("shows days and hours, leaving out minutes", () => {
    expect(formatDuration(3 * DAY + 4 * HOUR + 59 * MINUTE)).toBe("3 d 4 h");
  });

  it("leaves out zero hours after days", () => {
    expect(formatDuration(2 * DAY)).toBe("2 d");
    expect(formatDuration(2 * DAY + 30 * MINUTE)).toBe("2 d");
  });

  it("rounds down to the minute", () => {
    expect(formatDuration(MINUTE + 59_999)).toBe("1 min");
    expect(formatDuration(HOUR - 1)).toBe("59 min");
    expect(formatDuration(DAY - 1)).toBe("23 h 59 min");
  });

  it("says less than 1 min for anything under a minute, including zero", () => {
    expect(formatDuration(59_999)).toBe("less than 1 min");
    expect(formatDuration(1)).toBe("less than 1 min");
    expect(formatDuration(0)).toBe("less than 1 min");
  });

  it("never shows a negative duration", () => {
    expect(formatDuration(-1)).toBe("less than 1 min");
    expect(formatDuration(-5 * HOUR)).toBe("less than 1 min");
  });
});
