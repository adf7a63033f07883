import "server-only";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { POSSIBLE_MATCH_SELECT, possibleMatchView, reviewableMatches, type PossibleMatchView } from "./possible-match-view";

export const POSSIBLE_MATCH_PAGE_SIZE = 50;

/**
 * The partnership coordinator's list of possible earlier rescues still to check, oldest first (the
 * longest waiting), pseudonymised: case references, age groups, rescue dates, why they matched and the
 * agencies involved. Identity only through break-glass on each case.
 */
export async function listOpenPossibleMatches(db: Db, actor: Actor): Promise<{ total: number; rows: PossibleMatchView[] }> {
  await requirePermission(db, actor, "possible_match.review", { entity: "PossibleMatch" });
  const where = { AND: [reviewableMatches(actor), { state: "OPEN" as const }] };
  const [total, rows] = await Promise.all([
    db.possibleMatch.count({ where }),
    db.possibleMatch.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: POSSIBLE_MATCH_PAGE_SIZE, select: POSSIBLE_MATCH_SELECT }),
  ]);
  await recordAudit(db, actor, { action: "possible_match.list", entity: "PossibleMatch", changes: { results: { before: null, after: total } } });
  return { total, rows: rows.map(possibleMatchView) };
}
