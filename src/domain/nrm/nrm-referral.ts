import { addWorkingDays, isWorkingDay } from "../time/working-days";
import { londonToday, startOfLondonDay, type CalendarDay } from "../time/london-day";
import type { AgencyKind } from "../types";

export const NRM_OUTCOMES = ["POSITIVE", "NEGATIVE"] as const;
export type NrmOutcome = (typeof NRM_OUTCOMES)[number];
export const NRM_OUTCOME_LABELS: Record<NrmOutcome, string> = { POSITIVE: "Positive", NEGATIVE: "Negative" };

export const NRM_DECISION_KINDS = ["REASONABLE_GROUNDS", "CONCLUSIVE_GROUNDS"] as const;
export type NrmDecisionKind = (typeof NRM_DECISION_KINDS)[number];
export const NRM_DECISION_KIND_LABELS: Record<NrmDecisionKind, string> = {
  REASONABLE_GROUNDS: "Reasonable Grounds decision",
  CONCLUSIVE_GROUNDS: "Conclusive Grounds decision",
};

/** Reasonable Grounds: expected within 5 working days of referral. */
export const RG_EXPECTED_WORKING_DAYS = 5;
/** Recovery period: at least 30 days from a positive Reasonable Grounds decision. */
export const RECOVERY_PERIOD_DAYS = 30;
/** Conclusive Grounds: at least 30 days after Reasonable Grounds. */
export const CG_MINIMUM_DAYS_AFTER_RG = 30;
/** Move-on support: at least 45 days after a positive Conclusive Grounds decision. */
export const MOVE_ON_DAYS = 45;

/**
 * Our format for the Home Office reference (docs/decisions/0020): "NRM-", the year of referral, "-",
 * six digits — "NRM-2026-004512". The database holds the same CHECK.
 */
export const HOME_OFFICE_REFERENCE = /^NRM-\d{4}-\d{6}$/;
export const HOME_OFFICE_REFERENCE_MESSAGE = "Enter the Home Office reference in the format NRM-2026-004512";

export function normaliseHomeOfficeReference(text: string): string {
  return text.trim().toUpperCase();
}

/** Police, councils and the Salvation Army submit NRM referrals here (First Responder Organisations). */
export function maySubmitNrmReferral(kind: AgencyKind): boolean {
  return kind === "POLICE" || kind === "COUNCIL_SAFEGUARDING" || kind === "SALVATION_ARMY";
}

export function addCalendarDays({ year, month, day }: CalendarDay, days: number): CalendarDay {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000);
}

export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return daysBetween(b, a);
}

/** The day the Reasonable Grounds decision is expected: 5 working days (bank holidays skipped) after referral. */
export function reasonableGroundsExpectedOn(submittedOn: CalendarDay): CalendarDay {
  return londonToday(addWorkingDays(startOfLondonDay(submittedOn), RG_EXPECTED_WORKING_DAYS));
}

/**
 * Working days from `today` to `target`: positive while ahead, 0 on the day, negative once past.
 * Each working day after today up to and including the target counts one.
 */
export function workingDaysUntil(today: CalendarDay, target: CalendarDay): number {
  const step = compareDays(target, today) >= 0 ? 1 : -1;
  let count = 0;
  let day = today;
  while (compareDays(day, target) !== 0) {
    day = addCalendarDays(day, step);
    const counted = step > 0 ? day : addCalendarDays(day, 1);
    if (isWorkingDay(startOfLondonDay(counted))) count += step;
  }
  return count;
}

/** "expected in 2 working days", "expected today", "1 working day later than expected". */
export function describeWorkingDayCountdown(left: number, what = "expected"): string {
  if (left === 0) return `${what} today`;
  const plural = (n: number) => `${n} working day${n === 1 ? "" : "s"}`;
  return left > 0 ? `${what} in ${plural(left)}` : `${plural(-left)} later than ${what}`;
}

export type NrmReferralDates = {
  submittedOn: CalendarDay;
  reasonableGrounds: NrmOutcome | null;
  reasonableGroundsOn: CalendarDay | null;
  conclusiveGrounds: NrmOutcome | null;
  conclusiveGroundsOn: CalendarDay | null;
  reconsiderationOf: NrmDecisionKind | null;
  reconsiderationRequestedOn: CalendarDay | null;
};

export type MilestoneKey = "referral" | "reasonable-grounds" | "recovery-period" | "conclusive-grounds" | "move-on" | "reconsideration";

export type Milestone = {
  key: MilestoneKey;
  title: string;
  /** Done (a date in the past that was recorded) or waiting. */
  status: "done" | "waiting" | "running" | "ended";
  /** The day it happened, or when it is expected or ends. */
  on: CalendarDay | null;
  /** What the page says beside it. */
  detail: string;
  /** For the owning agency's queue: the day it falls due, while it still waits for someone to act. */
  dueOn: CalendarDay | null;
};

const pad = (n: number) => String(n).padStart(2, "0");
export function formatDay({ year, month, day }: CalendarDay): string {
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${pad(day)} ${months[month - 1]} ${year}`;
}

/**
 * The referral's milestones, in order, as of `today`: the referral, the Reasonable Grounds decision
 * (with its countdown), the recovery period, the Conclusive Grounds decision (with the wait), move-on
 * support and any reconsideration request. Pure: the person's page and the queue both read it.
 */
export function nrmMilestones(referral: NrmReferralDates, today: CalendarDay): Milestone[] {
  const milestones: Milestone[] = [
    { key: "referral", title: "NRM referral submitted", status: "done", on: referral.submittedOn, detail: `Submitted ${formatDay(referral.submittedOn)}`, dueOn: null },
  ];
  const rgExpected = reasonableGroundsExpectedOn(referral.submittedOn);
  if (referral.reasonableGrounds && referral.reasonableGroundsOn) {
    const waited = daysBetween(referral.submittedOn, referral.reasonableGroundsOn);
    milestones.push({
      key: "reasonable-grounds",
      title: "Reasonable Grounds decision",
      status: "done",
      on: referral.reasonableGroundsOn,
      detail: `${NRM_OUTCOME_LABELS[referral.reasonableGrounds]}, ${formatDay(referral.reasonableGroundsOn)} (${waited} day${waited === 1 ? "" : "s"} after referral)`,
      dueOn: null,
    });
  } else {
    milestones.push({
      key: "reasonable-grounds",
      title: "Reasonable Grounds decision",
      status: "waiting",
      on: rgExpected,
      detail: `Expected by ${formatDay(rgExpected)}: ${describeWorkingDayCountdown(workingDaysUntil(today, rgExpected))}`,
      dueOn: rgExpected,
    });
    return withReconsideration(milestones, referral);
  }

  if (referral.reasonableGrounds === "POSITIVE" && referral.reasonableGroundsOn) {
    const recoveryEnds = addCalendarDays(referral.reasonableGroundsOn, RECOVERY_PERIOD_DAYS);
    const ended = compareDays(today, recoveryEnds) > 0 && referral.conclusiveGrounds !== null;
    milestones.push({
      key: "recovery-period",
      title: "Recovery period",
      status: ended ? "ended" : "running",
      on: recoveryEnds,
      detail: `At least 30 days, to ${formatDay(recoveryEnds)}; it goes on until the Conclusive Grounds decision`,
      dueOn: referral.conclusiveGrounds ? null : recoveryEnds,
    });
    if (referral.conclusiveGrounds && referral.conclusiveGroundsOn) {
      const waited = daysBetween(referral.submittedOn, referral.conclusiveGroundsOn);
      milestones.push({
        key: "conclusive-grounds",
        title: "Conclusive Grounds decision",
        status: "done",
        on: referral.conclusiveGroundsOn,
        detail: `${NRM_OUTCOME_LABELS[referral.conclusiveGrounds]}, ${formatDay(referral.conclusiveGroundsOn)} (waited ${waited} days from referral)`,
        dueOn: null,
      });
      if (referral.conclusiveGrounds === "POSITIVE") {
        const moveOnEnds = addCalendarDays(referral.conclusiveGroundsOn, MOVE_ON_DAYS);
        milestones.push({
          key: "move-on",
          title: "Move-on support",
          status: compareDays(today, moveOnEnds) > 0 ? "ended" : "running",
          on: moveOnEnds,
          detail: `At least 45 days, to ${formatDay(moveOnEnds)}`,
          dueOn: moveOnEnds,
        });
      }
    } else {
      const earliest = addCalendarDays(referral.reasonableGroundsOn, CG_MINIMUM_DAYS_AFTER_RG);
      const waiting = daysBetween(referral.submittedOn, today);
      milestones.push({
        key: "conclusive-grounds",
        title: "Conclusive Grounds decision",
        status: "waiting",
        on: earliest,
        detail: `Waiting ${waiting} day${waiting === 1 ? "" : "s"} since referral; not before ${formatDay(earliest)}`,
        dueOn: null,
      });
    }
  }
  return withReconsideration(milestones, referral);
}

function withReconsideration(milestones: Milestone[], referral: NrmReferralDates): Milestone[] {
  if (!referral.reconsiderationOf || !referral.reconsiderationRequestedOn) return milestones;
  return [
    ...milestones,
    {
      key: "reconsideration",
      title: "Reconsideration requested",
      status: "done",
      on: referral.reconsiderationRequestedOn,
      detail: `Of the ${NRM_DECISION_KIND_LABELS[referral.reconsiderationOf]}, requested ${formatDay(referral.reconsiderationRequestedOn)}`,
      dueOn: null,
    },
  ];
}

/** How far ahead a milestone appears in the owning agency's queue. */
export const QUEUE_LOOKAHEAD_DAYS = 7;

/**
 * The milestones that belong in the owning agency's queue today: a Reasonable Grounds decision still
 * awaited (from the referral on), and the end of a recovery period or of move-on support within a week
 * (or past, while nothing else has been recorded).
 */
export function milestonesDueForQueue(milestones: readonly Milestone[], today: CalendarDay): Milestone[] {
  return milestones.filter((milestone) => {
    if (!milestone.dueOn || milestone.status === "done") return false;
    if (milestone.key === "reasonable-grounds") return true;
    return daysBetween(today, milestone.dueOn) <= QUEUE_LOOKAHEAD_DAYS && daysBetween(today, milestone.dueOn) >= -QUEUE_LOOKAHEAD_DAYS;
  });
}

/** The queue's words for a milestone that falls due: "Reasonable Grounds decision expected in 2 working days". */
export function queueMilestoneText(milestone: Milestone, today: CalendarDay): string {
  if (!milestone.dueOn) return milestone.title;
  if (milestone.key === "reasonable-grounds") return `${milestone.title} ${describeWorkingDayCountdown(workingDaysUntil(today, milestone.dueOn))}`;
  const left = daysBetween(today, milestone.dueOn);
  const when = left === 0 ? "today" : left > 0 ? `in ${left} day${left === 1 ? "" : "s"}` : `${-left} day${left === -1 ? "" : "s"} ago`;
  return `${milestone.title} ${left >= 0 ? "ends" : "ended"} ${when} (${formatDay(milestone.dueOn)})`;
}

