import { redirect } from "next/navigation";
import { listHref, parseListQuery, type RawQuery } from "@/domain/lists/list-query";

/**
 * A list page's address parameters, one value each. A repeated parameter (`?status=live&status=closed`)
 * is hostile and counts as not given.
 */
export function listParams(query: RawQuery): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/**
 * A list's address in its one written form: a GET form sends every field, blank ones too
 * (`?q=&status=closed&age=&agency=&sort=rescued`), and a crafted address may carry values the list
 * ignores. Either is sent to the address that says only what the view is, so the address bar, a
 * bookmark and the browser's history all read the same for the same view.
 */
export function redirectToCanonicalList(path: string, raw: RawQuery, kind: "people" | "cases"): void {
  redirectToCanonical(raw, listHref(path, parseListQuery(raw, kind)));
}

/**
 * The same for any list, given its canonical address. `passThrough` names parameters that are not part
 * of the view (a confirmation banner's flag): they neither make an address non-canonical nor survive a
 * redirect.
 */
export function redirectToCanonical(raw: RawQuery, canonical: string, passThrough: readonly string[] = []): void {
  const sorted = (params: URLSearchParams) => [...params.entries()].map(([k, v]) => `${k}=${v}`).sort().join("&");
  const given = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    if (passThrough.includes(key)) continue;
    if (typeof value === "string") given.append(key, value);
    else for (const each of value ?? []) given.append(key, each);
  }
  if (sorted(given) !== sorted(new URL(canonical, "http://list.invalid").searchParams)) redirect(canonical);
}
