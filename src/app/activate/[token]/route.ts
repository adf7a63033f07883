import { NextResponse, type NextRequest } from "next/server";
import { setActivationCookie } from "@/server/accounts/activation-cookie";

/**
 * The link an administrator passes on. The token goes into a cookie for /activate and the browser
 * is sent there, so the token leaves the address bar and history at once; whether the link works is
 * decided on that page (one "This link does not work" for every reason). Nothing here reads the
 * database, so this answers alike for every token.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  // A relative Location: Next's idea of its own origin ("localhost") need not be the host the
  // browser used, and the cookie belongs to that host.
  const response = new NextResponse(null, { status: 303, headers: { Location: "/activate" } });
  // A plausible token only: anything longer or stranger cannot be one of ours.
  if (/^[A-Za-z0-9_-]{20,100}$/.test(token)) {
    setActivationCookie(response, token, request.nextUrl.protocol === "https:");
  }
  response.headers.set("Referrer-Policy", "no-referrer");
  return response;
}
