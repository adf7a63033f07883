import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * The app's link: Next's, without prefetching. Next prefetches every link a page shows, on sight
 * and on hover; here every page is rendered for its user and never stored, so a queue page set off
 * around 40 renders of pages nobody had asked for (each also a fetch of personal data the user had
 * not chosen to open). A link is fetched when it is followed. `prefetch` can still be set per link.
 */
export default function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
