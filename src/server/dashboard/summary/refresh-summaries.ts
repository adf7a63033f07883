import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { DURATION_BAND_COUNT, DURATION_BAND_EDGES_MINUTES } from "@/domain/statistics/duration-bands";
import type { Db } from "../../db/create-client";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Rebuilds the dashboard's month summaries (DashboardStageMonth, DashboardPersonMonth) for every
 * month of the partnership that triggers have marked stale, from the live tables, and clears the
 * marks: afterwards the summaries say exactly what the live tables say. Returns the months rebuilt.
 *
 * One rebuild at a time per partnership (an advisory lock); a second caller waits, then finds
 * nothing stale. A change committed while a rebuild runs marks its month stale again, so the next
 * rebuild picks it up: a mark is only cleared by the rebuild that reads the change.
 */
export async function refreshDashboardSummaries(db: Db, partnershipId: string): Promise<Date[]> {
  const stale = await db.dashboardStaleMonth.count({ where: { partnershipId } });
  if (stale === 0) return [];
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('dashboard-summaries'), hashtext(${partnershipId}))`;
      const marks = await tx.$queryRaw<{ month: Date }[]>`
        DELETE FROM "DashboardStaleMonth" WHERE "partnershipId" = ${partnershipId}::uuid RETURNING "month"`;
      if (marks.length === 0) return [];
      const months = marks.map((mark) => mark.month);
      await rebuildMonths(tx, partnershipId, months);
      return months;
    },
    { timeout: 5 * 60_000, maxWait: 60_000 },
  );
}

/** Rebuilds every partnership's stale months (the job runner's minute task); returns how many. */
export async function refreshStaleDashboardMonths(db: Db): Promise<number> {
  const partnerships = await db.dashboardStaleMonth.findMany({ distinct: ["partnershipId"], select: { partnershipId: true } });
  let rebuilt = 0;
  for (const { partnershipId } of partnerships) rebuilt += (await refreshDashboardSummaries(db, partnershipId)).length;
  return rebuilt;
}

async function rebuildMonths(tx: Tx, partnershipId: string, months: Date[]) {
  const monthList = Prisma.sql`${months.map((month) => month.toISOString().slice(0, 10))}::date[]`;
  // Rescues whose London month is one of these: a range on the indexed time, then the exact month.
  const first = new Date(Math.min(...months.map(Number)) - 86_400_000);
  const last = new Date(Math.max(...months.map(Number)) + 33 * 86_400_000);
  const rescuesIn = Prisma.sql`r."partnershipId" = ${partnershipId}::uuid
    AND r."occurredAt" >= ${first} AND r."occurredAt" < ${last}
    AND "dashboard_month"(r."occurredAt") = ANY(${monthList})`;
  const edges = Prisma.sql`${DURATION_BAND_EDGES_MINUTES.map(Number)}::float8[]`;
  const bandsOf = (band: Prisma.Sql) =>
    Prisma.sql`ARRAY(SELECT count(b.band)::int FROM generate_series(1, ${DURATION_BAND_COUNT}) AS i(band)
      LEFT JOIN unnest(${band}) AS b(band) ON b.band = i.band GROUP BY i.band ORDER BY i.band)`;

  await tx.$executeRaw`DELETE FROM "DashboardStageMonth" WHERE "partnershipId" = ${partnershipId}::uuid AND "month" = ANY(${monthList})`;
  await tx.$executeRaw`DELETE FROM "DashboardPersonMonth" WHERE "partnershipId" = ${partnershipId}::uuid AND "month" = ANY(${monthList})`;

  await tx.$executeRaw`
    INSERT INTO "DashboardStageMonth" ("partnershipId", "month", "stageKey", "ownerAgencyId", "ageGroup", "gender", "exploitationType",
      "stages", "done", "doneWithinTarget", "doneLate", "doneBands",
      "escalatedToLead", "escalatedToCoordinator", "escalatedToPcc", "escalationsResolved", "resolvedBands",
      "stagesKeySum", "doneKeySum", "doneWithinTargetKeySum", "doneLateKeySum",
      "escalatedToLeadKeySum", "escalatedToCoordinatorKeySum", "escalatedToPccKeySum", "escalationsResolvedKeySum")
    SELECT ${partnershipId}::uuid, f."month", f."stageKey", f."ownerAgencyId", f."ageGroup", f."gender", f."exploitationType",
      count(*)::int,
      count(*) FILTER (WHERE f."done")::int,
      count(*) FILTER (WHERE f."done" AND f."completedAt" <= f."dueAt")::int,
      count(*) FILTER (WHERE f."done" AND f."completedAt" > f."dueAt")::int,
      ${bandsOf(Prisma.sql`array_agg(f."doneBand") FILTER (WHERE f."done")`)},
      count(*) FILTER (WHERE f."toLead")::int,
      count(*) FILTER (WHERE f."toCoordinator")::int,
      count(*) FILTER (WHERE f."toPcc")::int,
      count(*) FILTER (WHERE f."done" AND f."firstEscalatedAt" IS NOT NULL)::int,
      ${bandsOf(Prisma.sql`array_agg(f."resolvedBand") FILTER (WHERE f."done" AND f."firstEscalatedAt" IS NOT NULL)`)},
      sum(f."cellKey")::int,
      coalesce(sum(f."cellKey") FILTER (WHERE f."done"), 0)::int,
      coalesce(sum(f."cellKey") FILTER (WHERE f."done" AND f."completedAt" <= f."dueAt"), 0)::int,
      coalesce(sum(f."cellKey") FILTER (WHERE f."done" AND f."completedAt" > f."dueAt"), 0)::int,
      coalesce(sum(f."cellKey") FILTER (WHERE f."toLead"), 0)::int,
      coalesce(sum(f."cellKey") FILTER (WHERE f."toCoordinator"), 0)::int,
      coalesce(sum(f."cellKey") FILTER (WHERE f."toPcc"), 0)::int,
      coalesce(sum(f."cellKey") FILTER (WHERE f."done" AND f."firstEscalatedAt" IS NOT NULL), 0)::int
    FROM (
      SELECT "dashboard_month"(r."occurredAt") AS "month", t."key" AS "stageKey", s."ownerAgencyId", p."ageGroup", p."gender", p."exploitationType", p."cellKey",
        s."state" = 'DONE' AS "done", s."completedAt", s."dueAt" + s."pausedMs" * interval '1 millisecond' AS "dueAt",
        greatest(1, width_bucket(extract(epoch FROM s."completedAt" - r."occurredAt") / 60, ${edges})) AS "doneBand",
        greatest(1, width_bucket(extract(epoch FROM s."completedAt" - e."firstAt") / 60, ${edges})) AS "resolvedBand",
        e."firstAt" AS "firstEscalatedAt", coalesce(e."toLead", false) AS "toLead",
        coalesce(e."toCoordinator", false) AS "toCoordinator", coalesce(e."toPcc", false) AS "toPcc"
      FROM "Rescue" r
        JOIN "Person" p ON p."rescueId" = r."id"
        JOIN "Stage" s ON s."personId" = p."id"
        JOIN "PathwayStageTemplate" t ON t."id" = s."templateStageId"
        LEFT JOIN LATERAL (
          SELECT min(x."raisedAt") AS "firstAt", bool_or(x."level" = 'AGENCY_LEAD') AS "toLead",
            bool_or(x."level" = 'COORDINATOR') AS "toCoordinator", bool_or(x."level" = 'PCC_OFFICE') AS "toPcc"
          FROM "Escalation" x WHERE x."stageId" = s."id"
        ) e ON true
      WHERE ${rescuesIn}
    ) f
    GROUP BY f."month", f."stageKey", f."ownerAgencyId", f."ageGroup", f."gender", f."exploitationType"`;

  await tx.$executeRaw`
    INSERT INTO "DashboardPersonMonth" ("partnershipId", "month", "ageGroup", "gender", "exploitationType", "nationalityCode",
      "exploitationLocation", "countyLines", "ageAtExploitation", "referrerType",
      "languageRecorded", "nrmOutcome", "agencyIds", "people", "keySum", "rescueIds")
    SELECT ${partnershipId}::uuid, "dashboard_month"(r."occurredAt"), p."ageGroup", p."gender", p."exploitationType", p."nationalityCode",
      p."exploitationLocation", p."countyLines", p."ageAtExploitation", p."referrerType",
      cardinality(p."languages") > 0, x."nrmOutcome", x."agencyIds", count(*)::int,
      sum(p."cellKey")::int, array_agg(r."id")
    FROM "Rescue" r
      JOIN "Person" p ON p."rescueId" = r."id"
      CROSS JOIN LATERAL (
        SELECT coalesce(array_agg(DISTINCT s."ownerAgencyId" ORDER BY s."ownerAgencyId"), '{}') AS "agencyIds",
          coalesce(
            max(s."nrmDecision"::text) FILTER (WHERE s."state" = 'DONE'),
            CASE WHEN bool_or(t."key" = 'child-nrm-referral' AND s."state" = 'DONE') THEN 'CHILD_REFERRAL' END
          ) AS "nrmOutcome"
        FROM "Stage" s JOIN "PathwayStageTemplate" t ON t."id" = s."templateStageId"
        WHERE s."personId" = p."id"
      ) x
    WHERE ${rescuesIn}
    GROUP BY 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13`;
}
