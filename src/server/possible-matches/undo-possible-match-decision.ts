import "server-only";
import { z } from "zod";
import { typedText } from "@/domain/input/text";
import { wholeNumber } from "@/domain/input/whole-number";
import { POSSIBLE_MATCH_NOTE_MAX, type PossibleMatchDecision } from "@/domain/possible-match/possible-match";
import { invalid, ok, refused, type Result } from "@/domain/result";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { publishChangesAfterCommit } from "../live/publish";
import { recordTimeline } from "../timeline/record-timeline";
import { reviewableMatches } from "./possible-match-view";
import { LOGGED_PERSON_SELECT, tellLoggingAgencies } from "./tell-logging-agencies";

export const undoPossibleMatchDecisionSchema = z.object({
  matchId: z.uuid("Possible match not found"),
  version: wholeNumber("Reload the page and try again: the form is out of date"),
  reason: typedText({ multiline: true })
    .trim()
    .min(1, "Enter why you are undoing this decision")
    .max(POSSIBLE_MATCH_NOTE_MAX, `Enter ${POSSIBLE_MATCH_NOTE_MAX} characters or fewer`),
});

export type UndoneDecision = { matchId: string; undone: PossibleMatchDecision };

const STALE = "Someone else changed this possible match while you were looking at it. Reload the page.";

/**
 * The coordinator takes a decision back, with a reason: the pair is "to check" again. In one
 * transaction, at the version the form was shown: the match goes back to OPEN, the standing decision
 * row is marked undone (who, when, why; it stays in the history), the audit row, and for "same person"
 * what that decision wrote is answered in kind: each person's timeline says the confirmation was
 * withdrawn (never naming the other record) and the logging agencies' leads are told. The case pages'
 * "earlier rescue" link reads the standing decision, so it goes with it. The reason, like the note, is
 * the coordinator's words: in the history, never in the audit row.
 */
export async function undoPossibleMatchDecision(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<UndoneDecision>> {
  await requirePermission(db, actor, "possible_match.undo", { entity: "PossibleMatch", entityId: idFromInput(rawInput, "matchId") });
  const parsed = undoPossibleMatchDecisionSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;

  const match = await db.possibleMatch.findFirst({
    where: { AND: [{ id: input.matchId }, reviewableMatches(actor)] },
    select: { id: true, state: true, version: true, person: LOGGED_PERSON_SELECT, earlierPerson: LOGGED_PERSON_SELECT },
  });
  if (!match) {
    await recordAudit(db, actor, { action: "possible_match.undo", entity: "PossibleMatch", entityId: input.matchId, outcome: "denied" });
    throw new NotFoundError("PossibleMatch");
  }
  if (match.version !== input.version) return refused("stale-version", STALE);
  if (match.state === "OPEN") return refused("not-decided", "This possible match has no decision to undo: it is waiting to be checked.");
  const undone: PossibleMatchDecision = match.state;

  const written = await db.$transaction(async (tx) => {
    // Conditional on the state and version shown: of two coordinators undoing (or one deciding) at once, one wins.
    const { count } = await tx.possibleMatch.updateMany({
      where: { id: match.id, state: undone, version: input.version },
      data: { state: "OPEN", decidedById: null, decidedAt: null, version: { increment: 1 } },
    });
    if (count === 0) return null;
    const standing = await tx.possibleMatchDecision.findFirst({ where: { matchId: match.id, undoneAt: null }, select: { id: true } });
    // Every decision writes its row (and the migration wrote the earlier ones): a decided match without one is a fault.
    if (!standing) throw new Error(`Possible match ${match.id} is decided but has no standing decision`);
    await tx.possibleMatchDecision.update({ where: { id: standing.id }, data: { undoneAt: now, undoneById: actor.id, undoReason: input.reason } });
    await recordAudit(tx, actor, {
      action: "possible_match.undo",
      entity: "PossibleMatch",
      entityId: match.id,
      changes: { state: { before: undone, after: "OPEN" } },
    });
    if (undone === "SAME_PERSON") {
      for (const person of [match.person, match.earlierPerson]) {
        await recordTimeline(tx, actor, { personId: person.id, kind: "EARLIER_RESCUE_WITHDRAWN", occurredAt: now });
      }
      await tellLoggingAgencies(tx, actor, [match.person, match.earlierPerson], {
        kind: "EARLIER_RESCUE_WITHDRAWN",
        dedupeKeyOf: (person) => `earlier-rescue-withdrawn:${standing.id}:${person.id}`,
        titleOf: (person) => `${person.caseReference}: earlier rescue withdrawn`,
        bodyOf: (person) =>
          `The partnership coordinator withdrew the confirmation that ${person.caseReference} is the same person as an earlier record, and is checking again. Review the safety flags you set because of it.`,
      });
    }
    return standing.id;
  });
  if (!written) return refused("stale-version", STALE);
  if (undone === "SAME_PERSON") await publishChangesAfterCommit(db, [match.person.id, match.earlierPerson.id]);
  return ok({ matchId: match.id, undone });
}
