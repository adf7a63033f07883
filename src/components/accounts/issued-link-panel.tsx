"use client";

import { useEffect, useRef, useState } from "react";
import type { IssuedLink } from "@/lib/form-state";

const WHAT_IT_DOES: Record<IssuedLink["purpose"], string> = {
  ACTIVATE: "It lets them set a password and set up their second factor (an authenticator app).",
  RESET_PASSWORD: "It lets them set a new password. Their second factor stays as it is.",
  RESET_SECOND_FACTOR: "It lets them set up their second factor again on a new authenticator app.",
};

/**
 * The one time an administrator sees a link: it is stored nowhere (only its hash is), so it cannot be
 * shown again. Takes focus when it appears, so a screen reader announces it.
 */
export function IssuedLinkPanel({ link, forName, heading }: { link: IssuedLink; forName?: string; heading: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  useEffect(() => ref.current?.focus(), [link.url]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  }

  return (
    <div ref={ref} tabIndex={-1} aria-labelledby="issued-link-title" data-testid="issued-link" className="mb-8 border-4 border-success focus:outline-none">
      <h2 id="issued-link-title" className="bg-success px-4 py-1 text-lg font-bold text-white">
        {heading}
      </h2>
      <div className="space-y-3 p-4">
        <p>
          Give this link to {forName ?? "the account's owner"}. {WHAT_IT_DOES[link.purpose]}
        </p>
        <p className="font-bold">
          The app sends no email. Pass the link on securely (by phone, or in a message only they can read), not in a shared channel. This is the
          only time it is shown: if it is lost, make a new one.
        </p>
        <label htmlFor="issued-link-url" className="block font-bold">
          Link
        </label>
        <input
          id="issued-link-url"
          readOnly
          value={link.url}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full border-2 border-ink bg-white px-2 py-1.5 font-mono text-base break-all"
        />
        <p>
          It works once, until <strong data-testid="issued-link-expiry">{link.expiresAt}</strong> (UK time).
        </p>
        <div className="flex flex-wrap items-center gap-4">
          <button type="button" onClick={copy} className="min-h-11 bg-panel px-4 py-2 text-lg font-bold text-ink shadow-[0_2px_0_#929191]">
            Copy link
          </button>
          <span aria-live="polite">
            {copied === "yes" && "Link copied."}
            {copied === "no" && "Could not copy: select the link and copy it yourself."}
          </span>
        </div>
      </div>
    </div>
  );
}
