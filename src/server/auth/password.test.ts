import { describe, expect, it } from "vitest";
import { hashForMissingAccount, hashPassword, verifyPassword } from "./password";

// OWASP's minimum for scrypt: N=2^17, r=8, p=1. Each hash here takes a second or more on a busy machine.
const FULL_COST = /^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/;

describe("password hashes", () => {
  it("are made at full cost, and check the right password only", async () => {
    const stored = await hashPassword("correct horse battery staple (fictional)");
    expect(stored).toMatch(FULL_COST);
    expect(await verifyPassword("correct horse battery staple (fictional)", stored)).toBe(true);
    expect(await verifyPassword("correct horse battery staple (fictional) ", stored)).toBe(false);
    expect(await verifyPassword("correct horse battery staple (fictional)", stored.replace(/^scrypt/, "bcrypt"))).toBe(false);
  }, 30_000);

  it("an email with no account is checked against a hash of the same cost, so it takes as long as a wrong password", async () => {
    const standIn = await hashForMissingAccount();
    expect(standIn).toMatch(FULL_COST);
    // One stand-in for the process: the cost is paid per check, not per missing email.
    expect(await hashForMissingAccount()).toBe(standIn);
    expect(await verifyPassword("any password at all", standIn)).toBe(false);
  }, 30_000);
});
