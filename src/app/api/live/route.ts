import { getActor } from "@/server/access/current-actor";
import { isSessionLive } from "@/server/auth/check-session";
import { getCurrentSession } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { ForbiddenError } from "@/server/errors";
import { openLiveStream } from "@/server/live/open-live-stream";

// A stream per request, never cached or prerendered.
export const dynamic = "force-dynamic";

/**
 * Server-sent events telling an open queue or pathway page that a person it may show has changed
 * (src/components/live/live-refresh.tsx). A refusal is a status code, not a redirect: EventSource
 * gives up on a 401 or 403 instead of reconnecting.
 */
export async function GET(request: Request): Promise<Response> {
  // Checking the session here never moves its idle clock: an open stream is not the user doing anything.
  const session = await getCurrentSession();
  const actor = session && (await getActor());
  if (!session || !actor) return refusal(401, "Sign in to receive live updates.");
  try {
    const stream = await openLiveStream(db, actor, {
      signal: request.signal,
      sessionStillLive: () => isSessionLive(db, session.sessionId),
    });
    return new Response(stream, {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        // Same as every response (next.config.ts, which wins anyway). Next gzips the stream but flushes
        // each event as it is written (checked in a browser), so compression does not delay them.
        "Cache-Control": "no-store",
        Connection: "keep-alive",
        // nginx buffers responses unless told not to.
        "X-Accel-Buffering": "no",
      },
    });
  } catch (error) {
    if (error instanceof ForbiddenError) return refusal(403, "Your role has no live updates.");
    throw error;
  }
}

function refusal(status: 401 | 403, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
