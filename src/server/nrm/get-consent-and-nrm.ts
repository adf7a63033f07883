import "server-only";
import { roleHasPermission } from "@/domain/access/permissions";
import { agencyDisplayName } from "@/domain/agencies/agency-details";
import { consentInForce, consentPurposesFor, mayRecordConsent, type ConsentPurpose } from "@/domain/nrm/consent";
import { dayFromDb } from "@/domain/nrm/dates";
import { maySubmitNrmReferral, nrmMilestones, type Milestone } from "@/domain/nrm/nrm-referral";
import { londonToday, type CalendarDay } from "@/domain/time/london-day";
import { isTreatedAsChild, type AgeGroup } from "@/domain/types";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { seesMinimalRecord } from "../access/visibility";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { nameableAgencies } from "./nrm-input";
import { recordAudit } from "../audit/record-audit";
import { personDisplayName } from "@/domain/person-name";
import { nrmReferralDates } from "./nrm-referral-dates";
import { readConsentRecord } from "./read-consent-record";

export type ConsentView = {
  id: string;
  purpose: ConsentPurpose;
  agencyName: string | null;
  given: boolean;
  decidedOn: CalendarDay;
  explainedBy: string;
  language: string;
  interpreter: string | null;
  method: "IN_PERSON" | "PHONE";
  recordedByAgencyName: string;
  withdrawnOn: CalendarDay | null;
  withdrawnByName: string | null;
  current: boolean;
  canWithdraw: boolean;
};

/**
 * What the person agreed to, refused or withdrew, what is shared on another lawful basis, and their
 * NRM referral with its milestones, as this user may see them. Call after the person's page has loaded
 * (and audited) the person: this reads through the same visibility rule. Health reads consent to
 * health care only, and no NRM detail (not needed for care); the coordinator and the PCC office read
 * none of it (no person is visible to them here).
 */
export async function getConsentAndNrm(db: Db, actor: Actor, personId: string, now = new Date(), options: { audit?: boolean } = {}) {
  await requirePermission(db, actor, "person.view", { entity: "Person", entityId: personId });
  const minimal = seesMinimalRecord(actor);
  const person = await readConsentRecord(db, actor, personId);
  if (!person) {
    if (options.audit) await recordAudit(db, actor, { action: "person.view", entity: "Person", entityId: personId, outcome: "denied" });
    throw new NotFoundError("Person");
  }
  // The person's page audits its own view; the consent and NRM pages ask for theirs.
  if (options.audit) await recordAudit(db, actor, { action: "person.view", entity: "Person", entityId: person.id });
  const today = londonToday(now);
  const open = person.closedAt === null;
  const mayConsent = roleHasPermission(actor.role, "consent.record") && mayRecordConsent(actor.agencyKind) && open;

  const consents: ConsentView[] = person.consents.map((row) => ({
    id: row.id,
    purpose: row.purpose,
    agencyName: row.agency ? agencyDisplayName(row.agency) : null,
    given: row.given,
    decidedOn: dayFromDb(row.decidedOn),
    explainedBy: row.explainedBy,
    language: row.language,
    interpreter: row.interpreter,
    method: row.method,
    recordedByAgencyName: agencyDisplayName(row.recordedByAgency),
    withdrawnOn: row.withdrawnOn ? dayFromDb(row.withdrawnOn) : null,
    withdrawnByName: row.withdrawnBy?.name ?? null,
    current: row.supersededAt === null,
    canWithdraw: mayConsent && row.supersededAt === null && row.given && row.withdrawnOn === null,
  }));

  const referral = minimal ? null : person.nrmReferral;
  const nrmConsent = consents.find((row) => row.current && row.purpose === "NRM_REFERRAL") ?? null;
  const child = isTreatedAsChild(person.ageGroup as AgeGroup);
  const milestones: Milestone[] = referral
    ? nrmMilestones(
        nrmReferralDates(referral),
        today,
      )
    : [];
  const mayNrm = roleHasPermission(actor.role, "nrm.record") && open && !minimal;
  const ownsReferral = referral !== null && referral.submittedByAgencyId === actor.agencyId;
  const dutyToNotifySentAt = person.dutyToNotifySentAt;
  const nrmDeclined = nrmConsent !== null && !consentInForce(nrmConsent);

  return {
    personId: person.id,
    caseReference: person.caseReference,
    displayName: personDisplayName(person.identity),
    child,
    /** Purposes the consent form offers: a child is never asked about the NRM. */
    purposes: consentPurposesFor(person.ageGroup as AgeGroup),
    consents,
    sharingBases: person.sharingBases.map((row) => ({
      id: row.id,
      purpose: row.purpose,
      basis: row.basis,
      decidedBy: row.decidedBy,
      reason: row.reason,
      decidedOn: dayFromDb(row.decidedOn),
      agencyName: row.agency ? agencyDisplayName(row.agency) : null,
    })),
    seesNrm: !minimal,
    referral: referral
      ? {
          homeOfficeReference: referral.homeOfficeReference,
          submittedOn: dayFromDb(referral.submittedOn),
          submittedByAgencyName: agencyDisplayName(referral.submittedByAgency),
          reasonableGrounds: referral.reasonableGrounds,
          conclusiveGrounds: referral.conclusiveGrounds,
          reconsiderationOf: referral.reconsiderationOf,
        }
      : null,
    milestones,
    nrmConsent,
    nrmDeclined,
    dutyToNotifySentAt,
    canRecordConsent: mayConsent,
    canSubmitReferral: mayNrm && maySubmitNrmReferral(actor.agencyKind) && referral === null && (child || consentInForce(nrmConsent)),
    canRecordDecisions: mayNrm && ownsReferral,
    canRecordDutyToNotify:
      roleHasPermission(actor.role, "duty_to_notify.record") && mayRecordConsent(actor.agencyKind) && open && !child && nrmDeclined && dutyToNotifySentAt === null,
  };
}

export type ConsentAndNrmView = Awaited<ReturnType<typeof getConsentAndNrm>>;

/** The agencies a consent or lawful basis can name, for the forms. */
export async function listNameableAgencies(db: Db, actor: Actor) {
  return db.agency.findMany({ where: nameableAgencies(actor), select: { id: true, name: true }, orderBy: { name: "asc" } });
}
