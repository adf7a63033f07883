import { fieldRefused, ok, type Result } from "../result";
import type { StageActionType } from "./transitions";

/** The adult stage at which the police record what the person decided about the NRM. */
export const NRM_CONSENT_STAGE_KEY = "nrm-consent-decision";

// The string values match the database enum NrmDecision one for one.
export const NRM_DECISIONS = ["NRM_REFERRAL", "DUTY_TO_NOTIFY"] as const;
export type NrmDecision = (typeof NRM_DECISIONS)[number];

/** What the caseworker chooses on the form. */
export const NRM_DECISION_CHOICES: Record<NrmDecision, string> = {
  NRM_REFERRAL: "Consented — referred to the NRM",
  DUTY_TO_NOTIFY: "Declined — Duty to Notify sent (no identifying details)",
};

/** How a recorded decision reads on the stage, the person's page and the timeline. */
export const NRM_DECISION_LABELS: Record<NrmDecision, string> = {
  NRM_REFERRAL: "NRM referral",
  DUTY_TO_NOTIFY: "Duty to Notify",
};

export const NRM_DECISION_MISSING = "Choose what the person decided: NRM referral or Duty to Notify";
export const NRM_DECISION_NOT_HERE = "A decision is recorded only when the NRM consent decision stage is marked as done";

export type NrmDecisionCheck = Result<NrmDecision | null>;

export function isNrmDecision(value: unknown): value is NrmDecision {
  return typeof value === "string" && (NRM_DECISIONS as readonly string[]).includes(value);
}

/**
 * Which NRM decision a stage change stores. Completing the NRM consent decision stage needs one (a
 * consent decision without its outcome would be an empty record). Any other stage never takes one:
 * a decision sent for it is refused. The NRM stage's other actions (start, pause…) store nothing, and
 * a choice sent with them is ignored — a radio button cannot be unticked, so refusing would trap the
 * user who ticked one and then chose to pause.
 */
export function nrmDecisionFor(stageKey: string, action: StageActionType, decision: NrmDecision | undefined): NrmDecisionCheck {
  if (stageKey !== NRM_CONSENT_STAGE_KEY) return decision ? fieldRefused("nrmDecision", NRM_DECISION_NOT_HERE) : ok(null);
  if (action !== "complete") return ok(null);
  return decision ? ok(decision) : fieldRefused("nrmDecision", NRM_DECISION_MISSING);
}

/** The completion's timeline text: the decision first, then what the caseworker wrote. */
export function completionTextWithDecision(outcome: string | null, decision: NrmDecision | null): string | null {
  if (!decision) return outcome;
  const line = `Decision: ${NRM_DECISION_LABELS[decision]}`;
  return outcome ? `${line}\n${outcome}` : line;
}
