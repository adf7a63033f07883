"use client";

import { useEffect, useRef } from "react";

/**
 * Confirms an action that just succeeded (GOV.UK "success" notification banner). It is shown after a
 * redirect, so it takes focus as it appears and is an alert: a keyboard or screen-reader user hears
 * what happened and carries on from here, not from the top of a page they did not ask to reload. It
 * focuses once, when it first appears; a live refresh of the same page does not take focus again.
 */
export function NotificationBanner({ title = "Success", children }: { title?: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      aria-labelledby="banner-title"
      data-testid="notification-banner"
      data-takes-focus=""
      className="mb-8 border-4 border-success focus:outline-3 focus:outline-offset-0 focus:outline-focus focus-visible:bg-white focus-visible:shadow-none"
    >
      <h2 id="banner-title" className="bg-success px-4 py-1 text-base font-bold text-white">
        {title}
      </h2>
      <div className="p-4 text-lg font-bold">{children}</div>
    </div>
  );
}
