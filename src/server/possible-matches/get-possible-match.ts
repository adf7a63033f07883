import "server-only";
import { z } from "zod";
import { roleHasPermission } from "@/domain/access/permissions";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import {
  MATCH_DECISIONS_SELECT,
  matchDecisionView,
  POSSIBLE_MATCH_SELECT,
  possibleMatchView,
  reviewableMatches,
  type MatchDecisionView,
  type PossibleMatchView,
} from "./possible-match-view";

export type PossibleMatchDetail = PossibleMatchView & {
  /** Every decision on the pair, newest first, undone ones too: nothing is deleted. */
  decisions: MatchDecisionView[];
  canUndo: boolean;
};

/** One possible earlier rescue, for the coordinator's decision page. Outside the partnership: not found. */
export async function getPossibleMatch(db: Db, actor: Actor, matchId: string): Promise<PossibleMatchDetail> {
  const id = z.uuid().safeParse(matchId).success ? matchId : undefined;
  await requirePermission(db, actor, "possible_match.review", { entity: "PossibleMatch", entityId: id });
  const row = id
    ? await db.possibleMatch.findFirst({
        where: { AND: [{ id }, reviewableMatches(actor)] },
        select: { ...POSSIBLE_MATCH_SELECT, decisions: MATCH_DECISIONS_SELECT },
      })
    : null;
  if (!row) {
    await recordAudit(db, actor, { action: "possible_match.view", entity: "PossibleMatch", entityId: id, outcome: "denied" });
    throw new NotFoundError("PossibleMatch");
  }
  await recordAudit(db, actor, { action: "possible_match.view", entity: "PossibleMatch", entityId: row.id });
  return {
    ...possibleMatchView(row),
    decisions: row.decisions.map(matchDecisionView),
    canUndo: row.state !== "OPEN" && roleHasPermission(actor.role, "possible_match.undo"),
  };
}
