import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, SCRIPTLESS_POLICY } from "./content-security-policy";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split("; ").map((directive) => {
    const [name, ...sources] = directive.split(" ");
    return [name!, sources];
  }));
}

describe("contentSecurityPolicy", () => {
  const production = directives(contentSecurityPolicy({ nonce: "abc123", development: false }));

  it("lets only scripts with this request's nonce run, and what they load", () => {
    expect(production.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
  });

  it("allows no inline script, inline style or eval in production", () => {
    const all = [...production.values()].flat();
    expect(all).not.toContain("'unsafe-inline'");
    expect(all).not.toContain("'unsafe-eval'");
    expect(production.get("style-src")).toEqual(["'self'", "'nonce-abc123'"]);
  });

  it("refuses plugins, <base> rewrites, framing by any site, and forms posting elsewhere", () => {
    expect(production.get("object-src")).toEqual(["'none'"]);
    expect(production.get("base-uri")).toEqual(["'none'"]);
    expect(production.get("frame-ancestors")).toEqual(["'none'"]);
    expect(production.get("form-action")).toEqual(["'self'"]);
    expect(production.get("default-src")).toEqual(["'self'"]);
    expect(production.get("connect-src")).toEqual(["'self'"]);
  });

  it("loosens only what `next dev` needs, and only in development", () => {
    const development = directives(contentSecurityPolicy({ nonce: "abc123", development: true }));
    expect(development.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'", "'unsafe-eval'"]);
    expect(development.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(development.get("frame-ancestors")).toEqual(["'none'"]);
  });
});

describe("newNonce", () => {
  it("is 128 bits of base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => newNonce()));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("SCRIPTLESS_POLICY", () => {
  it("runs no script and keeps the other refusals", () => {
    const policy = directives(SCRIPTLESS_POLICY);
    expect(policy.get("script-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
  });
});
