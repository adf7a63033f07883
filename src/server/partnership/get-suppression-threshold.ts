import "server-only";
import { MAX_SUPPRESSION_THRESHOLD, MIN_SUPPRESSION_THRESHOLD } from "@/domain/statistics/published";
import type { Db } from "../db/create-client";

/**
 * The partnership's small-number threshold: counts from 1 to this many are never shown to the PCC
 * office. No permission check: callers (the dashboard, the escalation sweep) have already decided
 * the aggregate may be published; this only says how much of it is hidden.
 */
export async function getSuppressionThreshold(db: Pick<Db, "partnership">, partnershipId: string): Promise<number> {
  const { suppressionThreshold } = await db.partnership.findUniqueOrThrow({
    where: { id: partnershipId },
    select: { suppressionThreshold: true },
  });
  return checkedSuppressionThreshold(partnershipId, suppressionThreshold);
}

/**
 * The threshold as read with other data (the dashboard reads it in its own statement), refused when
 * out of bounds. Only a write from outside the app could store such a value; publishing with a
 * weaker rule is worse than failing.
 */
export function checkedSuppressionThreshold(partnershipId: string, suppressionThreshold: number): number {
  if (
    !Number.isInteger(suppressionThreshold) ||
    suppressionThreshold < MIN_SUPPRESSION_THRESHOLD ||
    suppressionThreshold > MAX_SUPPRESSION_THRESHOLD
  ) {
    throw new RangeError(`Partnership ${partnershipId} has a suppression threshold out of bounds: ${suppressionThreshold}`);
  }
  return suppressionThreshold;
}
