import { describe, expect, it } from "vitest";
import { PASSWORD_MESSAGES, passwordProblem } from "./password-policy";

const listed = new Set(["password", "football", "qwertyuiop123", "iloveyou"]);
const context = { email: "sam.okafor@council.example", isCommon: (p: string) => listed.has(p) };
const problem = (password: string) => passwordProblem(password, context);

describe("the password policy", () => {
  it("accepts a long password with no symbols, numbers or capitals", () => {
    expect(problem("purple kettle harbour")).toBeNull();
    expect(problem("correcthorsebatterystaple")).toBeNull();
  });

  it("needs at least 12 characters, counting characters rather than bytes", () => {
    expect(problem("")).toBe(PASSWORD_MESSAGES.missing);
    expect(problem("elevenchars")).toBe(PASSWORD_MESSAGES.tooShort);
    expect(problem("twelve chars")).toBeNull();
    expect(problem("ééééééééééé")).toBe(PASSWORD_MESSAGES.tooShort);
  });

  it("refuses more than 256 characters", () => {
    expect(problem("a long phrase ".repeat(18).slice(0, 256))).toBeNull();
    expect(problem("x".repeat(257))).toBe(PASSWORD_MESSAGES.tooLong);
  });

  it("refuses a listed password whatever its case, and with numbers or symbols added at the end", () => {
    expect(problem("QWERTYuiop123")).toBe(PASSWORD_MESSAGES.common);
    expect(problem("Football2026!!")).toBe(PASSWORD_MESSAGES.common);
    expect(problem("password123456")).toBe(PASSWORD_MESSAGES.common);
    expect(problem("football is fun")).toBeNull();
  });

  it("refuses a password that contains the email name or a longer part of it", () => {
    expect(problem("sam.okafor-2026!")).toBe(PASSWORD_MESSAGES.containsEmail);
    expect(problem("mr OKAFOR's password")).toBe(PASSWORD_MESSAGES.containsEmail);
    // "sam" is too short a part to refuse on its own.
    expect(problem("sample of words")).toBeNull();
  });
});
