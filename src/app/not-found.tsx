import { PageTitle } from "@/components/page-title";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      {/* The title says what the heading says, as an error (GOV.UK: error pages' titles start "Error:").
          A page that calls notFound() is replaced by this one, its title with it: its own ("Person's
          pathway") would say the record is there. */}
      <PageTitle title="Error: Page not found" />
      <h1 className="mb-4 text-4xl font-bold">Page not found</h1>
      <p className="mb-4">If you typed the web address, check it is correct.</p>
      <p className="mb-4">A record you do not have access to is also shown as not found.</p>
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- this boundary is in every route's first load, and next/link here was a second copy of the link code beside the app layout's (3 kB gzip on every page) */}
      <a href="/">Go to the start page</a>
    </main>
  );
}
