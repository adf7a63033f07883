import Link from "@/components/link";
import { requireActor } from "@/server/access/current-actor";
import { getBreakGlassAccess } from "@/server/break-glass/get-break-glass-access";
import { db } from "@/server/db/client";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { recordIdsOrNotFound } from "@/app/_lib/record-ids-or-not-found";
import { BreakGlassFacts } from "../break-glass-facts";
import { ReviewForm } from "./review-form";
import { titled } from "@/components/page-title";

async function BreakGlassReviewPage({ params }: { params: Promise<{ accessId: string }> }) {
  const actor = await requireActor();
  const { accessId } = await recordIdsOrNotFound(params);
  const access = await loadOrNotFound(getBreakGlassAccess(db, actor, accessId));
  return (
    <>
      <Link href="/admin/break-glass" className="mb-6 inline-block">
        Back to break-glass reviews
      </Link>
      <p className="mb-1 text-lg text-muted">Break-glass access</p>
      <h1 className="mb-6 text-4xl font-bold">{access.caseReference}</h1>
      <BreakGlassFacts row={access} />
      {access.reviewedAt ? <p className="font-bold">This access has been reviewed.</p> : <ReviewForm accessId={access.id} />}
    </>
  );
}

export default titled("Review a break-glass access", BreakGlassReviewPage);
