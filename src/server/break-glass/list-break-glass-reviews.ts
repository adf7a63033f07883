import "server-only";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";

export type BreakGlassReviewRow = {
  id: string;
  openedAt: Date;
  expiresAt: Date;
  coordinatorName: string;
  caseReference: string;
  reason: string;
  reviewedAt: Date | null;
  reviewerName: string | null;
  reviewNote: string | null;
};

// Enough to see recent decisions; the audit page holds the whole history.
const REVIEWED_SHOWN = 50;

/**
 * Break-glass accesses in the administrator's partnership: every one waiting for review (oldest
 * first, so none is left behind), then the latest reviewed. The administrator sees who, when, the
 * case reference and the reason, and nothing of the case.
 */
export async function listBreakGlassReviews(db: Db, actor: Actor): Promise<{ waiting: BreakGlassReviewRow[]; reviewed: BreakGlassReviewRow[] }> {
  await requirePermission(db, actor, "break_glass.review", { entity: "BreakGlassAccess" });
  const inPartnership = { person: { rescue: { partnershipId: actor.partnershipId } } };
  const [waiting, reviewed] = await Promise.all([
    db.breakGlassAccess.findMany({ where: { ...inPartnership, reviewedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: REVIEW_COLUMNS }),
    db.breakGlassAccess.findMany({
      where: { ...inPartnership, reviewedAt: { not: null } },
      orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
      take: REVIEWED_SHOWN,
      select: REVIEW_COLUMNS,
    }),
  ]);
  await recordAudit(db, actor, { action: "break_glass.list", entity: "BreakGlassAccess" });
  return { waiting: waiting.map(toRow), reviewed: reviewed.map(toRow) };
}

export const REVIEW_COLUMNS = {
  id: true,
  createdAt: true,
  expiresAt: true,
  reason: true,
  reviewedAt: true,
  reviewNote: true,
  user: { select: { name: true } },
  reviewedBy: { select: { name: true } },
  person: { select: { caseReference: true } },
} as const;

export function toRow(access: {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  reason: string;
  reviewedAt: Date | null;
  reviewNote: string | null;
  user: { name: string };
  reviewedBy: { name: string } | null;
  person: { caseReference: string };
}): BreakGlassReviewRow {
  return {
    id: access.id,
    openedAt: access.createdAt,
    expiresAt: access.expiresAt,
    coordinatorName: access.user.name,
    caseReference: access.person.caseReference,
    reason: access.reason,
    reviewedAt: access.reviewedAt,
    reviewerName: access.reviewedBy?.name ?? null,
    reviewNote: access.reviewNote,
  };
}
