import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "../env";

// AES-256-GCM from node:crypto, under a key HKDF derives from AUTH_SECRET for this one purpose: no
// hand-written cryptography, and nothing to install. A copy of the User table alone cannot make
// codes. The user's id is the additional data, so a sealed secret copied onto another user's row
// does not open. Stored as "v1.<iv>.<tag>.<ciphertext>" (base64url), so the scheme can change later.
const VERSION = "v1";
const IV_BYTES = 12;

let cachedKey: { secret: string; key: Buffer } | undefined;

function key(): Buffer {
  const secret = authSecret();
  if (cachedKey?.secret !== secret) {
    cachedKey = { secret, key: Buffer.from(hkdfSync("sha256", secret, "victim-care-pathway", "totp-secret v1", 32)) };
  }
  return cachedKey.key;
}

export function sealTotpSecret(userId: string, secret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  cipher.setAAD(Buffer.from(userId));
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** The secret, or null when the box was not sealed for this user under this AUTH_SECRET. */
export function openTotpSecret(userId: string, sealed: string): string | null {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(userId));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
