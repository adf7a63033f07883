"use client";

import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { IDLE_WARNING_MS, LAST_SEEN_WRITE_INTERVAL_MS } from "@/domain/session/session-lifetime";
import { describeTimeLeft, describeTimeLeftForScreenReaders } from "./time-left";

export type SessionTimeoutProps = {
  /** From the server's check of this request: how long until the session ends if nothing happens. */
  msLeft: number;
  /** Until the 8-hour limit: when it comes first, staying signed in cannot help. */
  msUntilLimit: number;
  idleTimeoutMinutes: number;
  /** A server action that is itself activity and answers the new time left. */
  staySignedIn: () => Promise<{ msLeft: number }>;
  signOut: () => Promise<void>;
};

// Tabs of the same browser share one session: activity in one moves every tab's deadline.
const CHANNEL = "vcp-session";
// Leave after the server's deadline, never before: loading the sign-in page early would count as activity.
const SAFETY_MARGIN_MS = 1_000;

/**
 * GOV.UK's timeout warning. Two minutes before the session ends, a modal dialog says so and offers
 * "Stay signed in" (Escape does the same) or "Sign out"; at the end the page goes to the sign-in page,
 * which says why. The deadline comes from the server (rendered by the app layout, and answered by
 * every "Stay signed in"); client-side navigations are reported as activity at most once a minute,
 * because the server does not count the fetches they make (src/server/auth/request-activity.ts).
 */
export function SessionTimeout({ msLeft, msUntilLimit, idleTimeoutMinutes, staySignedIn, signOut }: SessionTimeoutProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const deadline = useRef(0);
  const limitDeadline = useRef(0);
  const lastReported = useRef(0);
  const channel = useRef<BroadcastChannel | null>(null);
  const [warning, setWarning] = useState<Warning | null>(null);
  const pathname = usePathname();
  const firstPathname = useRef(pathname);

  // When the 8-hour limit comes before the idle timeout, staying signed in cannot help.
  const atLimit = useCallback(() => deadline.current >= limitDeadline.current - SAFETY_MARGIN_MS, []);

  const tick = useCallback(() => {
    const left = deadline.current - Date.now();
    if (left <= -SAFETY_MARGIN_MS) {
      // A full load, not router.push: nothing of the pages seen stays in the client-side router cache.
      window.location.assign(atLimit() ? "/sign-in?expired=1" : `/sign-in?timedOut=${idleTimeoutMinutes}`);
      return;
    }
    if (left <= IDLE_WARNING_MS) {
      if (!dialog.current?.open) dialog.current?.showModal();
      setWarning((previous) => nextWarning(previous, left, atLimit()));
    } else {
      if (dialog.current?.open) dialog.current.close();
      setWarning(null);
    }
  }, [idleTimeoutMinutes, atLimit]);

  const adoptDeadline = useCallback(
    (next: number, tell: boolean) => {
      deadline.current = next;
      if (tell) channel.current?.postMessage({ deadline: next });
      tick();
    },
    [tick],
  );

  const reportActivity = useCallback(async () => {
    lastReported.current = Date.now();
    try {
      const answer = await staySignedIn();
      adoptDeadline(Date.now() + answer.msLeft, true);
    } catch {
      // Signed out meanwhile (another tab, or the cookie is gone): the answer is not an action result.
      // A full load, like the timeout's, so no page of records stays in the client-side router cache.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign("/sign-in");
    }
  }, [staySignedIn, adoptDeadline]);

  // A new answer from the server (first render, or the layout rendered again by router.refresh()).
  useEffect(() => {
    limitDeadline.current = Date.now() + msUntilLimit;
    lastReported.current = Date.now();
    adoptDeadline(Date.now() + msLeft, true);
  }, [msLeft, msUntilLimit, adoptDeadline]);

  useEffect(() => {
    const interval = setInterval(tick, 1_000);
    const onVisible = () => document.visibilityState === "visible" && tick();
    document.addEventListener("visibilitychange", onVisible);
    if (typeof BroadcastChannel !== "undefined") {
      channel.current = new BroadcastChannel(CHANNEL);
      channel.current.onmessage = (event: MessageEvent<{ deadline?: unknown }>) => {
        const next = event.data?.deadline;
        if (typeof next === "number" && next > deadline.current) adoptDeadline(next, false);
      };
    }
    // Marks the page as counting down, for anything that must not act before the deadline is known.
    const element = dialog.current;
    element?.setAttribute("data-watching", "");
    return () => {
      element?.removeAttribute("data-watching");
      clearInterval(interval);
      document.removeEventListener("visibilitychange", onVisible);
      channel.current?.close();
      channel.current = null;
    };
  }, [tick, adoptDeadline]);

  useEffect(() => {
    if (pathname === firstPathname.current) return;
    firstPathname.current = pathname;
    if (Date.now() - lastReported.current >= LAST_SEEN_WRITE_INTERVAL_MS) void reportActivity();
  }, [pathname, reportActivity]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== "Tab" || !dialog.current) return;
    const focusable = Array.from(dialog.current.querySelectorAll<HTMLElement>("button:not([disabled])"));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const limit = warning?.atLimit ?? false;
  return (
    <dialog
      ref={dialog}
      aria-labelledby="session-timeout-title"
      aria-describedby="session-timeout-text"
      data-testid="session-timeout"
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        // Escape means "stay signed in", as in GOV.UK's pattern, rather than leaving the warning unanswered.
        event.preventDefault();
        if (!limit) void reportActivity();
        else dialog.current?.close();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-xl border-4 border-ink bg-white p-6 text-ink backdrop:bg-black/70"
    >
      <h2 id="session-timeout-title" className="mb-4 text-2xl font-bold">
        {limit ? "Your session is about to end" : "You’re about to be signed out"}
      </h2>
      <p id="session-timeout-text" className="mb-6 text-lg">
        {limit ? "You can stay signed in for 8 hours at most. " : "For your security, "}
        we will sign you out in{" "}
        <strong aria-hidden="true" data-testid="session-timeout-countdown">
          {warning ? describeTimeLeft(warning.msLeft) : ""}
        </strong>
        <span className="sr-only">{warning?.spokenAtOpen}</span>. Anything you have not saved will be lost.
      </p>
      <p role="status" className="sr-only" data-testid="session-timeout-announcement">
        {warning?.announcement}
      </p>
      <div className="flex flex-wrap items-center gap-6">
        {!limit && (
          <button
            type="button"
            autoFocus
            onClick={() => void reportActivity()}
            className="min-h-11 bg-success px-4 py-2 text-lg font-bold text-white shadow-[0_2px_0_#002d18]"
          >
            Stay signed in
          </button>
        )}
        <form action={signOut}>
          <button type="submit" autoFocus={limit} className="min-h-11 cursor-pointer py-2 text-lg font-bold text-link underline">
            Sign out
          </button>
        </form>
      </div>
    </dialog>
  );
}

type Warning = {
  msLeft: number;
  atLimit: boolean;
  /** Read with the dialog's description when it opens. */
  spokenAtOpen: string;
  /** The live region: changes every half minute after that, never every second. */
  announcement: string;
};

function nextWarning(previous: Warning | null, msLeft: number, atLimit: boolean): Warning {
  const spoken = describeTimeLeftForScreenReaders(msLeft);
  if (!previous) return { msLeft, atLimit, spokenAtOpen: spoken, announcement: "" };
  const announcement = spoken === previous.spokenAtOpen ? previous.announcement : `We will sign you out in ${spoken}.`;
  return { ...previous, msLeft, atLimit, announcement };
}
