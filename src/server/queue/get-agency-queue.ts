import "server-only";
import { safetyFlagsView, type SafetyFlagsView } from "@/domain/person/safety-flags";
import { SAFETY_SELECT } from "../people/safety-select";
import { agencyDisplayName } from "@/domain/agencies/agency-details";
import { clockInputOf, readClock, type ClockInput } from "@/domain/pathway/clock";
import { personDisplayName } from "@/domain/person-name";
import { mayWorkOnStage, type StageForWork } from "@/domain/pathway/stage-work";
import { arrangeQueue, type QueueFilter } from "@/domain/queue/queue-filters";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { visiblePeople } from "../access/visibility";
import type { Prisma } from "@/generated/prisma/client";
import { compareDays, milestonesDueForQueue, nrmMilestones, queueMilestoneText } from "@/domain/nrm/nrm-referral";
import { londonToday, type CalendarDay } from "@/domain/time/london-day";
import { nrmReferralDates } from "../nrm/nrm-referral-dates";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { PERSON_CLOCK_SELECT, STAGE_CLOCK_SELECT } from "../pathway/clock-select";
import { OPEN_STAGE_WHERE } from "../pathway/stage-filters";
import { contactGapsNow } from "../contacts/contact-gaps-now";

/** How long the referring agency keeps seeing an answered referral on its queue. */
const ANSWERED_SHOWN_DAYS = 14;

// The query keeps only open stages of live cases; the rule still decides what this user may do to each.
const forWork = (stage: { state: StageForWork["state"]; ownerAgencyId: string }): StageForWork => ({ ...stage, caseClosed: false });

export type QueueStageRow = {
  stageId: string;
  personId: string;
  caseReference: string;
  displayName: string;
  stageTitle: string;
  state: ClockInput["state"];
  clock: ClockInput;
  atRiskPercent: number;
  assigneeId: string | null;
  assigneeName: string | null;
  /** A referral of this stage to another agency, waiting for an answer. */
  pendingReferralTo: string | null;
  /** "No contact for 2 d 3 h" once the person's gap in contact has reached the partnership's limit. */
  noContact: string | null;
  canClaim: boolean;
  canAssign: boolean;
  safety: SafetyFlagsView | null;
};

export type IncomingReferral = {
  id: string;
  personId: string;
  caseReference: string;
  displayName: string;
  stageTitle: string;
  fromAgencyName: string;
  referredByName: string;
  message: string | null;
  createdAt: Date;
  clock: ClockInput;
  atRiskPercent: number;
  safety: SafetyFlagsView | null;
};

/** An NRM milestone of a referral this agency submitted, falling due. */
export type QueueMilestone = { key: string; personId: string; caseReference: string; displayName: string; text: string; dueOn: CalendarDay };

export type OutgoingReferral = {
  id: string;
  personId: string;
  caseReference: string;
  stageTitle: string;
  toAgencyName: string;
  state: "PENDING" | "ACCEPTED" | "DECLINED" | "WITHDRAWN";
  createdAt: Date;
  answeredAt: Date | null;
  answeredByName: string | null;
  answerReason: string | null;
};

/**
 * The actor's agency queue: the open stages it owns on live cases (most urgent first, under the chosen
 * filter, with a count for every filter), referrals waiting for its answer, and its own referrals with
 * their answers. Only the actor's own agency's work is ever read here.
 */
export async function getAgencyQueue(db: Db, actor: Actor, filter: QueueFilter, now = new Date()) {
  await requirePermission(db, actor, "queue.view", { entity: "Queue", entityId: actor.agencyId });
  // Through the one visibility rule too: a person whose consent to sharing with this agency was
  // refused or withdrawn (and no lawful basis recorded) leaves its queue as well as its people list.
  const live: Prisma.PersonWhereInput = { AND: [{ closedAt: null, rescue: { partnershipId: actor.partnershipId } }, visiblePeople(actor)] };

  const [stages, incoming, outgoing, nrmReferrals] = await Promise.all([
    db.stage.findMany({
      where: { ownerAgencyId: actor.agencyId, ...OPEN_STAGE_WHERE, person: live },
      select: {
        id: true,
        ...STAGE_CLOCK_SELECT,
        ownerAgencyId: true,
        assigneeId: true,
        assignee: { select: { name: true } },
        templateStage: { select: { title: true, sortOrder: true } },
        referrals: { where: { state: "PENDING" }, select: { toAgency: { select: { name: true } } } },
        person: {
          select: {
            id: true,
            caseReference: true,
            reopenedAt: true,
            identity: { select: { name: true, description: true } },
            safety: { select: SAFETY_SELECT },
            ...PERSON_CLOCK_SELECT,
          },
        },
      },
      orderBy: [{ dueAt: "asc" }, { templateStage: { sortOrder: "asc" } }],
    }),
    db.referral.findMany({
      where: { toAgencyId: actor.agencyId, state: "PENDING", stage: { person: live } },
      select: {
        id: true,
        message: true,
        createdAt: true,
        fromAgency: { select: { name: true, retiredAt: true } },
        referredBy: { select: { name: true } },
        stage: {
          select: {
            ...STAGE_CLOCK_SELECT,
            templateStage: { select: { title: true } },
            person: {
              select: {
                id: true,
                caseReference: true,
                identity: { select: { name: true, description: true } },
                safety: { select: SAFETY_SELECT },
                ...PERSON_CLOCK_SELECT,
              },
            },
          },
        },
      },
      orderBy: { createdAt: "asc" },
    }),
    db.referral.findMany({
      where: {
        fromAgencyId: actor.agencyId,
        stage: { person: { rescue: { partnershipId: actor.partnershipId } } },
        OR: [{ state: "PENDING" }, { answeredAt: { gte: new Date(now.getTime() - ANSWERED_SHOWN_DAYS * 86_400_000) } }],
      },
      select: {
        id: true,
        state: true,
        createdAt: true,
        answeredAt: true,
        answerReason: true,
        answeredBy: { select: { name: true } },
        toAgency: { select: { name: true, retiredAt: true } },
        stage: { select: { templateStage: { select: { title: true } }, person: { select: { id: true, caseReference: true } } } },
      },
      orderBy: { createdAt: "desc" },
    }),
    // NRM milestones are dated, not hour targets: apart from the stages, so their order and filters stay.
    db.nrmReferral.findMany({
      where: { submittedByAgencyId: actor.agencyId, person: live },
      select: {
        submittedOn: true,
        reasonableGrounds: true,
        reasonableGroundsOn: true,
        conclusiveGrounds: true,
        conclusiveGroundsOn: true,
        reconsiderationOf: true,
        reconsiderationRequestedOn: true,
        person: { select: { id: true, caseReference: true, identity: { select: { name: true, description: true } } } },
      },
    }),
  ]);
  await recordAudit(db, actor, { action: "queue.view", entity: "Queue", entityId: actor.agencyId });
  const people = [...new Map(stages.map((stage) => [stage.person.id, stage.person])).values()];
  const gaps = await contactGapsNow(db, actor.partnershipId, people, now);

  const rows = stages.map((stage) => {
    const clock = clockInputOf(stage, stage.person.rescue.occurredAt);
    const row: QueueStageRow = {
      stageId: stage.id,
      personId: stage.person.id,
      caseReference: stage.person.caseReference,
      displayName: personDisplayName(stage.person.identity),
      stageTitle: stage.templateStage.title,
      state: stage.state,
      clock,
      atRiskPercent: stage.person.template.atRiskPercent,
      assigneeId: stage.assigneeId,
      assigneeName: stage.assignee?.name ?? null,
      pendingReferralTo: stage.referrals[0]?.toAgency.name ?? null,
      noContact: gaps.get(stage.person.id) ?? null,
      canClaim: mayWorkOnStage(actor, forWork(stage), "claim") && !stage.assigneeId,
      canAssign: mayWorkOnStage(actor, forWork(stage), "assign"),
      safety: safetyFlagsView(stage.person.safety),
    };
    return { ...row, clock: readClock(clock, now, row.atRiskPercent), row };
  });
  const arranged = arrangeQueue(rows, filter, actor.id);

  const today = londonToday(now);
  const milestones: QueueMilestone[] = nrmReferrals
    .flatMap((referral) =>
      milestonesDueForQueue(nrmMilestones(nrmReferralDates(referral), today), today).map((milestone) => ({
        key: milestone.key,
        personId: referral.person.id,
        caseReference: referral.person.caseReference,
        displayName: personDisplayName(referral.person.identity),
        text: queueMilestoneText(milestone, today),
        dueOn: milestone.dueOn!,
      })),
    )
    .sort((a, b) => compareDays(a.dueOn, b.dueOn));

  return {
    agencyName: actor.agencyName,
    milestones,
    filter,
    counts: arranged.counts,
    stages: arranged.items.map((item) => item.row),
    /** Every person with an open stage of this agency whose gap in contact has reached the limit, whatever the filter. */
    noContact: people
      .filter((person) => gaps.has(person.id))
      .map((person) => ({ personId: person.id, caseReference: person.caseReference, displayName: personDisplayName(person.identity), words: gaps.get(person.id)! })),
    incoming: incoming.map(
      (referral): IncomingReferral => ({
        id: referral.id,
        personId: referral.stage.person.id,
        caseReference: referral.stage.person.caseReference,
        displayName: personDisplayName(referral.stage.person.identity),
        stageTitle: referral.stage.templateStage.title,
        fromAgencyName: agencyDisplayName(referral.fromAgency),
        referredByName: referral.referredBy.name,
        message: referral.message,
        createdAt: referral.createdAt,
        clock: clockInputOf(referral.stage, referral.stage.person.rescue.occurredAt),
        atRiskPercent: referral.stage.person.template.atRiskPercent,
        safety: safetyFlagsView(referral.stage.person.safety),
      }),
    ),
    outgoing: outgoing.map(
      (referral): OutgoingReferral => ({
        id: referral.id,
        personId: referral.stage.person.id,
        caseReference: referral.stage.person.caseReference,
        stageTitle: referral.stage.templateStage.title,
        toAgencyName: agencyDisplayName(referral.toAgency),
        state: referral.state,
        createdAt: referral.createdAt,
        answeredAt: referral.answeredAt,
        answeredByName: referral.answeredBy?.name ?? null,
        answerReason: referral.answerReason,
      }),
    ),
  };
}

export type AgencyQueue = Awaited<ReturnType<typeof getAgencyQueue>>;
