import { perturbCount, publishCount } from "../../src/domain/statistics/cell-key";
import { display } from "../../src/domain/statistics/published";
import type { Db } from "../../src/server/db/create-client";

/**
 * Record keys are random per row (decision record 0018), so a test that expects exact published
 * figures pins them: every person and rescue of the partnership gets `key`. A cell of n of them then
 * has the key sum n × key, and `figure(n, key)` is what the dashboard must publish for it.
 */
export async function pinCellKeys(db: Db, partnershipId: string, key: number): Promise<void> {
  await db.$executeRaw`UPDATE "Person" p SET "cellKey" = ${key} FROM "Rescue" r WHERE r."id" = p."rescueId" AND r."partnershipId" = ${partnershipId}::uuid`;
  await db.$executeRaw`UPDATE "Rescue" SET "cellKey" = ${key} WHERE "partnershipId" = ${partnershipId}::uuid`;
}

/** The published text for a cell of `n` people who all have the record key `key`, from the ptable. */
export function figure(n: number, key: number, threshold = 4): string {
  return display(publishCount(n, n * key, threshold));
}

/** The published share of `part` in `whole` people who all have the record key `key`: from the perturbed counts. */
export function shareFigure(part: number, whole: number, key: number): string {
  return `${Math.round((perturbCount(part, part * key) * 1000) / perturbCount(whole, whole * key)) / 10}%`;
}
