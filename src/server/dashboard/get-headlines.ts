import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import type { Db } from "../db/create-client";
import { suppressList } from "@/domain/statistics/suppress-table";
import type { PublishedCell } from "@/domain/statistics/published";
import { personConditions, type DashboardFilters } from "./filters";
import { Prisma } from "@/generated/prisma/client";

export type Headlines = { peopleRescued: PublishedCell; rescues: PublishedCell; livePathways: PublishedCell; stagesOverdueNow: PublishedCell };

/**
 * The four headline counts, computed in the database (no person row leaves it), each published under
 * the small-number rule: 1 to 4 is shown as suppressed. They are separate measures, not parts of a
 * total, so each is suppressed on its own.
 */
export async function getHeadlines(db: Db, actor: Actor, filters: DashboardFilters, now = new Date()): Promise<Headlines> {
  await requirePermission(db, actor, "dashboard.view", { entity: "Dashboard" });
  const where = personConditions(actor.partnershipId, filters);
  // Stages carry their own agency: no need to ask whether the person has one of that agency's stages.
  const stageWhere = personConditions(actor.partnershipId, { ...filters, agencyId: null });
  const [row] = await db.$queryRaw<{ people: bigint; rescues: bigint; live: bigint; overdue: bigint }[]>(Prisma.sql`
    SELECT
      (SELECT count(*) FROM "Person" p JOIN "Rescue" r ON r."id" = p."rescueId"
        WHERE ${where} AND r."occurredAt" >= ${filters.period.from} AND r."occurredAt" < ${filters.period.to}) AS people,
      (SELECT count(DISTINCT r."id") FROM "Person" p JOIN "Rescue" r ON r."id" = p."rescueId"
        WHERE ${where} AND r."occurredAt" >= ${filters.period.from} AND r."occurredAt" < ${filters.period.to}) AS rescues,
      (SELECT count(*) FROM "Person" p JOIN "Rescue" r ON r."id" = p."rescueId"
        WHERE ${where} AND p."closedAt" IS NULL) AS live,
      (SELECT count(*) FROM "Stage" s JOIN "Person" p ON p."id" = s."personId" JOIN "Rescue" r ON r."id" = p."rescueId"
        WHERE ${stageWhere} AND p."closedAt" IS NULL AND s."state" IN ('NOT_STARTED', 'IN_PROGRESS')
          AND s."dueAt" + s."pausedMs" * interval '1 millisecond' < ${now}
          ${filters.agencyId ? Prisma.sql`AND s."ownerAgencyId" = ${filters.agencyId}::uuid` : Prisma.empty}) AS overdue
  `);
  const one = (count: bigint | undefined) => suppressList([Number(count ?? 0)]).cells[0]!;
  return { peopleRescued: one(row?.people), rescues: one(row?.rescues), livePathways: one(row?.live), stagesOverdueNow: one(row?.overdue) };
}
