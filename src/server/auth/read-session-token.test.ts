import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { readSessionToken } from "./read-session-token";

// The unit tests' own AUTH_SECRET (vitest.config.mts): serverEnv() reads the environment once, on
// first use, and the unit files share modules, so whichever file reads it first sees this one.
const SECRET = process.env.AUTH_SECRET!;
const NAME = "authjs.session-token";
const SECURE = `__Secure-${NAME}`;

const read = (init: Record<string, string>) => readSessionToken(new Headers(init));
let token: string;
let secureToken: string;

beforeAll(async () => {
  expect(SECRET).toMatch(/^unit-test-/);
  token = await encode({ token: { sid: "the-secret" }, secret: SECRET, salt: NAME });
  secureToken = await encode({ token: { sid: "the-secret" }, secret: SECRET, salt: SECURE });
});

describe("readSessionToken", () => {
  it("reads Auth.js's cookie over http, whole or in chunks", async () => {
    expect((await read({ cookie: `${NAME}=${token}`, "x-forwarded-proto": "http" }))?.sid).toBe("the-secret");
    expect((await read({ cookie: `${NAME}.0=${token.slice(0, 90)}; ${NAME}.1=${token.slice(90)}`, "x-forwarded-proto": "http" }))?.sid).toBe("the-secret");
  });

  it("reads only the __Secure- cookie, keyed by its own name, over https", async () => {
    expect((await read({ cookie: `${SECURE}=${secureToken}`, "x-forwarded-proto": "https" }))?.sid).toBe("the-secret");
    expect(await read({ cookie: `${NAME}=${token}`, "x-forwarded-proto": "https" })).toBeNull();
    expect(await read({ cookie: `${SECURE}=${token}`, "x-forwarded-proto": "https" })).toBeNull();
    expect(await read({ cookie: `${SECURE}=${secureToken}`, "x-forwarded-proto": "http" })).toBeNull();
  });

  it("takes the protocol from AUTH_URL when it is set, as Auth.js does", async () => {
    vi.stubEnv("AUTH_URL", "https://pathway.example.gov.uk");
    expect((await read({ cookie: `${SECURE}=${secureToken}`, "x-forwarded-proto": "http" }))?.sid).toBe("the-secret");
    expect(await read({ cookie: `${NAME}=${token}`, "x-forwarded-proto": "http" })).toBeNull();
  });

  it("refuses a token that is tampered with, made with another secret or expired", async () => {
    const tampered = `${token.slice(0, -4)}${token.endsWith("AAAA") ? "BBBB" : "AAAA"}`;
    const otherSecret = await encode({ token: { sid: "the-secret" }, secret: "some-other-secret-some-other-secret-0123", salt: NAME });
    const expired = await encode({ token: { sid: "the-secret" }, secret: SECRET, salt: NAME, maxAge: -60 });
    for (const value of [tampered, otherSecret, expired, "not-a-token"]) {
      expect(await read({ cookie: `${NAME}=${value}`, "x-forwarded-proto": "http" })).toBeNull();
    }
  });

  it("never takes a session from an Authorization header", async () => {
    expect(await read({ authorization: `Bearer ${token}`, "x-forwarded-proto": "http" })).toBeNull();
  });
});
