import { describe, expect, it } from "vitest";
import { describeTimeLeft, describeTimeLeftForScreenReaders } from "./time-left";

describe("describeTimeLeft", () => {
  it("says minutes and seconds in words", () => {
    expect(describeTimeLeft(120_000)).toBe("2 minutes");
    expect(describeTimeLeft(90_000)).toBe("1 minute 30 seconds");
    expect(describeTimeLeft(61_000)).toBe("1 minute 1 second");
    expect(describeTimeLeft(44_100)).toBe("45 seconds");
    expect(describeTimeLeft(0)).toBe("0 seconds");
  });

  it("changes for screen readers only every half minute", () => {
    expect(describeTimeLeftForScreenReaders(119_000)).toBe("2 minutes");
    expect(describeTimeLeftForScreenReaders(91_000)).toBe("2 minutes");
    expect(describeTimeLeftForScreenReaders(89_000)).toBe("1 minute 30 seconds");
    expect(describeTimeLeftForScreenReaders(5_000)).toBe("30 seconds");
  });
});
