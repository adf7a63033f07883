import { describe, expect, it } from "vitest";
import { tooManyAttemptsMessage } from "./sign-in-messages";

const now = new Date("2026-07-01T13:17:20Z"); // 14:17 BST

describe("the too-many-attempts message", () => {
  it("says how many seconds to wait for a short delay", () => {
    expect(tooManyAttemptsMessage(new Date(now.getTime() + 16_000), now)).toBe("Too many attempts. Wait 16 seconds, then try again.");
    expect(tooManyAttemptsMessage(new Date(now.getTime() + 400), now)).toBe("Too many attempts. Wait 1 second, then try again.");
  });

  it("says the London time of the end of a lock, rounded up so waiting until then is enough", () => {
    expect(tooManyAttemptsMessage(new Date(now.getTime() + 15 * 60_000), now)).toBe(
      "Too many attempts. Try again at 14:33 BST (in 16 minutes).",
    );
    const winter = new Date("2026-12-01T14:17:00Z");
    expect(tooManyAttemptsMessage(new Date(winter.getTime() + 15 * 60_000), winter)).toBe(
      "Too many attempts. Try again at 14:32 GMT (in 15 minutes).",
    );
  });
});
