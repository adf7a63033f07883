import { NextResponse, type NextRequest } from "next/server";
import { auth } from "@/server/auth/auth";

// Reachable signed out: the sign-in page and Auth.js's own routes.
const OPEN_PATHS = /^\/(sign-in|api\/auth)(\/|$)/;

// A first gate only: every page, action and route checks the user again on the server.
export default auth((request) => {
  if (request.auth?.user?.id || OPEN_PATHS.test(request.nextUrl.pathname)) return withRequestId(request);
  // An event stream, not a page: a status EventSource gives up on, rather than the sign-in form.
  if (request.nextUrl.pathname === "/api/live") return new NextResponse(null, { status: 401 });
  const url = new URL("/sign-in", request.nextUrl.origin);
  return NextResponse.redirect(url);
});

/**
 * Gives the request a fresh id that recordAudit stores on every row written while serving it. Any
 * x-request-id the browser sent is replaced: a caller must not choose what the audit log says.
 */
function withRequestId(request: NextRequest) {
  const requestId = crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  // Sign-in and Auth.js pass through too, so that sign-in audit rows get a request id the browser cannot set.
  matcher: ["/((?!_next/|favicon.ico|icon.svg|robots.txt).*)"],
};
