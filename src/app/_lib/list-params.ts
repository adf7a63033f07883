import type { RawQuery } from "@/domain/lists/list-query";

/**
 * A list page's address parameters as one string, so the page title and the page can share one cached
 * load (React `cache` compares arguments by identity). A repeated parameter (`?status=live&status=closed`)
 * is hostile and counts as not given.
 */
export function listParamsKey(query: RawQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (typeof value === "string") params.set(key, value);
  return params.toString();
}

export function listParamsOf(key: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(key));
}
