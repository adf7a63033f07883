import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/http/content-security-policy";
import { serverEnv } from "@/server/env";
import { refuseOversizedBody } from "./lib/request-body-limit";

// Reachable signed out: the sign-in pages (password, then code), Auth.js's own routes, and the
// activation and reset links.
const OPEN_PATHS = /^\/(sign-in|api\/auth|activate)(\/|$)/;
// Auth.js's session cookie, possibly split into chunks, with the __Secure- prefix over https.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * A first gate only: it turns away requests with no session cookie at all. Every page, action and
 * route checks the session itself (requireActor / getActor verify the token and reload the user).
 *
 * It deliberately does not use Auth.js's `auth()` wrapper here: that wrapper re-issues the session
 * cookie on every response, so a prefetch or refresh that was in flight when the user signed out
 * came back with a fresh cookie and signed them in again. The session now ends when they sign out,
 * or 8 hours after they signed in.
 */
export default async function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy({ nonce: newNonce(), development: serverEnv().NODE_ENV === "development" });
  const response = (await refuseOversizedBody(request)) ?? gate(request, policy);
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

function gate(request: NextRequest, policy: string) {
  const hasSession = request.cookies.getAll().some((cookie) => SESSION_COOKIE.test(cookie.name) && cookie.value !== "");
  if (hasSession || OPEN_PATHS.test(request.nextUrl.pathname)) return passOn(request, policy);
  // An event stream, not a page: a status EventSource gives up on, rather than the sign-in form.
  if (request.nextUrl.pathname === "/api/live") return new NextResponse(null, { status: 401 });
  const url = new URL("/sign-in", request.nextUrl.origin);
  return NextResponse.redirect(url);
}

/**
 * Passes the request on with the policy, and a fresh id that recordAudit stores on every row written
 * while serving it. Any x-request-id the browser sent is replaced: a caller must not choose what the
 * audit log says.
 */
function passOn(request: NextRequest, policy: string) {
  const requestId = crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  // Next takes the nonce for its own scripts from the policy on the request.
  headers.set("Content-Security-Policy", policy);
  // With no trusted proxy in front, X-Forwarded-For is whatever the client wrote. Without it, Next
  // fills in the connection's own address, which is what sign-in throttling then counts.
  if (serverEnv().TRUSTED_PROXY_COUNT === 0) headers.delete("x-forwarded-for");
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  // Sign-in and Auth.js pass through too, so that sign-in audit rows get a request id the browser cannot set.
  matcher: ["/((?!_next/|favicon.ico|icon.svg|robots.txt).*)"],
};
