import type { NextRequest } from "next/server";
import { handlers } from "@/server/auth/auth";

// Auth.js's session endpoint re-signs the cookie with a fresh 8-hour expiry on every call (and its
// update does the same). The server-side Session row is the authority and refuses an extended token
// anyway, but no endpoint should hand out a longer-lived cookie either: only signing in sets one.
const SETS_SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?=[^;]/;
const SIGN_IN_PATH = /^\/api\/auth\/callback\//;

export async function GET(request: NextRequest): Promise<Response> {
  return withoutReissuedSession(request, await handlers.GET(request));
}

export async function POST(request: NextRequest): Promise<Response> {
  return withoutReissuedSession(request, await handlers.POST(request));
}

function withoutReissuedSession(request: NextRequest, response: Response): Response {
  if (SIGN_IN_PATH.test(request.nextUrl.pathname)) return response;
  const cookies = response.headers.getSetCookie();
  const kept = cookies.filter((cookie) => !SETS_SESSION_COOKIE.test(cookie));
  if (kept.length === cookies.length) return response;
  const headers = new Headers(response.headers);
  headers.delete("set-cookie");
  for (const cookie of kept) headers.append("set-cookie", cookie);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
