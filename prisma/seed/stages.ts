// What happened to one stage of one person's pathway in the demo history. The actions are replayed
// through the app's own stage rules (transition), so every stored stage is one the app could produce.
import { completionTextWithDecision, NRM_CONSENT_STAGE_KEY, type NrmDecision } from "../../src/domain/pathway/nrm-decision";
import {
  transition,
  type StageAction,
  type StageSnapshot,
  type TimelineKindForStage,
} from "../../src/domain/pathway/transitions";
import { MS } from "../../src/domain/time/duration";
import type { AgeGroup } from "../../src/domain/types";
import {
  CHILD_OUTCOMES,
  DECLINED_REASONS,
  LATE_CHANCE,
  LEFT_REASONS,
  NOT_NEEDED_REASONS,
  NRM_CONSENT_OUTCOMES,
  NRM_NOT_ENGAGED,
  OUTCOMES,
  PAUSE_REASONS,
} from "./data";
import type { Engagement } from "./people";
import type { Random } from "./random";

export type Doer = "CASEWORKER" | "AGENCY_LEAD";
export type StageEvent = { kind: TimelineKindForStage; text: string | null; at: Date; doer: Doer };
export type SimulatedStage = {
  snapshot: StageSnapshot;
  version: number;
  events: StageEvent[];
  /** Set only on a done NRM consent decision stage, as the app stores it. */
  nrmDecision: NrmDecision | null;
};

export type StageContext = {
  key: string;
  t0: Date;
  dueAt: Date;
  /** When the rescue was logged: nobody can record anything about the person before it. */
  loggedAt: Date;
  now: Date;
  ageGroup: AgeGroup;
  engagement: Engagement;
  /** Multiplies the chance of finishing late: the demo shows the partnership improving over the year. */
  lateFactor: number;
};

type Ending = Extract<StageAction, { type: "complete" | "not_needed" | "decline" }>;
type PlannedEnding = { ending: Ending; nrmDecision: NrmDecision | null };
type Scheduled = { action: StageAction; at: Date };

const NOT_STARTED: StageSnapshot = {
  state: "NOT_STARTED",
  startedAt: null,
  completedAt: null,
  pausedAt: null,
  pausedMs: 0,
  closingReason: null,
};

// Stages the person takes part in, which they can walk away from.
const PERSON_FACING = new Set(["accommodation", "social-care-contact", "victim-support"]);
const PAUSE_CHANCE: Record<string, number> = {
  "health-check": 0.1,
  accommodation: 0.04,
  "nrm-consent-decision": 0.05,
  "social-care-contact": 0.03,
};
const PAUSE_HOURS: Record<string, [number, number]> = {
  "health-check": [1, 5],
  accommodation: [1, 4],
  "nrm-consent-decision": [4, 30],
  "social-care-contact": [6, 36],
};

function complete(rng: Random, key: string, ageGroup: AgeGroup): Ending {
  const childWording = ageGroup !== "ADULT" ? CHILD_OUTCOMES[key] : undefined;
  const outcomes = childWording ?? OUTCOMES[key] ?? ["Done"];
  return { type: "complete", outcome: rng.pick(outcomes) };
}

/** The NRM consent decision is always reached: its outcome and the decision it records go together. */
function nrmConsentEnding(rng: Random, ctx: StageContext): PlannedEnding {
  // One draw, as the plain outcome pick it replaced, so the rest of the seeded history stays the same.
  const { decision, outcome } = ctx.engagement === "full" ? rng.weighted(NRM_CONSENT_OUTCOMES) : NRM_NOT_ENGAGED;
  return { ending: { type: "complete", outcome }, nrmDecision: decision };
}

function plannedEnding(rng: Random, ctx: StageContext): PlannedEnding {
  if (ctx.key === NRM_CONSENT_STAGE_KEY) return nrmConsentEnding(rng, ctx);
  return { ending: endingFor(rng, ctx), nrmDecision: null };
}

function endingFor(rng: Random, ctx: StageContext): Ending {
  const { key, engagement, ageGroup } = ctx;
  if (engagement === "left" && key === "case-conference") {
    return { type: "not_needed", reason: "Left the area before the conference; partners informed" };
  }
  if (engagement === "left" && PERSON_FACING.has(key)) {
    return { type: "decline", reason: rng.pick(LEFT_REASONS) };
  }
  if (engagement === "partial" && key === "victim-support" && rng.chance(0.6)) {
    return { type: "decline", reason: rng.pick(DECLINED_REASONS[key]!) };
  }

  const notNeeded = NOT_NEEDED_REASONS[key];
  const notNeededChance = key === "child-nrm-referral" ? (ageGroup === "AGE_DISPUTED" ? 0.15 : 0) : 0.04;
  // A child is never left to "a safe place with family" without children's services deciding it.
  if (notNeeded && !(key === "accommodation" && ageGroup !== "ADULT") && rng.chance(notNeededChance)) {
    return { type: "not_needed", reason: rng.pick(notNeeded) };
  }
  const declined = DECLINED_REASONS[key];
  if (declined && rng.chance(key === "victim-support" ? 0.08 : 0.03)) return { type: "decline", reason: rng.pick(declined) };
  return complete(rng, key, ageGroup);
}

/** Working time from T0, leaving out pauses. Within target it is skewed early; a minority run late. */
function workingTime(rng: Random, targetMs: number, lateChance: number): number {
  const roll = rng.float();
  if (roll < lateChance * 0.25) return Math.min(targetMs * rng.between(1.8, 4), targetMs + 10 * MS.DAY);
  if (roll < lateChance) return targetMs * rng.between(1.03, 1.6);
  return targetMs * (0.08 + 0.9 * rng.float() ** 1.5);
}

function schedule(rng: Random, ctx: StageContext, ending: Ending): Scheduled[] {
  const targetMs = ctx.dueAt.getTime() - ctx.t0.getTime();
  const lateChance = (LATE_CHANCE[ctx.key] ?? 0.1) * ctx.lateFactor * (ending.type === "complete" ? 1 : 0.5);
  const earliest = ctx.loggedAt.getTime() + 2 * MS.MINUTE;
  const doneAt = Math.max(ctx.t0.getTime() + workingTime(rng, targetMs, lateChance), earliest);

  const pauseReasons = PAUSE_REASONS[ctx.key];
  const paused = ending.type === "complete" && !!pauseReasons && rng.chance(PAUSE_CHANCE[ctx.key] ?? 0);
  const started = paused || rng.chance(ending.type === "complete" ? 0.6 : 0.25);
  if (!started) return [{ action: ending, at: new Date(doneAt) }];

  const startAt = Math.max(earliest - MS.MINUTE, ctx.t0.getTime() + (doneAt - ctx.t0.getTime()) * rng.between(0.15, 0.6));
  const steps: Scheduled[] = [{ action: { type: "start" }, at: new Date(startAt) }];
  if (!paused) return [...steps, { action: ending, at: new Date(doneAt) }];

  const [minHours, maxHours] = PAUSE_HOURS[ctx.key] ?? [1, 2];
  const pauseMs = Math.round(rng.between(minHours, maxHours) * MS.HOUR);
  const pauseAt = startAt + (doneAt - startAt) * rng.between(0.2, 0.7);
  return [
    ...steps,
    { action: { type: "pause", reason: rng.pick(pauseReasons!) }, at: new Date(pauseAt) },
    { action: { type: "resume" }, at: new Date(pauseAt + pauseMs) },
    { action: ending, at: new Date(doneAt + pauseMs) },
  ];
}

/** Replays the stage's actions up to `now`; anything later has not happened yet, so the stage stays open. */
export function simulateStage(rng: Random, ctx: StageContext): SimulatedStage {
  const planned = plannedEnding(rng, ctx);
  const steps = schedule(rng, ctx, planned.ending);
  let snapshot = NOT_STARTED;
  const events: StageEvent[] = [];
  for (const step of steps) {
    const doer: Doer = rng.chance(0.12) ? "AGENCY_LEAD" : "CASEWORKER";
    if (step.at > ctx.now) break;
    const result = transition(snapshot, step.action, step.at);
    if (!result.ok) throw new Error(`Demo seed made an impossible change to ${ctx.key}: ${result.code} ${result.formError ?? JSON.stringify(result.fieldErrors)}`);
    const { next, event, text } = result.data;
    snapshot = next;
    // The decision is recorded with the completion, as changeStage does: same column, same timeline text.
    const decision = event === "STAGE_COMPLETED" ? planned.nrmDecision : null;
    events.push({ kind: event, text: completionTextWithDecision(text, decision), at: step.at, doer });
  }
  const nrmDecision = snapshot.state === "DONE" ? planned.nrmDecision : null;
  return { snapshot, version: events.length, events, nrmDecision };
}
