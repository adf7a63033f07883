import Link from "next/link";

/** Pages to number around the current one (GOV.UK pagination): the first, the last, and one either side. */
function numberedPages(page: number, pageCount: number): (number | "gap")[] {
  const shown = new Set([1, pageCount, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pageCount));
  const sorted = [...shown].sort((a, b) => a - b);
  const items: (number | "gap")[] = [];
  for (const n of sorted) {
    const previous = items[items.length - 1];
    if (typeof previous === "number" && n - previous > 1) items.push("gap");
    items.push(n);
  }
  return items;
}

/**
 * GOV.UK pagination for a list whose state lives in the address: previous, numbered pages and next,
 * each a plain link the keyboard reaches. Nothing is drawn for a single page.
 */
export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pagination" className="mt-6" data-testid="pagination">
      <ul className="flex flex-wrap items-center gap-x-2 gap-y-2">
        {page > 1 && (
          <li>
            <Link href={hrefFor(page - 1)} rel="prev" className="inline-block min-h-11 px-2 py-2 font-bold">
              Previous<span className="sr-only"> page</span>
            </Link>
          </li>
        )}
        {numberedPages(page, pageCount).map((item, index) =>
          item === "gap" ? (
            <li key={`gap-${index}`} aria-hidden="true" className="px-1">
              …
            </li>
          ) : (
            <li key={item}>
              {item === page ? (
                <span aria-current="page" className="inline-block min-h-11 min-w-11 bg-ink px-3 py-2 text-center font-bold text-white">
                  <span className="sr-only">Page </span>
                  {item}
                </span>
              ) : (
                <Link href={hrefFor(item)} className="inline-block min-h-11 min-w-11 px-3 py-2 text-center">
                  <span className="sr-only">Page </span>
                  {item}
                </Link>
              )}
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <Link href={hrefFor(page + 1)} rel="next" className="inline-block min-h-11 px-2 py-2 font-bold">
              Next<span className="sr-only"> page</span>
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
