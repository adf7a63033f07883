import "server-only";
import { roleHasPermission } from "@/domain/access/permissions";
import { agencyDisplayName } from "@/domain/agencies/agency-details";
import { contactGapReached, contactGapStart, noContactWords } from "@/domain/contact/contact-watch";
import { compareDays, milestonesDueForQueue, nrmMilestones, queueMilestoneText } from "@/domain/nrm/nrm-referral";
import { clockInputOf, readClock, type Clock, type ClockInput } from "@/domain/pathway/clock";
import { mayWorkOnStage } from "@/domain/pathway/stage-work";
import { personDisplayName } from "@/domain/person-name";
import { safetyFlagsView, type SafetyFlagsView } from "@/domain/person/safety-flags";
import { parseQueueFilter, type QueueFilter } from "@/domain/queue/queue-filters";
import { arrangeQueueView, DEFAULT_QUEUE_VIEW, type QueueView } from "@/domain/queue/queue-view";
import { teamWorkload } from "@/domain/queue/team-workload";
import { londonToday, type CalendarDay } from "@/domain/time/london-day";
import type { AgeGroup } from "@/domain/types";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { recordAudits } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { nrmReferralDates } from "../nrm/nrm-referral-dates";
import { readQueueStageRecords } from "./read-queue-rows";
import { readQueueSideLists, type OutgoingRecord } from "./read-queue-side-lists";

export type QueueStageRow = {
  stageId: string;
  personId: string;
  caseReference: string;
  displayName: string;
  stageKey: string;
  stageTitle: string;
  /** The stage's place in the pathway. */
  stageOrder: number;
  ageGroup: AgeGroup;
  state: ClockInput["state"];
  /** What the clock is read from (the browser keeps reading it), and its reading when the page was made. */
  clockInput: ClockInput;
  clock: Clock;
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

export type OutgoingReferral = Omit<OutgoingRecord, "toAgencyRetiredAt">;

const safetyOf = (row: { hasSafety: boolean; safeContact: string | null; neverContact: string | null; tippingOffRisk: boolean; reTraffickingRisk: boolean; doNotDiscloseWhereabouts: boolean }) =>
  row.hasSafety ? safetyFlagsView(row) : null;

/**
 * The actor's agency queue under a view (filter, stage, assignee, age group, sort, page): one page of
 * the open stages it owns on live cases, with the total and a count for every filter, referrals waiting
 * for its answer, its own referrals with their answers, its NRM milestones, the people it has lost
 * contact with and, for a lead, the team's workload. Only the actor's own agency's work is read, and
 * every person on it passes the one visibility rule. Two reads and one statement for the audit rows, however
 * large the agency's history: each read starts from the agency's live work.
 */
export async function getAgencyQueue(db: Db, actor: Actor, requested: QueueFilter | Partial<QueueView> = DEFAULT_QUEUE_VIEW, now = new Date()) {
  await requirePermission(db, actor, "queue.view", { entity: "Queue", entityId: actor.agencyId });
  const view: QueueView = typeof requested === "string" ? { ...DEFAULT_QUEUE_VIEW, filter: parseQueueFilter(requested) } : { ...DEFAULT_QUEUE_VIEW, ...requested };
  const seesTeam = roleHasPermission(actor.role, "team.view");

  // Each read keeps only the people the visibility rule lets the actor see (a person whose consent to
  // sharing with this agency was refused or withdrawn, with no lawful basis, leaves the queue as they
  // leave the people list), asking the rule of the people it found only: asked of the whole
  // partnership, Postgres hashed every stage the agency ever owned (126,679 for the busiest on the
  // 50,000-person history) to answer for 80.
  const [records, side] = await Promise.all([readQueueStageRecords(db, actor), readQueueSideLists(db, actor, seesTeam, now)]);
  await recordAudits(db, actor, [
    { action: "queue.view", entity: "Queue", entityId: actor.agencyId },
    ...(seesTeam ? [{ action: "team.view" as const, entity: "Agency", entityId: actor.agencyId }] : []),
  ]);

  const gaps = new Map<string, string>();
  const rows = records.map((record): QueueStageRow => {
    const start = contactGapStart(record.rescuedAt, record.lastContactMadeAt, record.reopenedAt);
    if (contactGapReached(start, now, side.contactGapHours)) gaps.set(record.personId, noContactWords(start, now));
    const clockInput = clockInputOf(record, record.rescuedAt);
    // The read keeps only open stages of live cases; the rule still decides what this user may do to each.
    const forWork = { state: record.state, ownerAgencyId: actor.agencyId, caseClosed: false };
    return {
      stageId: record.stageId,
      personId: record.personId,
      caseReference: record.caseReference,
      displayName: personDisplayName(record),
      stageKey: record.stageKey,
      stageTitle: record.stageTitle,
      stageOrder: record.stageOrder,
      ageGroup: record.ageGroup,
      state: record.state,
      clockInput,
      clock: readClock(clockInput, now, record.atRiskPercent),
      atRiskPercent: record.atRiskPercent,
      assigneeId: record.assigneeId,
      assigneeName: record.assigneeName,
      pendingReferralTo: record.pendingReferralTo,
      noContact: gaps.get(record.personId) ?? null,
      canClaim: mayWorkOnStage(actor, forWork, "claim") && !record.assigneeId,
      canAssign: mayWorkOnStage(actor, forWork, "assign"),
      safety: safetyOf(record),
    };
  });
  const arranged = arrangeQueueView(rows, view, actor.id);

  const noContact = new Map<string, { personId: string; caseReference: string; displayName: string; words: string }>();
  for (const row of rows) {
    const words = gaps.get(row.personId);
    if (words && !noContact.has(row.personId)) noContact.set(row.personId, { personId: row.personId, caseReference: row.caseReference, displayName: row.displayName, words });
  }

  const today = londonToday(now);
  const milestones: QueueMilestone[] = side.nrm
    .flatMap((referral) =>
      milestonesDueForQueue(nrmMilestones(nrmReferralDates(referral), today), today).map((milestone) => ({
        key: milestone.key,
        personId: referral.personId,
        caseReference: referral.caseReference,
        displayName: personDisplayName(referral),
        text: queueMilestoneText(milestone, today),
        dueOn: milestone.dueOn!,
      })),
    )
    .sort((a, b) => compareDays(a.dueOn, b.dueOn));

  return {
    agencyName: actor.agencyName,
    /** The view as shown: a stage or assignee naming nothing on the queue is dropped, the page kept in range. */
    view: arranged.view,
    filter: arranged.view.filter,
    counts: arranged.counts,
    total: arranged.total,
    pageCount: arranged.pageCount,
    from: arranged.from,
    to: arranged.to,
    options: arranged.options,
    /** The page's rows only. */
    stages: arranged.items,
    milestones,
    /** Every person with an open stage of this agency whose gap in contact has reached the limit, whatever the filter. */
    noContact: [...noContact.values()],
    /** For a lead (team.view): who in the agency holds how much of this queue. */
    team: seesTeam ? teamWorkload(side.team, rows) : null,
    incoming: side.incoming
      .map(
        (referral): IncomingReferral => ({
          id: referral.id,
          personId: referral.personId,
          caseReference: referral.caseReference,
          displayName: personDisplayName(referral),
          stageTitle: referral.stageTitle,
          fromAgencyName: agencyDisplayName({ name: referral.fromAgencyName, retiredAt: referral.fromAgencyRetiredAt }),
          referredByName: referral.referredByName,
          message: referral.message,
          createdAt: referral.createdAt,
          clock: clockInputOf(referral, referral.rescuedAt),
          atRiskPercent: referral.atRiskPercent,
          safety: safetyOf(referral),
        }),
      ),
    outgoing: side.outgoing.map(
      ({ toAgencyRetiredAt, ...referral }): OutgoingReferral => ({
        ...referral,
        toAgencyName: agencyDisplayName({ name: referral.toAgencyName, retiredAt: toAgencyRetiredAt }),
      }),
    ),
  };
}

export type AgencyQueue = Awaited<ReturnType<typeof getAgencyQueue>>;
