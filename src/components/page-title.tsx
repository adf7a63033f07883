import type { ReactNode } from "react";

const SERVICE_NAME = "Victim Care Pathway";

/**
 * The page's <title>: "Close the case – Victim Care Pathway". React puts it in the document's head and
 * takes it out when the page goes, in the same commit as the page itself, so a client-side navigation
 * always leaves exactly the new page's title. Pages do not use Next's `metadata.title`: after a
 * client-side navigation that came soon after a page loaded, Next's separate head swap sometimes left
 * the document with no <title> at all (tests/e2e/page-titles.spec.ts; docs/decisions/0035).
 */
export function PageTitle({ title }: { title: string }) {
  return <title>{`${title} – ${SERVICE_NAME}`}</title>;
}

/**
 * A page with a fixed title: `export default titled("Notifications", NotificationsPage)`. Rendered
 * beside the page, so a page that calls notFound() gets the not-found page's title instead, not its own
 * (which would say the record is there).
 */
export function titled<Props extends object>(title: string, Page: (props: Props) => ReactNode | Promise<ReactNode>) {
  function TitledPage(props: Props) {
    return (
      <>
        <PageTitle title={title} />
        <Page {...props} />
      </>
    );
  }
  TitledPage.displayName = `Titled(${Page.name || "Page"})`;
  return TitledPage;
}
