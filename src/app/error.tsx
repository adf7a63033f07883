"use client";

import { PageTitle } from "@/components/page-title";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <PageTitle title="Error: Sorry, there is a problem with the service" />
      <h1 className="mb-4 text-4xl font-bold">Sorry, there is a problem with the service</h1>
      <p className="mb-4">Nothing you were saving was half-written. Try again; if it keeps happening, tell your agency lead.</p>
      <button type="button" onClick={reset} className="min-h-11 bg-panel px-4 py-2 font-bold">
        Try again
      </button>
    </main>
  );
}
