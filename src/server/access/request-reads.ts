import "server-only";
import { cache } from "react";
import type { Actor } from "./actor";

/**
 * What this request's session check read with the session row, for the rest of the request to reuse:
 * the acting user and their unread count, so a page's layout costs one statement, not three (issue 15).
 * Per request (React's cache, which a render gives a fresh copy and which keeps nothing outside a
 * render: a server action or a route handler finds it empty and reads for itself). Never a reason
 * to skip a check: it holds only what the same request's check of the session row found.
 */
export const requestReads = cache((): { actor?: Actor; unread?: number } => ({}));
