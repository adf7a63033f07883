import "server-only";
import type { Db } from "../db/create-client";

/**
 * The ids audit rows use for things about one person: the person, their stages, timeline entries,
 * referrals of their stages and break-glass grants on them. Matching all of them finds stage changes
 * and notes as well as views of the record.
 */
export async function auditEntityIdsOfPerson(db: Db, personId: string): Promise<string[]> {
  const [stages, timeline, referrals, grants] = await Promise.all([
    db.stage.findMany({ where: { personId }, select: { id: true } }),
    db.timelineEvent.findMany({ where: { personId }, select: { id: true } }),
    db.referral.findMany({ where: { stage: { personId } }, select: { id: true } }),
    db.breakGlassAccess.findMany({ where: { personId }, select: { id: true } }),
  ]);
  return [personId, ...[stages, timeline, referrals, grants].flat().map((row) => row.id)];
}
