import "server-only";
import type { NrmDecisionKind, NrmOutcome } from "@/domain/nrm/nrm-referral";
import type { Role, StageState } from "@/domain/types";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { visiblePersonSql } from "../access/visibility";
import type { Db } from "../db/create-client";
import { readRows } from "../db/read-rows";

/** How long the referring agency keeps seeing an answered referral on its queue. */
const ANSWERED_SHOWN_DAYS = 14;

type Stamp = string;
type JsonRow<T> = { [K in keyof T]: T[K] extends Date ? Stamp : T[K] extends Date | null ? Stamp | null : T[K] };

export type IncomingRecord = {
  id: string;
  message: string | null;
  createdAt: Date;
  fromAgencyName: string;
  fromAgencyRetiredAt: Date | null;
  referredByName: string;
  personId: string;
  caseReference: string;
  name: string | null;
  description: string | null;
  hasSafety: boolean;
  safeContact: string | null;
  neverContact: string | null;
  tippingOffRisk: boolean;
  reTraffickingRisk: boolean;
  doNotDiscloseWhereabouts: boolean;
  stageTitle: string;
  state: StageState;
  dueAt: Date;
  completedAt: Date | null;
  pausedAt: Date | null;
  pausedMs: number;
  clockStartedAt: Date | null;
  rescuedAt: Date;
  atRiskPercent: number;
};

export type OutgoingRecord = {
  id: string;
  state: "PENDING" | "ACCEPTED" | "DECLINED" | "WITHDRAWN";
  createdAt: Date;
  answeredAt: Date | null;
  answerReason: string | null;
  answeredByName: string | null;
  toAgencyName: string;
  toAgencyRetiredAt: Date | null;
  stageTitle: string;
  personId: string;
  caseReference: string;
};

export type NrmRecord = {
  personId: string;
  caseReference: string;
  name: string | null;
  description: string | null;
  submittedOn: Date;
  reasonableGrounds: NrmOutcome | null;
  reasonableGroundsOn: Date | null;
  conclusiveGrounds: NrmOutcome | null;
  conclusiveGroundsOn: Date | null;
  reconsiderationOf: NrmDecisionKind | null;
  reconsiderationRequestedOn: Date | null;
};

export type TeamMemberRecord = { userId: string; name: string; role: Role };

export type QueueSideLists = {
  contactGapHours: number;
  incoming: IncomingRecord[];
  outgoing: OutgoingRecord[];
  nrm: NrmRecord[];
  team: TeamMemberRecord[];
};

const INCOMING_DATES = ["createdAt", "fromAgencyRetiredAt", "dueAt", "completedAt", "pausedAt", "clockStartedAt", "rescuedAt"] as const;
const OUTGOING_DATES = ["createdAt", "answeredAt", "toAgencyRetiredAt"] as const;
const NRM_DATES = ["submittedOn", "reasonableGroundsOn", "conclusiveGroundsOn", "reconsiderationRequestedOn"] as const;

/** JSON carries times as ISO strings (and dates as "2026-03-10", read as midnight UTC like Prisma's). */
function withDates<T>(rows: JsonRow<T>[] | null, fields: readonly string[]): T[] {
  return (rows ?? []).map((row) => {
    const copy: Record<string, unknown> = { ...row };
    for (const field of fields) if (typeof copy[field] === "string") copy[field] = new Date(copy[field] as string);
    return copy as T;
  });
}

/**
 * Everything the queue shows beside its stages, in one statement: referrals waiting for the agency's
 * answer and its NRM referrals' people (both on live cases, of people the visibility rule lets the
 * actor see: `visiblePersonSql`, probed for those people only), the referrals the agency made (pending, or answered in the last two weeks: its
 * own records, named by case reference only), the partnership's contact-gap limit and, for a lead,
 * the team a stage can be assigned to.
 */
export async function readQueueSideLists(db: Db, actor: Actor, withTeam: boolean, now: Date): Promise<QueueSideLists> {
  const answeredSince = new Date(now.getTime() - ANSWERED_SHOWN_DAYS * 86_400_000);
  const [row] = await readRows<{
    contactGapHours: number;
    incoming: JsonRow<IncomingRecord>[] | null;
    outgoing: JsonRow<OutgoingRecord>[] | null;
    nrm: JsonRow<NrmRecord>[] | null;
    team: TeamMemberRecord[] | null;
  }>(db, Prisma.sql`
    SELECT
      (SELECT pa."contactGapHours" FROM "Partnership" pa WHERE pa."id" = ${actor.partnershipId}::uuid) AS "contactGapHours",
      (SELECT json_agg(json_build_object(
                'id', rf."id", 'message', rf."message", 'createdAt', rf."createdAt",
                'fromAgencyName', fa."name", 'fromAgencyRetiredAt', fa."retiredAt", 'referredByName', rb."name",
                'personId', p."id", 'caseReference', p."caseReference", 'name', i."name", 'description', i."description",
                'hasSafety', sf."personId" IS NOT NULL, 'safeContact', sf."safeContact", 'neverContact', sf."neverContact",
                'tippingOffRisk', coalesce(sf."tippingOffRisk", false), 'reTraffickingRisk', coalesce(sf."reTraffickingRisk", false),
                'doNotDiscloseWhereabouts', coalesce(sf."doNotDiscloseWhereabouts", false),
                'stageTitle', ts."title", 'state', s."state", 'dueAt', s."dueAt", 'completedAt', s."completedAt",
                'pausedAt', s."pausedAt", 'pausedMs', s."pausedMs", 'clockStartedAt', s."clockStartedAt",
                'rescuedAt', r."occurredAt", 'atRiskPercent', t."atRiskPercent") ORDER BY rf."createdAt")
         FROM "Referral" rf
         JOIN "Agency" fa ON fa."id" = rf."fromAgencyId"
         JOIN "User" rb ON rb."id" = rf."referredById"
         JOIN "Stage" s ON s."id" = rf."stageId"
         JOIN "PathwayStageTemplate" ts ON ts."id" = s."templateStageId"
         JOIN "Person" p ON p."id" = s."personId"
         JOIN "Rescue" r ON r."id" = p."rescueId"
         JOIN "PathwayTemplate" t ON t."id" = p."templateId"
         LEFT JOIN "PersonIdentity" i ON i."personId" = p."id"
         LEFT JOIN "PersonSafety" sf ON sf."personId" = p."id"
        WHERE rf."toAgencyId" = ${actor.agencyId}::uuid AND rf."state" = 'PENDING'
          AND p."closedAt" IS NULL AND r."partnershipId" = ${actor.partnershipId}::uuid
          AND ${visiblePersonSql(actor)}) AS "incoming",
      (SELECT json_agg(json_build_object(
                'id', rf."id", 'state', rf."state", 'createdAt', rf."createdAt", 'answeredAt', rf."answeredAt",
                'answerReason', rf."answerReason", 'answeredByName', ab."name",
                'toAgencyName', ta."name", 'toAgencyRetiredAt', ta."retiredAt",
                'stageTitle', ts."title", 'personId', p."id", 'caseReference', p."caseReference") ORDER BY rf."createdAt" DESC)
         FROM "Referral" rf
         JOIN "Agency" ta ON ta."id" = rf."toAgencyId"
         LEFT JOIN "User" ab ON ab."id" = rf."answeredById"
         JOIN "Stage" s ON s."id" = rf."stageId"
         JOIN "PathwayStageTemplate" ts ON ts."id" = s."templateStageId"
         JOIN "Person" p ON p."id" = s."personId"
         JOIN "Rescue" r ON r."id" = p."rescueId"
        WHERE rf."fromAgencyId" = ${actor.agencyId}::uuid AND r."partnershipId" = ${actor.partnershipId}::uuid
          AND (rf."state" = 'PENDING' OR rf."answeredAt" >= ${answeredSince})) AS "outgoing",
      (SELECT json_agg(json_build_object(
                'personId', p."id", 'caseReference', p."caseReference", 'name', i."name", 'description', i."description",
                'submittedOn', n."submittedOn", 'reasonableGrounds', n."reasonableGrounds", 'reasonableGroundsOn', n."reasonableGroundsOn",
                'conclusiveGrounds', n."conclusiveGrounds", 'conclusiveGroundsOn', n."conclusiveGroundsOn",
                'reconsiderationOf', n."reconsiderationOf", 'reconsiderationRequestedOn', n."reconsiderationRequestedOn"))
         FROM "NrmReferral" n
         JOIN "Person" p ON p."id" = n."personId"
         JOIN "Rescue" r ON r."id" = p."rescueId"
         LEFT JOIN "PersonIdentity" i ON i."personId" = p."id"
        WHERE n."submittedByAgencyId" = ${actor.agencyId}::uuid AND p."closedAt" IS NULL
          AND r."partnershipId" = ${actor.partnershipId}::uuid
          AND ${visiblePersonSql(actor)}) AS "nrm",
      (SELECT json_agg(json_build_object('userId', u."id", 'name', u."name", 'role', u."role") ORDER BY u."name")
         FROM "User" u
        WHERE ${withTeam} AND u."agencyId" = ${actor.agencyId}::uuid AND u."active"
          AND u."role" IN ('CASEWORKER', 'AGENCY_LEAD')) AS "team"`);
  return {
    contactGapHours: row!.contactGapHours,
    incoming: withDates<IncomingRecord>(row!.incoming, INCOMING_DATES),
    outgoing: withDates<OutgoingRecord>(row!.outgoing, OUTGOING_DATES),
    nrm: withDates<NrmRecord>(row!.nrm, NRM_DATES),
    team: row!.team ?? [],
  };
}
