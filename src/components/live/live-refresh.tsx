"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";

/** Where the server sends "a person you may see changed" (src/app/api/live/route.ts). */
export const LIVE_ENDPOINT = "/api/live";

// Several changes in quick succession (a rescue of five people) become one reload.
const DEBOUNCE_MS = 300;
const STATUS_SHOWN_MS = 15_000;

export type LiveRefreshProps = {
  /** Only changes to this person reload the page (a pathway page). Leave out on lists and queues. */
  personId?: string;
  className?: string;
};

/**
 * Keeps a server-rendered page up to date while it is open: when someone changes a person this user
 * may see, the page's server components render again (`router.refresh()`), through the same use case
 * that checked access and audited the first render. Nothing about the person travels in the event
 * but their id, and what is typed into forms on the page is kept.
 *
 * Put one on a page: `<LiveRefresh />` on a list or queue, `<LiveRefresh personId={person.id} />` on
 * one person's page. It renders a small status line that says "Updated just now" after a reload
 * (announced politely to screen readers) and is empty otherwise.
 */
export function LiveRefresh({ personId, className = "" }: LiveRefreshProps) {
  const router = useRouter();
  const [isRefreshing, startTransition] = useTransition();
  const [status, setStatus] = useState("");
  // For tests and for anyone inspecting the page: whether changes can reach it right now.
  const [connection, setConnection] = useState<"connecting" | "open" | "closed">("connecting");
  const refreshRequested = useRef(false);

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(LIVE_ENDPOINT);
    let debounce: ReturnType<typeof setTimeout> | undefined;
    let openedBefore = false;
    let missedWhileHidden = false;

    const refresh = () => {
      if (document.visibilityState === "hidden") {
        missedWhileHidden = true;
        return;
      }
      clearTimeout(debounce);
      debounce = setTimeout(() => {
        refreshRequested.current = true;
        // Emptied first, so that a second update in a row is announced again.
        setStatus("");
        startTransition(() => router.refresh());
      }, DEBOUNCE_MS);
    };

    const onChange = (event: MessageEvent<string>) => {
      if (!personId) return refresh();
      try {
        const data = JSON.parse(event.data) as { personId?: unknown };
        if (data.personId === personId) refresh();
      } catch {
        // not an event this page understands
      }
    };
    // The server lost track of changes for a moment, or this stream is a reconnection: catch up.
    const onResync = () => refresh();
    const onOpen = () => {
      setConnection("open");
      if (openedBefore) refresh();
      openedBefore = true;
    };
    // EventSource retries by itself after a dropped connection; it gives up only on a refusal (401, 403).
    const onError = () => setConnection(source.readyState === EventSource.CLOSED ? "closed" : "connecting");
    const onVisible = () => {
      if (document.visibilityState === "visible" && missedWhileHidden) {
        missedWhileHidden = false;
        refresh();
      }
    };

    source.addEventListener("change", onChange);
    source.addEventListener("resync", onResync);
    source.addEventListener("open", onOpen);
    source.addEventListener("error", onError);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearTimeout(debounce);
      document.removeEventListener("visibilitychange", onVisible);
      source.close();
    };
  }, [personId, router]);

  // Say so once the new content is on the page, not when the reload was asked for.
  useEffect(() => {
    if (isRefreshing || !refreshRequested.current) return;
    refreshRequested.current = false;
    setStatus("Updated just now");
    const clear = setTimeout(() => setStatus(""), STATUS_SHOWN_MS);
    return () => clearTimeout(clear);
  }, [isRefreshing]);

  return (
    // Always in the page, so screen readers know the region before it speaks; takes no space while empty.
    <p role="status" data-testid="live-status" data-connection={connection} className={`mb-4 text-base text-muted empty:mb-0 ${className}`}>
      {status}
    </p>
  );
}
