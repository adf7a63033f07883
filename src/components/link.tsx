import type { ComponentProps } from "react";

/**
 * The app's link: a plain anchor that the page follows in the app, as Next's `Link` would (no full
 * page load), through the one listener `InAppLinks` puts on the document. Next's `Link` is a client
 * component with its own hooks: a queue page drew about 100 of them, and drawing them was a fifth of
 * the server's work for the page (docs/decisions/0041). Without JavaScript, or before the page's
 * script runs, it is an ordinary link. Nothing is prefetched (docs/decisions/0037): every page is
 * rendered for its user and never stored, and a prefetch would fetch personal data nobody asked for.
 */
export default function Link(props: ComponentProps<"a"> & { href: string }) {
  return <a data-in-app="" {...props} />;
}
