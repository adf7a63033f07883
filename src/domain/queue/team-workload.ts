import type { Clock } from "../pathway/clock";
import type { Role } from "../types";

export type TeamMemberLoad = { userId: string; name: string; role: Role; open: number; overdue: number };

/**
 * For an agency lead: each active caseworker and lead with how many of the agency's open stages they
 * hold and how many of those are overdue, busiest first (most overdue, then most open, then by name).
 */
export function teamWorkload(
  members: readonly { userId: string; name: string; role: Role }[],
  stages: readonly { assigneeId: string | null; clock: Clock }[],
): TeamMemberLoad[] {
  return members
    .map((member) => {
      const held = stages.filter((stage) => stage.assigneeId === member.userId);
      return { ...member, open: held.length, overdue: held.filter((stage) => stage.clock.kind === "overdue").length };
    })
    .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.name.localeCompare(b.name));
}
