import { PageTitle } from "@/components/page-title";
import { ServiceHeader } from "@/components/service-header";

/** One page for every link that does not work: unknown, expired, used, revoked or for a switched-off account. */
export default function ActivationLinkNotFound() {
  return (
    <>
      <PageTitle title="Error: This link does not work" />
      <ServiceHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
        <h1 className="mb-6 text-4xl font-bold">This link does not work</h1>
        <p className="mb-4 max-w-2xl">Each link to set up or reset an account works once, for a limited time.</p>
        <p className="max-w-2xl">Ask your administrator for a new link.</p>
      </main>
    </>
  );
}
