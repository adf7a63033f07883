"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * After in-app navigation the browser keeps focus on the link that was followed (often in the main
 * navigation, which stays on screen), so the next Tab would skip the new page's start. Like a full
 * page load, focus goes back to the top of the document: the next Tab reaches the skip link. A
 * confirmation banner or error summary that takes focus on the new page keeps it.
 */
export function RouteFocusReset() {
  const pathname = usePathname();
  const ref = useRef<HTMLDivElement>(null);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (document.activeElement?.closest("[data-takes-focus]")) return;
    ref.current?.focus({ preventScroll: true });
  }, [pathname]);

  return <div ref={ref} tabIndex={-1} className="sr-only" data-testid="route-focus-start" />;
}
