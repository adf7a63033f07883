import "server-only";
import { getToken, type JWT } from "next-auth/jwt";
import { authSecret } from "../env";

// Auth.js's cookie names: the __Secure- prefix when the app is reached over https.
const COOKIE = "authjs.session-token";
const SECURE_COOKIE = `__Secure-${COOKIE}`;

/**
 * Whether Auth.js, answering this request, uses its __Secure- cookie name (which is also the token's
 * key-derivation salt): the protocol of AUTH_URL when set, else the forwarded protocol, else https,
 * as `auth()` works it out (@auth/core's createActionURL; `useSecureCookies` is not set here).
 */
function usesSecureCookie(requestHeaders: Headers): boolean {
  const envUrl = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  if (envUrl) return new URL(envUrl).protocol === "https:";
  const protocol = requestHeaders.get("x-forwarded-proto") ?? "https";
  return (protocol.endsWith(":") ? protocol : `${protocol}:`) === "https:";
}

/**
 * The session cookie's token, decrypted and verified by Auth.js's own `getToken` (the same cookie,
 * chunks, key derivation, JWE decryption and expiry check as `auth()`), or null. `auth()` runs Auth.js's
 * whole session endpoint to get here and then encrypts a fresh token for a cookie a page cannot set
 * (issue 15: a tenth of a request's CPU). Only the cookie header is passed on, as `auth()` does, so
 * an Authorization header is never read as a session. What the token names is still checked against
 * its Session row by the caller (`sessionFromToken`), on every request.
 */
export async function readSessionToken(requestHeaders: Headers): Promise<JWT | null> {
  const secureCookie = usesSecureCookie(requestHeaders);
  return getToken({
    req: { headers: { cookie: requestHeaders.get("cookie") ?? "" } },
    secret: authSecret(),
    secureCookie,
    cookieName: secureCookie ? SECURE_COOKIE : COOKIE,
  });
}
