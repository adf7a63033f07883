import type { NextRequest } from "next/server";

/**
 * The largest request body the app takes: the same 1 MB as Next's own limit for server actions
 * (serverActions.bodySizeLimit), which otherwise ends an oversized post in a 500. The biggest real
 * form (a rescue of 60 people, every field full) is well under 100 KB.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Exported for the test that every error page's title starts "Error:" and says what its heading says. */
export const OVERSIZED_BODY_PAGE = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Error: That was too much to send – Victim Care Pathway</title></head>
<body><h1>That was too much to send</h1>
<p>The form was larger than 1 MB, so nothing was saved. Go back, shorten what you entered and try again.</p>
<p><a href="/">Go to the start page</a></p></body></html>`;

/**
 * A plain 413 page when the request body is over MAX_BODY_BYTES, or null to carry on. A declared
 * length is enough to refuse at once; a body sent in chunks, with no length, is counted as it is
 * read (from a copy: Next hands the original to the page or action) and refused at the first byte
 * over.
 */
export async function refuseOversizedBody(request: NextRequest): Promise<Response | null> {
  if (!request.body) return null;
  const declared = request.headers.get("content-length");
  const tooLarge = declared !== null ? !(Number(declared) <= MAX_BODY_BYTES) : await streamExceeds(request.clone().body, MAX_BODY_BYTES);
  if (!tooLarge) return null;
  return new Response(OVERSIZED_BODY_PAGE, {
    status: 413,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", connection: "close" },
  });
}

async function streamExceeds(body: ReadableStream<Uint8Array> | null, limit: number): Promise<boolean> {
  if (!body) return false;
  const reader = body.getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: cancelling one branch of a cloned (teed) stream settles only when the other
      // branch is cancelled too, and Next keeps that one for the page.
      void reader.cancel().catch(() => undefined);
      return true;
    }
  }
}
