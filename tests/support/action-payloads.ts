// A valid call of every server action under src/app, each with fresh records to act on and the user
// allowed to make it. Refusal tests send exactly these, so "changes nothing" can only pass because
// the refusal worked, and the positive control proves each payload does change something.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { bulkSelectionValue } from "../../src/domain/queue/bulk-selection";
import { initialFormState } from "../../src/lib/form-state";
import type { Actor } from "../../src/server/access/actor";
import { openBreakGlass } from "../../src/server/break-glass/open-break-glass";
import { decidePossibleMatch } from "../../src/server/possible-matches/decide-possible-match";
import type { Db } from "../../src/server/db/create-client";
import { notify } from "../../src/server/notifications/notify";
import { referStage } from "../../src/server/referrals/refer-stage";
import { logRescue } from "../../src/server/rescues/log-rescue";
import { closeCase } from "../../src/server/cases/close-case";
import { toLondonInputValue } from "../../src/domain/time/london";
import { personFormInput, rescueFormInput } from "../../prisma/factories";
import { toFormData } from "./form-data";
import { recordConsent } from "../../src/server/nrm/record-consent";
import { consentForm, dutyToNotifyForm, negativeRg, referralForm, referred, rescueDay, sharingBasisForm } from "./nrm-forms";
import { logOnePerson } from "./log-person";
import { changedPathwayForm, unusedEarlierVersion } from "./pathway-form";
import { countCaseTables, MINUTE, type World } from "./world";

type AnyAction = (...args: unknown[]) => Promise<unknown>;

export type PreparedCall = {
  /** Who may make this call. */
  actor: Actor;
  /** Calls the action the way its form does (a form-state action, a plain form, or no arguments). */
  call(action: AnyAction): Promise<unknown>;
  /** For an action that changes nothing in the partnership's records: why, and what it returns instead. */
  readOnly?: { why: string; returns: unknown };
};

export type ActionPayloads = Record<string, () => Promise<PreparedCall>>;

const withState = (form: FormData) => (action: AnyAction) => action(initialFormState, form);

export async function actionPayloads(db: Db, world: World): Promise<ActionPayloads> {
  const police = await world.actor("POLICE");
  const council = await world.actor("COUNCIL_SAFEGUARDING");
  const councilLead = await world.actor("COUNCIL_SAFEGUARDING", "AGENCY_LEAD");
  const salvationArmy = await world.actor("SALVATION_ARMY");
  const coordinator = await world.actor("PARTNERSHIP", "COORDINATOR");
  const admin = await world.actor("PARTNERSHIP", "ADMINISTRATOR");

  const freshPerson = () => {
    const now = new Date();
    return logOnePerson(db, police, { t0: new Date(now.getTime() - 30 * MINUTE), now });
  };
  const notice = async (recipient: Actor) => {
    await notify(db, [recipient.id], { kind: "STAGE_ASSIGNED", title: "A stage was assigned to you", body: "Fictional notice", href: "/queue", dedupeKey: randomUUID() });
    return db.notification.findFirstOrThrow({ where: { recipientId: recipient.id, readAt: null }, orderBy: { createdAt: "desc" } });
  };

  /** A caseworker account the administrator can act on; activated unless said otherwise. */
  const account = async (options: { activated?: boolean } = {}) => {
    const user = await db.user.create({
      data: {
        agencyId: world.agencies.POLICE.id,
        role: "CASEWORKER",
        email: `payload-${randomUUID()}@test.example`,
        name: "Payload Test Account",
        passwordHash: options.activated === false ? null : "scrypt$not-a-real-hash",
      },
    });
    return { userId: user.id, version: user.version };
  };

  return {
    createUserAction: async () => ({
      actor: admin,
      call: withState(toFormData({ name: "Payload New Caseworker", email: `new-${randomUUID()}@test.example`, role: "CASEWORKER", agencyId: world.agencies.POLICE.id })),
    }),
    switchUserActiveAction: async () => ({ actor: admin, call: withState(toFormData({ ...(await account()), active: "off" })) }),
    changeUserAccessAction: async () => ({
      actor: admin,
      call: withState(toFormData({ ...(await account()), role: "AGENCY_LEAD", agencyId: world.agencies.POLICE.id })),
    }),
    resetPasswordAction: async () => ({ actor: admin, call: withState(toFormData(await account())) }),
    resetSecondFactorAction: async () => ({ actor: admin, call: withState(toFormData(await account())) }),
    reissueActivationLinkAction: async () => ({ actor: admin, call: withState(toFormData(await account({ activated: false }))) }),
    logRescueAction: async () => ({
      actor: police,
      call: withState(toFormData(rescueFormInput({ people: [personFormInput(), personFormInput({ description: "Boy, about 15 (fictional)", ageGroup: "CHILD" })] }))),
    }),
    changeStageAction: async () => {
      const person = await freshPerson();
      return { actor: council, call: withState(toFormData({ stageId: person.stage("accommodation").id, version: 0, action: "complete", text: "Placed in a refuge" })) };
    },
    addNoteAction: async () => {
      const person = await freshPerson();
      return { actor: police, call: withState(toFormData({ personId: person.personId, text: "Spoke to the person (fictional)" })) };
    },
    correctPersonDetailsAction: async () => {
      const person = await freshPerson();
      const details = { name: "Payload Corrected (fictional)", description: "", gender: "FEMALE", nationalityCode: "Romanian", languages: "Romanian", interpreterNeeded: "yes" };
      return { actor: police, call: withState(toFormData({ personId: person.personId, version: 0, ...details })) };
    },
    recordAgeAssessmentAction: async () => {
      const person = await freshPerson();
      const assessment = { outcome: "CHILD", assessedOn: new Date().toISOString().slice(0, 10), assessedBy: "Payload social worker (fictional)", mertonCompliant: "yes" };
      return { actor: council, call: withState(toFormData({ personId: person.personId, ...assessment })) };
    },
    setSafetyFlagsAction: async () => {
      const person = await freshPerson();
      return { actor: police, call: withState(toFormData({ personId: person.personId, version: 0, risks: "doNotDiscloseWhereabouts" })) };
    },
    linkDependantAction: async () => {
      const logged = await logRescue(db, police, rescueFormInput({ people: [personFormInput(), personFormInput({ description: "Girl, about 6 (fictional)", ageGroup: "CHILD" })] }));
      if (!logged.ok) throw new Error(JSON.stringify(logged));
      const people = await db.person.findMany({ where: { rescueId: logged.data.rescueId }, select: { id: true, ageGroup: true } });
      const child = people.find((person) => person.ageGroup === "CHILD")!;
      const parent = people.find((person) => person.ageGroup === "ADULT")!;
      return { actor: police, call: withState(toFormData({ personId: child.id, parentPersonId: parent.id })) };
    },
    unlinkDependantAction: async () => {
      const logged = await logRescue(db, police, rescueFormInput({ people: [personFormInput(), personFormInput({ description: "Boy, about 5 (fictional)", ageGroup: "CHILD", childOf: "1" })] }));
      if (!logged.ok) throw new Error(JSON.stringify(logged));
      const child = await db.person.findFirstOrThrow({ where: { rescueId: logged.data.rescueId, ageGroup: "CHILD" }, select: { id: true } });
      return { actor: police, call: withState(toFormData({ personId: child.id, reason: "Linked in error (fictional)" })) };
    },
    recordConsentAction: async () => {
      const person = await freshPerson();
      return { actor: police, call: withState(toFormData(await consentForm(db, person.personId))) };
    },
    withdrawConsentAction: async () => {
      const person = await freshPerson();
      await recordConsent(db, police, await consentForm(db, person.personId));
      const consent = await db.consent.findFirstOrThrow({ where: { personId: person.personId } });
      return { actor: police, call: withState(toFormData({ consentId: consent.id, withdrawnOn: await rescueDay(db, person.personId) })) };
    },
    recordSharingBasisAction: async () => {
      const person = await freshPerson();
      return { actor: police, call: withState(toFormData(await sharingBasisForm(db, person.personId, world.agencies.HEALTH.id))) };
    },
    recordNrmReferralAction: async () => {
      const person = await freshPerson();
      await recordConsent(db, police, await consentForm(db, person.personId));
      return { actor: police, call: withState(toFormData(await referralForm(db, person.personId))) };
    },
    recordNrmDecisionAction: async () => {
      const person = await freshPerson();
      await referred(db, police, police, person.personId);
      return { actor: police, call: withState(toFormData({ personId: person.personId, decision: "REASONABLE_GROUNDS", outcome: "POSITIVE", decidedOn: await rescueDay(db, person.personId) })) };
    },
    requestNrmReconsiderationAction: async () => {
      const person = await freshPerson();
      await referred(db, police, police, person.personId);
      await negativeRg(db, police, person.personId);
      return { actor: police, call: withState(toFormData({ personId: person.personId, decision: "REASONABLE_GROUNDS", requestedOn: await rescueDay(db, person.personId) })) };
    },
    recordDutyToNotifyAction: async () => {
      const person = await freshPerson();
      await recordConsent(db, police, await consentForm(db, person.personId, { decision: "REFUSED" }));
      return { actor: police, call: withState(toFormData(await dutyToNotifyForm(db, person.personId))) };
    },
    recordAccommodationAction: async () => {
      const person = await freshPerson();
      return { actor: council, call: withState(toFormData({ personId: person.personId, address: "1 Fictional Row, Teesmoor" })) };
    },
    claimStageAction: async () => {
      const person = await freshPerson();
      return { actor: council, call: withState(toFormData({ stageId: person.stage("accommodation").id })) };
    },
    assignStageAction: async () => {
      const person = await freshPerson();
      return { actor: councilLead, call: withState(toFormData({ stageId: person.stage("accommodation").id, assigneeId: council.id })) };
    },
    assignSelectedStagesAction: async () => {
      const person = await freshPerson();
      const stages = [person.stage("accommodation"), person.stage("social-care-contact")].map((stage) => bulkSelectionValue(stage.id, null));
      return { actor: councilLead, call: withState(toFormData({ stages, assigneeId: council.id })) };
    },
    referStageAction: async () => {
      const person = await freshPerson();
      const toAgencyId = world.agencies.SALVATION_ARMY.id;
      return { actor: council, call: withState(toFormData({ stageId: person.stage("accommodation").id, toAgencyId, message: "Can you place her tonight?" })) };
    },
    answerReferralAction: async () => {
      const person = await freshPerson();
      const referred = await referStage(db, council, { stageId: person.stage("accommodation").id, toAgencyId: world.agencies.SALVATION_ARMY.id });
      if (!referred.ok) throw new Error(`Referral not made: ${JSON.stringify(referred)}`);
      return { actor: salvationArmy, call: withState(toFormData({ referralId: referred.data.referralId, decision: "accept" })) };
    },
    withdrawReferralAction: async () => {
      const person = await freshPerson();
      const referred = await referStage(db, council, { stageId: person.stage("accommodation").id, toAgencyId: world.agencies.SALVATION_ARMY.id });
      if (!referred.ok) throw new Error(`Referral not made: ${JSON.stringify(referred)}`);
      return { actor: council, call: withState(toFormData({ referralId: referred.data.referralId })) };
    },
    breakGlassAction: async () => {
      const person = await freshPerson();
      return { actor: coordinator, call: withState(toFormData({ personId: person.personId, reason: "Police asked to confirm who this is for a safeguarding strategy meeting" })) };
    },
    decidePossibleMatchAction: async () => {
      const person = { name: `Payload Matchfictional ${randomUUID().slice(0, 8)}`, nationality: "Romanian", interpreterNeeded: "no" };
      const now = new Date();
      await logOnePerson(db, police, { t0: new Date(now.getTime() - 30 * MINUTE), now, person });
      const later = await logOnePerson(db, police, { t0: new Date(now.getTime() - 30 * MINUTE), now, person });
      const match = await db.possibleMatch.findFirstOrThrow({ where: { personId: later.personId } });
      return { actor: coordinator, call: withState(toFormData({ matchId: match.id, version: 0, decision: "NOT_SAME_PERSON", note: "Different people (fictional)" })) };
    },
    undoPossibleMatchDecisionAction: async () => {
      const person = { name: `Payload Undofictional ${randomUUID().slice(0, 8)}`, nationality: "Romanian", interpreterNeeded: "no" };
      const now = new Date();
      await logOnePerson(db, police, { t0: new Date(now.getTime() - 30 * MINUTE), now, person });
      const later = await logOnePerson(db, police, { t0: new Date(now.getTime() - 30 * MINUTE), now, person });
      const match = await db.possibleMatch.findFirstOrThrow({ where: { personId: later.personId } });
      const decided = await decidePossibleMatch(db, coordinator, { matchId: match.id, version: "0", decision: "SAME_PERSON", note: "Same person (fictional)" });
      if (!decided.ok) throw new Error(`Match not decided: ${JSON.stringify(decided)}`);
      return { actor: coordinator, call: withState(toFormData({ matchId: match.id, version: 1, reason: "Decided on the wrong pair (fictional)" })) };
    },
    reviewBreakGlassAction: async () => {
      const person = await freshPerson();
      const opened = await openBreakGlass(db, coordinator, { personId: person.personId, reason: "Checking a possible previous rescue of the same person" });
      if (!opened.ok) throw new Error(`Break-glass not opened: ${JSON.stringify(opened)}`);
      const access = await db.breakGlassAccess.findFirstOrThrow({ where: { userId: coordinator.id, personId: person.personId } });
      return { actor: admin, call: withState(toFormData({ accessId: access.id, note: "Reason checked" })) };
    },
    updateEscalationSettingsAction: async () => {
      const current = await db.partnership.findUniqueOrThrow({ where: { id: world.partnership.id } });
      const coordinatorAfterHours = current.escalateToCoordinatorAfterMinutes / 60 + 1;
      return { actor: admin, call: withState(toFormData({ coordinatorAfterHours, pccAfterHours: coordinatorAfterHours + 24 })) };
    },
    updateSuppressionSettingsAction: async () => {
      const current = await db.partnership.findUniqueOrThrow({ where: { id: world.partnership.id } });
      return { actor: admin, call: withState(toFormData({ suppressionThreshold: (current.suppressionThreshold % 20) + 1 })) };
    },
    publishPathwayAction: async () => ({ actor: admin, call: withState(toFormData(await changedPathwayForm(db, admin))) }),
    deletePathwayVersionAction: async () => ({ actor: admin, call: withState(toFormData({ templateId: await unusedEarlierVersion(db, admin) })) }),
    markReadAction: async () => {
      const unread = await notice(council);
      return { actor: council, call: (action) => action(toFormData({ notificationId: unread.id })) };
    },
    markAllReadAction: async () => {
      await notice(council);
      return { actor: council, call: (action) => action() };
    },
    signOutAction: async () => ({ actor: police, call: (action) => action() }),
    changePasswordAction: async () => ({
      // A user of their own: the new password must not sign the shared fixtures out of anything.
      actor: await world.actor("COUNCIL_SAFEGUARDING"),
      call: withState(toFormData({ currentPassword: "test-password-not-secret", newPassword: "purple kettle harbour 7", confirmPassword: "purple kettle harbour 7" })),
    }),
    updateIdleTimeoutSettingsAction: async () => {
      const current = await db.partnership.findUniqueOrThrow({ where: { id: world.partnership.id } });
      return { actor: admin, call: withState(toFormData({ idleTimeoutMinutes: current.idleTimeoutMinutes === 30 ? 45 : 30 })) };
    },
    addAgencyAction: async () => ({ actor: admin, call: withState(toFormData({ name: `Payload Aid ${randomUUID().slice(0, 8)}`, kind: "CHARITY" })) }),
    renameAgencyAction: async () => {
      const agency = await world.addAgency("CHARITY", `Payload Charity ${randomUUID().slice(0, 8)}`);
      return { actor: admin, call: withState(toFormData({ agencyId: agency.id, version: 0, name: `Renamed Charity ${randomUUID().slice(0, 8)}` })) };
    },
    setAgencyHoursAction: async () => {
      const agency = await world.addAgency("CHARITY", `Payload Charity ${randomUUID().slice(0, 8)}`);
      return { actor: admin, call: withState(toFormData({ agencyId: agency.id, version: 0, hours: "office", opensAt: "08:00", closesAt: "16:00" })) };
    },
    retireAgencyAction: async () => {
      const agency = await world.addAgency("CHARITY", `Payload Charity ${randomUUID().slice(0, 8)}`);
      return { actor: admin, call: withState(toFormData({ agencyId: agency.id, version: 0 })) };
    },
    recordContactAction: async () => {
      const person = await freshPerson();
      return { actor: council, call: withState(toFormData({ personId: person.personId, occurredAt: toLondonInputValue(new Date()), method: "IN_PERSON", outcome: "MADE" })) };
    },
    closeCaseAction: async () => {
      const person = await freshPerson();
      return { actor: councilLead, call: withState(toFormData({ personId: person.personId, caseVersion: 0, reason: "MISSING", note: "Not seen since Tuesday (fictional)" })) };
    },
    reopenCaseAction: async () => {
      const person = await freshPerson();
      const closed = await closeCase(db, coordinator, { personId: person.personId, caseVersion: "0", reason: "DISENGAGED", note: "Stopped answering (fictional)" });
      if (!closed.ok) throw new Error(`Case not closed: ${JSON.stringify(closed)}`);
      return { actor: councilLead, call: withState(toFormData({ personId: person.personId, caseVersion: 1, reason: "Back in touch (fictional)" })) };
    },
    updateContactGapSettingsAction: async () => {
      const current = await db.partnership.findUniqueOrThrow({ where: { id: world.partnership.id } });
      return { actor: admin, call: withState(toFormData({ contactGapHours: current.contactGapHours === 48 ? 72 : 48 })) };
    },
    staySignedInAction: async () => ({
      actor: police,
      call: (action) => action(),
      // Its effect is the session row's idle clock (tests/integration/sessions.test.ts); here the session is faked.
      readOnly: { why: "moves only the caller's own session clock", returns: { msLeft: expect.any(Number) } },
    }),
  };
}

/**
 * Everything an action could change in the world's partnership: row counts of every case table,
 * and the stages, referrals, notices, break-glass grants, settings, agencies, pathway versions, staff accounts and their links themselves.
 */
export async function worldSnapshot(db: Db, world: World) {
  const partnershipId = world.partnership.id;
  const inWorld = { person: { rescue: { partnershipId } } };
  const [counts, stages, referrals, notices, grants, partnership, placements, pathwayVersions, accounts, links, agencies, consents, sharingBases, nrmReferrals, dutyToNotify, possibleMatches, matchDecisions] = await Promise.all([
    Promise.all([
      countCaseTables(db),
      db.referral.count(),
      db.notification.count(),
      db.breakGlassAccess.count(),
      db.accommodationPlacement.count(),
      db.contact.count(),
      db.caseClosure.count(),
    ]),
    db.stage.findMany({ where: inWorld, orderBy: { id: "asc" } }),
    db.referral.findMany({ where: { stage: inWorld }, orderBy: { id: "asc" } }),
    db.notification.findMany({ where: { recipient: { agency: { partnershipId } } }, orderBy: { id: "asc" } }),
    db.breakGlassAccess.findMany({ where: inWorld, orderBy: { id: "asc" } }),
    db.partnership.findUniqueOrThrow({ where: { id: partnershipId } }),
    db.accommodationPlacement.findMany({ where: inWorld, orderBy: { personId: "asc" } }),
    db.pathwayTemplate.findMany({ where: { partnershipId }, orderBy: { version: "asc" }, include: { stages: { orderBy: { key: "asc" } } } }),
    db.user.findMany({ where: { agency: { partnershipId } }, orderBy: { id: "asc" } }),
    db.activationLink.findMany({ where: { user: { agency: { partnershipId } } }, orderBy: { id: "asc" } }),
    db.agency.findMany({ where: { partnershipId }, orderBy: { id: "asc" } }),
    db.consent.findMany({ where: inWorld, orderBy: { id: "asc" } }),
    db.sharingBasis.findMany({ where: inWorld, orderBy: { id: "asc" } }),
    db.nrmReferral.findMany({ where: inWorld, orderBy: { id: "asc" } }),
    db.dutyToNotify.findMany({ where: { partnershipId }, orderBy: { id: "asc" } }),
    db.possibleMatch.findMany({ where: { partnershipId }, orderBy: { id: "asc" } }),
    db.possibleMatchDecision.findMany({ where: { match: { partnershipId } }, orderBy: { id: "asc" } }),
  ]);
  return { counts, stages, referrals, notices, grants, partnership, placements, pathwayVersions, accounts, links, agencies, consents, sharingBases, nrmReferrals, dutyToNotify, possibleMatches, matchDecisions };
}
