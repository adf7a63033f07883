import "server-only";
import type { AgeGroup } from "@/domain/types";
import type { ConsentPurpose } from "@/domain/nrm/consent";
import { Prisma, type LawfulBasis } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { readableConsentSql, seesMinimalRecord, visiblePersonSql } from "../access/visibility";
import type { Db } from "../db/create-client";
import { readRows } from "../db/read-rows";
import type { NrmReferralDateColumns } from "./nrm-referral-dates";

type AgencyName = { name: string; retiredAt: Date | null };

/** What a person agreed to, the lawful bases and the NRM referral, as getConsentAndNrm reads them (see readConsentRecord). */
export type ConsentRecord = {
  id: string;
  caseReference: string;
  identity: { name: string | null; description: string | null } | null;
  ageGroup: AgeGroup;
  closedAt: Date | null;
  /** Newest first. */
  consents: {
    id: string;
    purpose: ConsentPurpose;
    given: boolean;
    decidedOn: Date;
    explainedBy: string;
    language: string;
    interpreter: string | null;
    method: "IN_PERSON" | "PHONE";
    withdrawnOn: Date | null;
    supersededAt: Date | null;
    agency: AgencyName | null;
    recordedByAgency: AgencyName;
    withdrawnBy: { name: string } | null;
  }[];
  /** Newest first. */
  sharingBases: { id: string; purpose: ConsentPurpose; basis: LawfulBasis; decidedBy: string; reason: string; decidedOn: Date; agency: AgencyName | null }[];
  dutyToNotifySentAt: Date | null;
  /** Never read for a minimal-record reader (health): null for them. */
  nrmReferral: (NrmReferralDateColumns & { homeOfficeReference: string; submittedByAgencyId: string; submittedByAgency: AgencyName }) | null;
};

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] extends AgencyName ? JsonAgency : T[K] extends AgencyName | null ? JsonAgency | null : T[K] };
type JsonAgency = { name: string; retiredAt: string | null };
type Row = Omit<ConsentRecord, "consents" | "sharingBases" | "nrmReferral"> & {
  consents: Json<ConsentRecord["consents"][number]>[];
  sharingBases: Json<ConsentRecord["sharingBases"][number]>[];
  nrmReferral: Json<NonNullable<ConsentRecord["nrmReferral"]>> | null;
};

const at = (value: string | null): Date | null => (value === null ? null : new Date(value));
const agencyOf = (agency: JsonAgency): AgencyName => ({ name: agency.name, retiredAt: at(agency.retiredAt) });
const AGENCY_JSON = (alias: string) => Prisma.raw(`json_build_object('name', ${alias}."name", 'retiredAt', ${alias}."retiredAt")`);

/**
 * The consent decisions, lawful bases for sharing, Duty to Notify and NRM referral of a person this
 * user may see (the visibility rule in its SQL form), in one statement; null if the user may not see
 * them. Health reads only decisions and bases about health care (`readableConsents`, in SQL) and never
 * the referral. SQL, as the person's own record beside it (read-person-record.ts, decision record 0044),
 * because the person's page reads it on every view; tests/integration/person-record-sql.test.ts holds
 * it equal to the same read through Prisma for every account.
 */
export async function readConsentRecord(db: Db, actor: Actor, personId: string): Promise<ConsentRecord | null> {
  const minimal = seesMinimalRecord(actor);
  const [row] = await readRows<Row>(db, Prisma.sql`
    SELECT p."id", p."caseReference", p."ageGroup", p."closedAt",
           (SELECT json_build_object('name', i."name", 'description', i."description") FROM "PersonIdentity" i WHERE i."personId" = p."id") AS "identity",
           (SELECT coalesce(json_agg(json_build_object('id', c."id", 'purpose', c."purpose", 'given', c."given", 'decidedOn', c."decidedOn",
                                     'explainedBy', c."explainedBy", 'language', c."language", 'interpreter', c."interpreter", 'method', c."method",
                                     'withdrawnOn', c."withdrawnOn", 'supersededAt', c."supersededAt",
                                     'agency', CASE WHEN ca."id" IS NULL THEN NULL ELSE ${AGENCY_JSON("ca")} END,
                                     'recordedByAgency', ${AGENCY_JSON("ra")},
                                     'withdrawnBy', CASE WHEN wu."id" IS NULL THEN NULL ELSE json_build_object('name', wu."name") END)
                                     ORDER BY c."recordedAt" DESC, c."id" DESC), '[]')
              FROM "Consent" c
              LEFT JOIN "Agency" ca ON ca."id" = c."agencyId"
              JOIN "Agency" ra ON ra."id" = c."recordedByAgencyId"
              LEFT JOIN "User" wu ON wu."id" = c."withdrawnById"
             WHERE c."personId" = p."id" AND ${readableConsentSql(actor, "c")}) AS "consents",
           (SELECT coalesce(json_agg(json_build_object('id', b."id", 'purpose', b."purpose", 'basis', b."basis", 'decidedBy', b."decidedBy",
                                     'reason', b."reason", 'decidedOn', b."decidedOn",
                                     'agency', CASE WHEN ba."id" IS NULL THEN NULL ELSE ${AGENCY_JSON("ba")} END)
                                     ORDER BY b."recordedAt" DESC, b."id" DESC), '[]')
              FROM "SharingBasis" b LEFT JOIN "Agency" ba ON ba."id" = b."agencyId"
             WHERE b."personId" = p."id" AND ${readableConsentSql(actor, "b")}) AS "sharingBases",
           (SELECT min(e."occurredAt") FROM "TimelineEvent" e WHERE e."personId" = p."id" AND e."kind" = 'DUTY_TO_NOTIFY_SENT') AS "dutyToNotifySentAt",
           ${
             minimal
               ? Prisma.sql`NULL::json`
               : Prisma.sql`(SELECT json_build_object('homeOfficeReference', n."homeOfficeReference", 'submittedOn', n."submittedOn",
                                     'submittedByAgencyId', n."submittedByAgencyId", 'submittedByAgency', ${AGENCY_JSON("na")},
                                     'reasonableGrounds', n."reasonableGrounds", 'reasonableGroundsOn', n."reasonableGroundsOn",
                                     'conclusiveGrounds', n."conclusiveGrounds", 'conclusiveGroundsOn', n."conclusiveGroundsOn",
                                     'reconsiderationOf', n."reconsiderationOf", 'reconsiderationRequestedOn', n."reconsiderationRequestedOn")
                   FROM "NrmReferral" n JOIN "Agency" na ON na."id" = n."submittedByAgencyId" WHERE n."personId" = p."id")`
           } AS "nrmReferral"
      FROM "Person" p
     WHERE p."id" = ${personId}::uuid AND ${visiblePersonSql(actor)}`);
  if (!row) return null;
  const referral = row.nrmReferral;
  return {
    ...row,
    consents: row.consents.map((consent) => ({
      ...consent,
      decidedOn: at(consent.decidedOn)!,
      withdrawnOn: at(consent.withdrawnOn),
      supersededAt: at(consent.supersededAt),
      agency: consent.agency && agencyOf(consent.agency),
      recordedByAgency: agencyOf(consent.recordedByAgency),
    })),
    sharingBases: row.sharingBases.map((basis) => ({ ...basis, decidedOn: at(basis.decidedOn)!, agency: basis.agency && agencyOf(basis.agency) })),
    nrmReferral: referral && {
      ...referral,
      submittedOn: at(referral.submittedOn)!,
      submittedByAgency: agencyOf(referral.submittedByAgency),
      reasonableGroundsOn: at(referral.reasonableGroundsOn),
      conclusiveGroundsOn: at(referral.conclusiveGroundsOn),
      reconsiderationRequestedOn: at(referral.reconsiderationRequestedOn),
    },
  };
}
