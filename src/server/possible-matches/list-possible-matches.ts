import "server-only";
import {
  MATCH_LIST_PAGE_SIZE,
  MATCH_LIST_VIEW_STATES,
  parseMatchListQuery,
  type MatchListQuery,
} from "@/domain/possible-match/match-list-query";
import type { RawQuery } from "@/domain/lists/list-query";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { POSSIBLE_MATCH_SELECT, possibleMatchView, reviewableMatches, type PossibleMatchView } from "./possible-match-view";

export type PossibleMatchList = {
  query: MatchListQuery;
  total: number;
  /** The page shown: a page past the last is the last page. */
  page: number;
  pageCount: number;
  rows: PossibleMatchView[];
};

/**
 * The partnership coordinator's possible earlier rescues, 50 a page with the total, pseudonymised:
 * case references, age groups, rescue dates, why they matched and the agencies involved (identity only
 * through break-glass on each case). One view at a time, from the address: still to check (newest
 * flagged first), or decided the same person or different people (newest decision first). Paged in
 * SQL: a COUNT and a LIMIT/OFFSET on the (partnership, state, time) indexes.
 */
export async function listPossibleMatches(db: Db, actor: Actor, raw: RawQuery): Promise<PossibleMatchList> {
  await requirePermission(db, actor, "possible_match.review", { entity: "PossibleMatch" });
  const query = parseMatchListQuery(raw);
  const state = MATCH_LIST_VIEW_STATES[query.state];
  const where: Prisma.PossibleMatchWhereInput = { AND: [reviewableMatches(actor), { state }] };
  const orderBy: Prisma.PossibleMatchOrderByWithRelationInput[] =
    state === "OPEN" ? [{ createdAt: "desc" }, { id: "desc" }] : [{ decidedAt: "desc" }, { id: "desc" }];

  const total = await db.possibleMatch.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / MATCH_LIST_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows =
    total === 0
      ? []
      : await db.possibleMatch.findMany({ where, orderBy, skip: (page - 1) * MATCH_LIST_PAGE_SIZE, take: MATCH_LIST_PAGE_SIZE, select: POSSIBLE_MATCH_SELECT });
  await recordAudit(db, actor, {
    action: "possible_match.list",
    entity: "PossibleMatch",
    changes: { results: { before: null, after: total }, view: { before: null, after: query.state } },
  });
  return { query, total, page, pageCount, rows: rows.map(possibleMatchView) };
}
