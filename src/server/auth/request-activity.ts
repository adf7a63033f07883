import "server-only";
/**
 * Whether a request is the user doing something, so it moves their idle clock. Only two kinds are:
 * - a server action (Next sends `Next-Action`): a form submitted, a button pressed, "Stay signed in";
 * - a page the browser loads as a document (`Sec-Fetch-Dest: document`): typed URL, link, reload.
 * Everything else is background and never keeps an idle session alive: the /api/live event stream,
 * `router.refresh()` after a live update, link prefetches (all fetches, not documents), Auth.js's
 * endpoints. A client-side navigation is a fetch too; the timeout warning component reports it as
 * activity with a server action (src/components/session/session-timeout.tsx).
 */
export function requestCountsAsActivity(headers: Headers): boolean {
  if (headers.has("next-action")) return true;
  if (headers.has("next-router-prefetch")) return false;
  return headers.get("sec-fetch-dest") === "document";
}
