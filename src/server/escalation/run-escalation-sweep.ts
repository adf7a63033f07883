import "server-only";
import { Prisma, type EscalationLevel, type Role } from "@/generated/prisma/client";
import { getSuppressionThreshold } from "../partnership/get-suppression-threshold";
import type { Db } from "../db/create-client";
import { CLOCK_RUNNING_SQL } from "../pathway/stage-filters";
import { notifyEach, type Notice } from "../notifications/notify";
import { coordinatorNotice, leadNotice, pccSummaryNotice, type OverdueStage } from "./escalation-notices";

type Tx = Prisma.TransactionClient;

// Any constant will do, as long as nothing else in the database locks on it: two sweeps (two server
// processes, or a runner restarted while the old one was still finishing) take turns.
export const ESCALATION_SWEEP_LOCK = 7_461_001;

/**
 * Stages escalated per level in one sweep. A backlog (the runner was off for a day) is worked off a
 * batch a minute instead of in one long transaction.
 */
export const SWEEP_BATCH = 500;

export type SweepResult = {
  raised: Record<EscalationLevel, number>;
  notices: number;
};

const LEVELS: readonly EscalationLevel[] = ["AGENCY_LEAD", "COORDINATOR", "PCC_OFFICE"];

/** How long past its due time a stage must be before each level hears of it. */
function minutesBeforeLevel(level: EscalationLevel): Prisma.Sql {
  switch (level) {
    case "AGENCY_LEAD":
      return Prisma.sql`0`;
    case "COORDINATOR":
      return Prisma.sql`pa."escalateToCoordinatorAfterMinutes"`;
    case "PCC_OFFICE":
      return Prisma.sql`pa."escalateToPccAfterMinutes"`;
  }
}

// The person's record key goes only into the PCC office's counts, as a key sum (decision record 0018).
type FoundStage = Omit<OverdueStage, "escalationId"> & { ownerAgencyId: string; partnershipId: string; cellKey: number; clockRound: number };

/**
 * Open stages of live people that are overdue long enough for `level` and have not been escalated to
 * it. Paused stages do not escalate (their clock is stopped); paused time already spent moves the due
 * time later. Done in SQL: only the stages to escalate ever reach Node.
 */
async function findStagesToEscalate(tx: Tx, level: EscalationLevel, now: Date): Promise<FoundStage[]> {
  const due = Prisma.sql`(s."dueAt" + s."pausedMs" * interval '1 millisecond')`;
  return tx.$queryRaw<FoundStage[]>`
    SELECT s.id AS "stageId", s."personId", p."caseReference", st.title AS "stageTitle",
           s."ownerAgencyId", a.name AS "ownerAgencyName", r."partnershipId", ${due} AS "dueAt", p."cellKey", s."clockRound"
    FROM "Stage" s
    JOIN "Person" p ON p.id = s."personId"
    JOIN "Rescue" r ON r.id = p."rescueId"
    JOIN "Partnership" pa ON pa.id = r."partnershipId"
    JOIN "PathwayStageTemplate" st ON st.id = s."templateStageId"
    JOIN "Agency" a ON a.id = s."ownerAgencyId"
    WHERE ${CLOCK_RUNNING_SQL}
      AND p."closedAt" IS NULL
      AND s."dueAt" < ${now}::timestamptz
      AND ${due} < ${now}::timestamptz
      AND ${due} + ${minutesBeforeLevel(level)} * interval '1 minute' <= ${now}::timestamptz
      AND NOT EXISTS (
        SELECT 1 FROM "Escalation" e
        WHERE e."stageId" = s.id AND e.level = ${level}::"EscalationLevel" AND e."clockRound" = s."clockRound"
      )
    ORDER BY ${due}, s.id
    LIMIT ${SWEEP_BATCH}`;
}

/** Active users with `role` in the given agencies (or in any agency of the given partnerships). */
async function recipientsBy(
  tx: Tx,
  role: Role,
  scope: { agencyIds: string[] } | { partnershipIds: string[] },
): Promise<Map<string, string[]>> {
  const byAgency = "agencyIds" in scope;
  const ids = byAgency ? scope.agencyIds : scope.partnershipIds;
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const users = await tx.user.findMany({
    where: { role, active: true, ...(byAgency ? { agencyId: { in: ids } } : { agency: { partnershipId: { in: ids } } }) },
    select: { id: true, agencyId: true, agency: { select: { partnershipId: true } } },
    orderBy: { id: "asc" },
  });
  for (const user of users) {
    const key = byAgency ? user.agencyId : user.agency.partnershipId;
    map.set(key, [...(map.get(key) ?? []), user.id]);
  }
  return map;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * Finds overdue stages and escalates each once per level: the owning agency's leads as soon as it is
 * overdue, the partnership's coordinators after `escalateToCoordinatorAfterMinutes` more, and the PCC
 * office (one aggregate notice, counts only) after `escalateToPccAfterMinutes`. The Escalation rows
 * and the notices are written in one transaction under an advisory lock, so a repeated, concurrent or
 * restarted sweep sends nothing twice, and a sweep that fails half-way sends nothing at all.
 */
export async function runEscalationSweep(db: Db, now = new Date()): Promise<SweepResult> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ESCALATION_SWEEP_LOCK}::bigint)`;
      const raised = { AGENCY_LEAD: 0, COORDINATOR: 0, PCC_OFFICE: 0 } satisfies Record<EscalationLevel, number>;
      const sends: { recipientIds: string[]; notice: Notice }[] = [];

      for (const level of LEVELS) {
        const found = await findStagesToEscalate(tx, level, now);
        if (found.length === 0) continue;
        const created = await tx.escalation.createManyAndReturn({
          // A stage restarted by a reopened case is a new round: it escalates again, once per round.
          data: found.map((stage) => ({ stageId: stage.stageId, level, raisedAt: now, clockRound: stage.clockRound })),
          skipDuplicates: true,
          select: { id: true, stageId: true },
        });
        raised[level] = created.length;
        const escalationIdOf = new Map(created.map((row) => [row.stageId, row.id]));
        const escalated = found.flatMap((stage) => {
          const escalationId = escalationIdOf.get(stage.stageId);
          return escalationId ? [{ ...stage, escalationId }] : [];
        });

        if (level === "AGENCY_LEAD") {
          const leads = await recipientsBy(tx, "AGENCY_LEAD", { agencyIds: unique(escalated.map((s) => s.ownerAgencyId)) });
          for (const stage of escalated) sends.push({ recipientIds: leads.get(stage.ownerAgencyId) ?? [], notice: leadNotice(stage, now) });
        } else if (level === "COORDINATOR") {
          const coordinators = await recipientsBy(tx, "COORDINATOR", { partnershipIds: unique(escalated.map((s) => s.partnershipId)) });
          for (const stage of escalated) {
            sends.push({ recipientIds: coordinators.get(stage.partnershipId) ?? [], notice: coordinatorNotice(stage, now) });
          }
        } else {
          const partnershipIds = unique(escalated.map((s) => s.partnershipId));
          const pccOffice = await recipientsBy(tx, "PCC_OFFICE", { partnershipIds });
          for (const partnershipId of partnershipIds) {
            // Only the stage and its owner go in: the PCC office never learns which case.
            const counted = escalated
              .filter((s) => s.partnershipId === partnershipId)
              .map(({ escalationId, stageTitle, ownerAgencyName, cellKey }) => ({ escalationId, stageTitle, ownerAgencyName, cellKey }));
            const threshold = await getSuppressionThreshold(tx, partnershipId);
            sends.push({ recipientIds: pccOffice.get(partnershipId) ?? [], notice: pccSummaryNotice(counted, threshold) });
          }
        }
      }

      const notices = await notifyEach(tx, sends);
      return { raised, notices };
    },
    // Waits behind a concurrent sweep's lock rather than failing; a big backlog batch takes a while.
    { maxWait: 30_000, timeout: 120_000 },
  );
}
