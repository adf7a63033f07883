import "server-only";
import { cookies } from "next/headers";


// The link's token moves from the address bar into this cookie (src/app/activate/[token]/route.ts),
// so it is not left in the browser's history, and the pages' forms post from /activate: a page at
// /activate/<token> with "Referrer-Policy: no-referrer" would send "Origin: null", which server
// actions refuse. Sent only to /activate; the link itself stays one-time on the server.
const NAME = "vcp-activation";
const PATH = "/activate";
const MAX_AGE_SECONDS = 60 * 60;

/** On the link's redirect response itself (a route handler's cookies() does not reach a response it builds). */
export function setActivationCookie(response: { cookies: { set: Awaited<ReturnType<typeof cookies>>["set"] } }, token: string, https: boolean): void {
  response.cookies.set(NAME, token, { httpOnly: true, sameSite: "lax", secure: https, path: PATH, maxAge: MAX_AGE_SECONDS });
}

export async function readActivationToken(): Promise<string> {
  return (await cookies()).get(NAME)?.value ?? "";
}

