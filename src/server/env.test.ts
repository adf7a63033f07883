import { describe, expect, it } from "vitest";
import { parseServerEnv } from "./env";

describe("parseServerEnv", () => {
  it("applies the defaults, and treats an empty variable as unset", () => {
    expect(parseServerEnv({ DATABASE_URL: "postgresql://app@127.0.0.1:5432/vcp", DATABASE_POOL_MAX: "", JOB_RUNNER: "" })).toMatchObject({
      DATABASE_URL: "postgresql://app@127.0.0.1:5432/vcp",
      DATABASE_POOL_MAX: 10,
      JOB_RUNNER: "on",
      NODE_ENV: "development",
    });
  });

  it("reads numbers as digits only", () => {
    expect(parseServerEnv({ DATABASE_POOL_MAX: "1" }).DATABASE_POOL_MAX).toBe(1);
    expect(() => parseServerEnv({ DATABASE_POOL_MAX: "0x10" })).toThrow("DATABASE_POOL_MAX must be a whole number");
    expect(() => parseServerEnv({ DATABASE_POOL_MAX: "1000" })).toThrow("DATABASE_POOL_MAX must be from 1 to 100");
  });

  it("names every bad setting at once", () => {
    const parse = () => parseServerEnv({ DATABASE_URL: "mysql://nope", JOB_RUNNER: "sometimes" });
    expect(parse).toThrow(/DATABASE_URL: DATABASE_URL must be a postgresql:\/\/ URL[\s\S]*JOB_RUNNER: JOB_RUNNER must be on or off/);
  });

  it("reads the sign-in settings: proxies trusted, hashes at once, queue", () => {
    expect(parseServerEnv({})).toMatchObject({ TRUSTED_PROXY_COUNT: 0, SIGN_IN_HASH_QUEUE: 8 });
    expect(parseServerEnv({}).SIGN_IN_HASH_CONCURRENCY).toBeUndefined();
    expect(parseServerEnv({ TRUSTED_PROXY_COUNT: "2", SIGN_IN_HASH_CONCURRENCY: "3" })).toMatchObject({ TRUSTED_PROXY_COUNT: 2, SIGN_IN_HASH_CONCURRENCY: 3 });
    // A proxy count that is not a number must stop the server, not quietly trust the client's header.
    expect(() => parseServerEnv({ TRUSTED_PROXY_COUNT: "yes" })).toThrow("TRUSTED_PROXY_COUNT must be a whole number");
    expect(() => parseServerEnv({ AUTH_SECRET: "short" })).toThrow("AUTH_SECRET must be at least 32 characters");
  });
});
