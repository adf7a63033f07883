import "server-only";
import { OPEN_STAGE_STATES } from "@/domain/pathway/stage-states";
import type { AgeGroup, StageState } from "@/domain/types";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { visiblePersonSql } from "../access/visibility";
import type { Db } from "../db/create-client";
import { readRows } from "../db/read-rows";

/** One open stage of the agency, with what its queue row shows and what its clock and contact watch read. */
export type QueueStageRecord = {
  stageId: string;
  personId: string;
  state: StageState;
  dueAt: Date;
  completedAt: Date | null;
  pausedAt: Date | null;
  pausedMs: number;
  clockStartedAt: Date | null;
  assigneeId: string | null;
  assigneeName: string | null;
  stageKey: string;
  stageTitle: string;
  stageOrder: number;
  caseReference: string;
  ageGroup: AgeGroup;
  reopenedAt: Date | null;
  rescuedAt: Date;
  atRiskPercent: number;
  name: string | null;
  description: string | null;
  hasSafety: boolean;
  safeContact: string | null;
  neverContact: string | null;
  tippingOffRisk: boolean;
  reTraffickingRisk: boolean;
  doNotDiscloseWhereabouts: boolean;
  pendingReferralTo: string | null;
  lastContactMadeAt: Date | null;
};

/**
 * Every open stage the actor's agency owns on a live case of its partnership whose person the actor
 * may see, in one statement. It starts from the agency's open stages (the `Stage(ownerAgencyId, state)`
 * index), so it grows with the agency's live work and never with its history, and asks the visibility
 * rule in its SQL form (`visiblePersonSql`: consent to sharing and everything else the rule says) of
 * each of those people only, as an index probe.
 */
export async function readQueueStageRecords(db: Db, actor: Actor): Promise<QueueStageRecord[]> {
  return readRows<QueueStageRecord>(db, Prisma.sql`
    SELECT s."id" AS "stageId", s."personId", s."state", s."dueAt", s."completedAt", s."pausedAt", s."pausedMs", s."clockStartedAt",
           s."assigneeId", u."name" AS "assigneeName",
           ts."key" AS "stageKey", ts."title" AS "stageTitle", ts."sortOrder" AS "stageOrder",
           p."caseReference", p."ageGroup", p."reopenedAt", r."occurredAt" AS "rescuedAt", t."atRiskPercent",
           i."name", i."description",
           (sf."personId" IS NOT NULL) AS "hasSafety", sf."safeContact", sf."neverContact",
           coalesce(sf."tippingOffRisk", false) AS "tippingOffRisk",
           coalesce(sf."reTraffickingRisk", false) AS "reTraffickingRisk",
           coalesce(sf."doNotDiscloseWhereabouts", false) AS "doNotDiscloseWhereabouts",
           (SELECT a."name" FROM "Referral" rf JOIN "Agency" a ON a."id" = rf."toAgencyId"
             WHERE rf."stageId" = s."id" AND rf."state" = 'PENDING' LIMIT 1) AS "pendingReferralTo",
           (SELECT max(c."occurredAt") FROM "Contact" c WHERE c."personId" = p."id" AND c."outcome" = 'MADE') AS "lastContactMadeAt"
      FROM "Stage" s
      JOIN "Person" p ON p."id" = s."personId"
      JOIN "Rescue" r ON r."id" = p."rescueId"
      JOIN "PathwayTemplate" t ON t."id" = p."templateId"
      JOIN "PathwayStageTemplate" ts ON ts."id" = s."templateStageId"
      LEFT JOIN "PersonIdentity" i ON i."personId" = p."id"
      LEFT JOIN "PersonSafety" sf ON sf."personId" = p."id"
      LEFT JOIN "User" u ON u."id" = s."assigneeId"
     WHERE s."ownerAgencyId" = ${actor.agencyId}::uuid
       AND s."state" = ANY(${[...OPEN_STAGE_STATES]}::"StageState"[])
       AND p."closedAt" IS NULL
       AND r."partnershipId" = ${actor.partnershipId}::uuid
       AND ${visiblePersonSql(actor)}`);
}
