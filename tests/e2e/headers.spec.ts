import type { APIResponse } from "@playwright/test";
import { expect, test } from "./fixtures";
import { POLICE_CASEWORKER, signIn, signInAfresh } from "./support";

// What every response must say to the browser and to any cache between, checked with plain HTTP
// requests against the production build.

const HSTS = "max-age=63072000; includeSubDomains";
const IMMUTABLE = "public, max-age=31536000, immutable";

function policyOf(response: APIResponse): Map<string, string[]> {
  const header = response.headers()["content-security-policy"] ?? "";
  return new Map(header.split(";").map((directive) => {
    const [name, ...sources] = directive.trim().split(/\s+/);
    return [name!, sources];
  }));
}

function nonceOf(response: APIResponse): string {
  const source = policyOf(response).get("script-src")?.find((one) => one.startsWith("'nonce-"));
  expect(source, "script-src carries a nonce").toBeDefined();
  return source!.slice("'nonce-".length, -1);
}

// Ours is "no-store"; Next's own for a 404 says the same at more length.
function expectNotStored(response: APIResponse, what: string) {
  const directives = (response.headers()["cache-control"] ?? "").split(",").map((directive) => directive.trim());
  expect(directives, `${what}: Cache-Control`).toContain("no-store");
  expect(directives, `${what}: Cache-Control`).not.toContain("public");
  expect(response.headers()["strict-transport-security"], `${what}: HSTS`).toBe(HSTS);
}

function expectStrictPolicy(response: APIResponse, what: string) {
  const policy = policyOf(response);
  expect(policy.get("script-src"), `${what}: script-src`).toEqual(["'self'", `'nonce-${nonceOf(response)}'`, "'strict-dynamic'"]);
  for (const [directive, sources] of [
    ["default-src", ["'self'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'none'"]],
    ["frame-ancestors", ["'none'"]],
    ["form-action", ["'self'"]],
    ["connect-src", ["'self'"]],
  ] as const) {
    expect(policy.get(directive), `${what}: ${directive}`).toEqual(sources);
  }
  expect(response.headers()["content-security-policy"], what).not.toMatch(/unsafe-inline|unsafe-eval/);
}

test("the sign-in page: a strict policy with a fresh nonce that every script carries, HSTS, no-store, the other headers", async ({ request }) => {
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  expectStrictPolicy(first, "sign-in page");
  expectNotStored(first, "sign-in page");
  expect(nonceOf(second)).not.toBe(nonceOf(first));

  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonceOf(first)}"`);
  // A nonce in the markup is the whole secret: it must never be served from a cache to someone else.
  expect(html).not.toContain(`nonce="${nonceOf(second)}"`);

  const headers = first.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toBe("camera=(), microphone=(), geolocation=()");
});

test("the build's scripts and stylesheets are cached as immutable; everything else is not stored", async ({ request }) => {
  const html = await (await request.get("/sign-in")).text();
  const assets = [...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)].map((match) => match[1]!);
  expect(assets.some((asset) => asset.endsWith(".js"))).toBe(true);
  expect(assets.some((asset) => asset.endsWith(".css"))).toBe(true);
  for (const asset of new Set(assets)) {
    const response = await request.get(asset);
    expect(response.status(), asset).toBe(200);
    expect(response.headers()["cache-control"], asset).toBe(IMMUTABLE);
    expect(response.headers()["strict-transport-security"], asset).toBe(HSTS);
  }

  // Under /_next/ but not a build asset: not cached, and no script runs (the proxy gives it no nonce).
  const unknown = await request.get("/_next/no-such-file");
  expect(unknown.status()).toBe(404);
  expectNotStored(unknown, "/_next/no-such-file");
  expect(policyOf(unknown).get("script-src")).toEqual(["'none'"]);
  expect(policyOf(unknown).get("frame-ancestors")).toEqual(["'none'"]);

  // Signed out: the redirect, the event stream's refusal and Auth.js's own endpoints.
  const start = await request.get("/", { maxRedirects: 0 });
  expect(start.status()).toBe(307);
  expectNotStored(start, "redirect to sign-in");
  expectStrictPolicy(start, "redirect to sign-in");
  const live = await request.get("/api/live");
  expect(live.status()).toBe(401);
  expectNotStored(live, "/api/live signed out");
  for (const path of ["/api/auth/session", "/api/auth/csrf"]) expectNotStored(await request.get(path), path);
});

test("signed in: pages, RSC payloads, prefetches, action responses and the CSV export are never stored", async ({ page }) => {
  // The sign-in action's response carries the session cookie: signed in afresh, not with a session an
  // earlier journey of this worker left open.
  const signInAction = page.waitForResponse((response) => response.request().method() === "POST" && response.request().headers()["next-action"] !== undefined);
  await signInAfresh(page, POLICE_CASEWORKER);
  const action = await signInAction;
  expect((await action.allHeaders())["cache-control"]).toBe("no-store");
  expect((await action.allHeaders())["strict-transport-security"]).toBe(HSTS);

  const people = await page.request.get("/people");
  expect(people.status()).toBe(200);
  expect(await people.text()).toContain("People");
  expectNotStored(people, "people page");
  expectStrictPolicy(people, "people page");

  const rsc = await page.request.get("/people", { headers: { RSC: "1" } });
  expect(rsc.status()).toBe(200);
  expect(rsc.headers()["content-type"]).toContain("text/x-component");
  expectNotStored(rsc, "RSC payload");

  const prefetch = await page.request.get("/people", { headers: { RSC: "1", "Next-Router-Prefetch": "1" } });
  expect(prefetch.status()).toBe(200);
  expect(prefetch.headers()["content-type"]).toContain("text/x-component");
  expectNotStored(prefetch, "prefetch");

  const missing = await page.request.get("/no-such-page");
  expect(missing.status()).toBe(404);
  expectNotStored(missing, "not-found page");
  expectStrictPolicy(missing, "not-found page");
  for (const script of (await missing.text()).match(/<script\b[^>]*>/g) ?? []) expect(script).toContain(`nonce="${nonceOf(missing)}"`);
});

test("the PCC office's CSV export is never stored", async ({ page }) => {
  await signIn(page, "pcc@demo.example");
  const csv = await page.request.get(`/dashboard/export?table=timeliness&kind=year&year=${new Date().getFullYear()}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expectNotStored(csv, "CSV export");
});
