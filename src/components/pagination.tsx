import Link from "@/components/link";

/** The pages to offer: the first, the last, and the current one with its neighbours; gaps become "…". */
export function paginationItems(page: number, pageCount: number): (number | "gap")[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const items: (number | "gap")[] = [];
  sorted.forEach((n, i) => {
    const previous = sorted[i - 1];
    if (previous !== undefined && n - previous === 2) items.push(previous + 1);
    else if (previous !== undefined && n - previous > 2) items.push("gap");
    items.push(n);
  });
  return items;
}

const LINK = "inline-flex min-h-11 min-w-11 items-center justify-center px-3 py-2 font-bold";

/**
 * GOV.UK pagination: previous and next, the first and last pages, and those around the current one,
 * which is marked for screen readers (`aria-current`). Nothing is drawn for a single page.
 */
export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pagination" className="mt-6" data-testid="pagination">
      <ul className="flex flex-wrap items-center gap-1">
        {page > 1 && (
          <li>
            <Link href={hrefFor(page - 1)} rel="prev" className={LINK}>
              <span aria-hidden="true">←&nbsp;</span>Previous<span className="sr-only"> page</span>
            </Link>
          </li>
        )}
        {paginationItems(page, pageCount).map((item, i) =>
          item === "gap" ? (
            <li key={`gap-${i}`} className="px-2" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={item}>
              <Link
                href={hrefFor(item)}
                aria-current={item === page ? "page" : undefined}
                className={`${LINK} ${item === page ? "bg-link text-white no-underline" : ""}`}
              >
                <span className="sr-only">Page </span>
                {item}
              </Link>
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <Link href={hrefFor(page + 1)} rel="next" className={LINK}>
              Next<span className="sr-only"> page</span>
              <span aria-hidden="true">&nbsp;→</span>
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
