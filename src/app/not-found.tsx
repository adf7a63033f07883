import type { Metadata } from "next";
import Link from "next/link";

// The title says what the heading says, as an error (GOV.UK: error pages' titles start "Error:").
export const metadata: Metadata = { title: "Error: Page not found" };

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <h1 className="mb-4 text-4xl font-bold">Page not found</h1>
      <p className="mb-4">If you typed the web address, check it is correct.</p>
      <p className="mb-4">A record you do not have access to is also shown as not found.</p>
      <Link href="/">Go to the start page</Link>
    </main>
  );
}
