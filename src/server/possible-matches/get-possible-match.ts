import "server-only";
import { z } from "zod";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { POSSIBLE_MATCH_SELECT, possibleMatchView, reviewableMatches, type PossibleMatchView } from "./possible-match-view";

/** One possible earlier rescue, for the coordinator's decision page. Outside the partnership: not found. */
export async function getPossibleMatch(db: Db, actor: Actor, matchId: string): Promise<PossibleMatchView> {
  const id = z.uuid().safeParse(matchId).success ? matchId : undefined;
  await requirePermission(db, actor, "possible_match.review", { entity: "PossibleMatch", entityId: id });
  const row = id ? await db.possibleMatch.findFirst({ where: { AND: [{ id }, reviewableMatches(actor)] }, select: POSSIBLE_MATCH_SELECT }) : null;
  if (!row) {
    await recordAudit(db, actor, { action: "possible_match.view", entity: "PossibleMatch", entityId: id, outcome: "denied" });
    throw new NotFoundError("PossibleMatch");
  }
  await recordAudit(db, actor, { action: "possible_match.view", entity: "PossibleMatch", entityId: row.id });
  return possibleMatchView(row);
}
