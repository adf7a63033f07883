import { describe, expect, it } from "vitest";
import { acceptableSteps, checkTotpCode, normaliseTotpCode, secretInGroups, totpStepAt } from "./totp-steps";

// 2026-12-01T12:00:00Z is step 59_870_880 exactly; 29 s later is still that step.
const now = new Date("2026-12-01T12:00:10Z");
const current = totpStepAt(now);

describe("TOTP steps", () => {
  it("counts 30-second steps from the Unix epoch", () => {
    expect(totpStepAt(new Date("2026-12-01T12:00:00Z"))).toBe(59_870_880);
    expect(totpStepAt(new Date("2026-12-01T12:00:29.999Z"))).toBe(59_870_880);
    expect(totpStepAt(new Date("2026-12-01T12:00:30Z"))).toBe(59_870_881);
  });

  it("accepts the current step and one either side, and nothing further", () => {
    expect(acceptableSteps(now).sort()).toEqual([current - 1, current, current + 1]);
    expect(checkTotpCode((step) => step === current - 1, now, null)).toEqual({ ok: true, step: current - 1 });
    expect(checkTotpCode((step) => step === current + 1, now, null)).toEqual({ ok: true, step: current + 1 });
    expect(checkTotpCode((step) => step === current - 2, now, null)).toEqual({ ok: false, reason: "wrong-code" });
    expect(checkTotpCode((step) => step === current + 2, now, null)).toEqual({ ok: false, reason: "wrong-code" });
  });

  it("accepts each step once: the same code again, or an older one, is refused as used", () => {
    expect(checkTotpCode((step) => step === current, now, current)).toEqual({ ok: false, reason: "code-used" });
    expect(checkTotpCode((step) => step === current - 1, now, current)).toEqual({ ok: false, reason: "code-used" });
    expect(checkTotpCode((step) => step === current + 1, now, current)).toEqual({ ok: true, step: current + 1 });
  });

  it("reads six digits, with spaces or a dash between, and nothing else", () => {
    expect(normaliseTotpCode("123456")).toBe("123456");
    expect(normaliseTotpCode(" 123 456 ")).toBe("123456");
    expect(normaliseTotpCode("123-456")).toBe("123456");
    expect(normaliseTotpCode("12345")).toBeNull();
    expect(normaliseTotpCode("1234567")).toBeNull();
    expect(normaliseTotpCode("12345a")).toBeNull();
    expect(normaliseTotpCode("１２３４５６")).toBeNull();
  });

  it("shows a secret in groups of four for typing by hand", () => {
    expect(secretInGroups("JBSWY3DPEHPK3PXPJBSW")).toBe("JBSW Y3DP EHPK 3PXP JBSW");
  });
});
