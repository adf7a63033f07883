import "server-only";
import type { NoteSensitivity, TimelineKind } from "@/generated/prisma/client";
import type { TimelineKind as DomainTimelineKind } from "@/domain/pathway/timeline-entry";
import type { Actor } from "../access/actor";
import type { Db } from "../db/create-client";

export type TimelineEntry = {
  personId: string;
  stageId?: string | null;
  kind: TimelineKind;
  text?: string | null;
  sensitivity?: NoteSensitivity;
  occurredAt: Date;
};

/**
 * Writes one entry on a person's timeline, in the caller's transaction, with who did it: the actor,
 * their agency and role as they were at the time (a later move to another agency does not rewrite it).
 */
export function recordTimeline(tx: Pick<Db, "timelineEvent">, actor: Actor, entry: TimelineEntry) {
  return tx.timelineEvent.create({
    data: { ...entry, actorId: actor.id, actorAgencyId: actor.agencyId, actorRole: actor.role },
    select: { id: true },
  });
}

// The domain's list of kinds (which the timeline words switch over) must be the database enum, both
// ways: a kind added to the schema without words, or words for a kind the schema lacks, fails the type check.
type SameKinds = [TimelineKind] extends [DomainTimelineKind] ? ([DomainTimelineKind] extends [TimelineKind] ? true : never) : never;
export const TIMELINE_KINDS_MATCH: SameKinds = true;
