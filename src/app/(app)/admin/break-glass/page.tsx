import Link from "@/components/link";
import { NotificationBanner } from "@/components/notification-banner";
import { requireActor } from "@/server/access/current-actor";
import { listBreakGlassReviews, type BreakGlassReviewRow } from "@/server/break-glass/list-break-glass-reviews";
import { db } from "@/server/db/client";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { BreakGlassFacts } from "./break-glass-facts";
import { titled } from "@/components/page-title";

async function BreakGlassReviewsPage({ searchParams }: { searchParams: Promise<{ reviewed?: string }> }) {
  const actor = await requireActor();
  const { reviewed: reviewedId } = await searchParams;
  const { waiting, reviewed } = await loadOrNotFound(listBreakGlassReviews(db, actor));
  const justReviewed = reviewed.find((row) => row.id === reviewedId);

  return (
    <>
      {justReviewed && <NotificationBanner>Break-glass access to {justReviewed.caseReference} marked reviewed.</NotificationBanner>}
      <h1 className="mb-2 text-4xl font-bold">Break-glass reviews</h1>
      <p className="mb-8 max-w-2xl text-muted">
        Each time a partnership coordinator opens a person&apos;s identity, it appears here with their reason. Check that each one was
        needed, then mark it reviewed.
      </p>

      <h2 className="mb-4 text-2xl font-bold">Waiting for review ({waiting.length})</h2>
      {waiting.length === 0 ? (
        <p className="mb-10">Nothing is waiting for review.</p>
      ) : (
        <ul className="mb-10 border-t border-line" data-testid="waiting-reviews">
          {waiting.map((row) => (
            <ReviewItem key={row.id} row={row} />
          ))}
        </ul>
      )}

      <h2 className="mb-4 text-2xl font-bold">Recently reviewed</h2>
      {reviewed.length === 0 ? (
        <p>None reviewed yet.</p>
      ) : (
        <ul className="border-t border-line" data-testid="done-reviews">
          {reviewed.map((row) => (
            <ReviewItem key={row.id} row={row} />
          ))}
        </ul>
      )}
    </>
  );
}

function ReviewItem({ row }: { row: BreakGlassReviewRow }) {
  return (
    <li className="border-b border-line py-4" data-testid="break-glass-row">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4">
        <h3 className="text-xl font-bold">{row.caseReference}</h3>
        {!row.reviewedAt && (
          <Link href={`/admin/break-glass/${row.id}`} className="font-bold">
            Review<span className="sr-only"> access to {row.caseReference} by {row.coordinatorName}</span>
          </Link>
        )}
      </div>
      <BreakGlassFacts row={row} />
    </li>
  );
}

export default titled("Break-glass reviews", BreakGlassReviewsPage);
