import "server-only";
import { clockInputOf, readClock } from "@/domain/pathway/clock";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { PERSON_CLOCK_SELECT, STAGE_CLOCK_SELECT } from "../pathway/clock-select";
import { OPEN_STAGE_WHERE } from "../pathway/stage-filters";

export type TeamMemberLoad = { userId: string; name: string; role: string; open: number; overdue: number };

/**
 * For an agency lead: each active caseworker and lead in their agency with how many open stages they
 * hold and how many of those are overdue, busiest first. Also the people a stage may be assigned to.
 */
export async function listTeamWorkload(db: Db, actor: Actor, now = new Date()): Promise<TeamMemberLoad[]> {
  await requirePermission(db, actor, "team.view", { entity: "Agency", entityId: actor.agencyId });
  const members = await db.user.findMany({
    where: { agencyId: actor.agencyId, active: true, role: { in: ["CASEWORKER", "AGENCY_LEAD"] } },
    select: {
      id: true,
      name: true,
      role: true,
      assignedStages: {
        where: { ownerAgencyId: actor.agencyId, ...OPEN_STAGE_WHERE, person: { closedAt: null } },
        select: { ...STAGE_CLOCK_SELECT, person: { select: PERSON_CLOCK_SELECT } },
      },
    },
    orderBy: { name: "asc" },
  });
  await recordAudit(db, actor, { action: "team.view", entity: "Agency", entityId: actor.agencyId });
  return members
    .map((member) => ({
      userId: member.id,
      name: member.name,
      role: member.role,
      open: member.assignedStages.length,
      overdue: member.assignedStages.filter(
        (stage) => readClock(clockInputOf(stage, stage.person.rescue.occurredAt), now, stage.person.template.atRiskPercent).kind === "overdue",
      ).length,
    }))
    .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.name.localeCompare(b.name));
}
