"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Follows the app's links (`@/components/link`: anchors marked `data-in-app`) in the app: the next
 * page's RSC payload, not a full page load, as Next's `Link` does on a click. One listener on the
 * document, after React's own (so a handler that called preventDefault is respected); a click with a
 * modifier key or another button, a link with a target or a download, a link to another origin and
 * one to a place on this same page are left to the browser.
 */
export function InAppLinks() {
  const router = useRouter();
  useEffect(() => {
    function follow(event: MouseEvent) {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest("a[data-in-app]") : null;
      if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== "_self") || link.hasAttribute("download")) return;
      const url = new URL(link.href);
      if (url.origin !== window.location.origin) return;
      if (url.hash && url.pathname === window.location.pathname && url.search === window.location.search) return;
      event.preventDefault();
      router.push(`${url.pathname}${url.search}${url.hash}`);
    }
    document.addEventListener("click", follow);
    return () => document.removeEventListener("click", follow);
  }, [router]);
  return null;
}
