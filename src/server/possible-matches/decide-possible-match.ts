import "server-only";
import { z } from "zod";
import { typedText } from "@/domain/input/text";
import { wholeNumber } from "@/domain/input/whole-number";
import { POSSIBLE_MATCH_DECISIONS, POSSIBLE_MATCH_NOTE_MAX, type PossibleMatchDecision } from "@/domain/possible-match/possible-match";
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

export const decidePossibleMatchSchema = z.object({
  matchId: z.uuid("Possible match not found"),
  version: wholeNumber("Reload the page and try again: the form is out of date"),
  decision: z.enum(POSSIBLE_MATCH_DECISIONS, { error: "Select whether these are the same person" }),
  note: typedText({ multiline: true })
    .trim()
    .min(1, "Enter a note on how you checked")
    .max(POSSIBLE_MATCH_NOTE_MAX, `Enter ${POSSIBLE_MATCH_NOTE_MAX} characters or fewer`),
});

export type DecidedMatch = { matchId: string; decision: PossibleMatchDecision };

/**
 * The coordinator records whether two flagged people are the same person, with a note (kept in the
 * match's decision history, never in the audit row). At the version the form was shown; a decided
 * match is not decided again until the decision is undone (undo-possible-match-decision.ts). "Same person" writes a timeline entry on both people (which never names the other record)
 * and tells the leads of the agencies that logged each rescue about their own person, so they can set
 * the re-trafficking safety flag; "not the same" is only the match row and the audit row.
 */
export async function decidePossibleMatch(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<DecidedMatch>> {
  await requirePermission(db, actor, "possible_match.review", { entity: "PossibleMatch", entityId: idFromInput(rawInput, "matchId") });
  const parsed = decidePossibleMatchSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;

  const match = await db.possibleMatch.findFirst({
    where: { AND: [{ id: input.matchId }, reviewableMatches(actor)] },
    select: {
      id: true,
      state: true,
      version: true,
      person: LOGGED_PERSON_SELECT,
      earlierPerson: LOGGED_PERSON_SELECT,
    },
  });
  if (!match) {
    await recordAudit(db, actor, { action: "possible_match.decide", entity: "PossibleMatch", entityId: input.matchId, outcome: "denied" });
    throw new NotFoundError("PossibleMatch");
  }
  if (match.state !== "OPEN") return refused("already-decided", "This possible match was decided already: check the case as it is now.");
  if (match.version !== input.version) return refused("stale-version", "Someone else changed this possible match while you were looking at it. Reload the page.");

  const decided = await db.$transaction(async (tx) => {
    const { count } = await tx.possibleMatch.updateMany({
      where: { id: match.id, state: "OPEN", version: input.version },
      data: { state: input.decision, decidedById: actor.id, decidedAt: now, version: { increment: 1 } },
    });
    if (count === 0) return false;
    const decision = await tx.possibleMatchDecision.create({
      data: { matchId: match.id, decision: input.decision, note: input.note, decidedById: actor.id, decidedAt: now },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "possible_match.decide",
      entity: "PossibleMatch",
      entityId: match.id,
      changes: { state: { before: "OPEN", after: input.decision } },
    });
    if (input.decision === "SAME_PERSON") {
      for (const person of [match.person, match.earlierPerson]) {
        await recordTimeline(tx, actor, { personId: person.id, kind: "EARLIER_RESCUE_CONFIRMED", occurredAt: now });
      }
      await tellLoggingAgencies(tx, actor, [match.person, match.earlierPerson], {
        kind: "EARLIER_RESCUE_CONFIRMED",
        // Per decision: a pair decided, undone and decided again tells the leads again.
        dedupeKeyOf: (person) => `earlier-rescue:${decision.id}:${person.id}`,
        titleOf: (person) => `${person.caseReference} was rescued before`,
        bodyOf: (person) =>
          `The partnership coordinator confirmed that ${person.caseReference} is the same person as an earlier record. Re-trafficking is a risk: check the safety flags.`,
      });
    }
    return true;
  });
  if (!decided) return refused("already-decided", "This possible match was decided already: check the case as it is now.");
  if (input.decision === "SAME_PERSON") await publishChangesAfterCommit(db, [match.person.id, match.earlierPerson.id]);
  return ok({ matchId: match.id, decision: input.decision });
}
