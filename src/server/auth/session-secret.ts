import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** 256 random bits: what the session cookie carries (inside Auth.js's encrypted token). */
export function newSessionSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this is stored, so reading the Session table gives no one a cookie that works. */
export function hashSessionSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url");
}
