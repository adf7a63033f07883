import type { z } from "zod";

/**
 * Why a use case or a domain rule refused, for code and tests; people read the message beside it.
 * One catalogue, so a grep finds every reason the app can give.
 */
export const REFUSAL_CODES = [
  /** A field failed its rule: `fieldErrors` says which and why. */
  "invalid-input",
  /** Missing, or not visible to this user: deliberately the same. */
  "not-found",
  /** The role may not do this at all. */
  "not-permitted",
  /** Another agency owns the stage. */
  "not-owner",
  /** The stage is done, not needed or declined. */
  "finished",
  /** The person's case is closed. */
  "case-closed",
  /** The stage is not in a state that allows this action (paused, already in progress…). */
  "wrong-state",
  /** Someone else changed the record since the form was shown. */
  "stale-version",
  /** Someone else claimed the stage first. */
  "already-claimed",
  /** The referral was answered already. */
  "already-answered",
  /** The stage already waits for an answer to a referral. */
  "referral-pending",
  /** The stage left the referring agency, or was finished, after it was referred. */
  "stage-moved-on",
  /** The possible earlier rescue was decided already. */
  "already-decided",
  /** The possible earlier rescue has no decision to undo. */
  "not-decided",
  /** The break-glass access was reviewed already. */
  "already-reviewed",
  /** A form's one-time key came back from another user: they must reload it. */
  "form-expired",
  /** The person's pathway has no accommodation stage to record an address against. */
  "no-accommodation-stage",
  /** A pathway version some person started under cannot be deleted. */
  "version-in-use",
  /** The current pathway version, which new people start on, cannot be deleted. */
  "current-version",
  /** Another account already has this email address. */
  "email-taken",
  /** The role does not belong in the chosen agency (a caseworker in the PCC office, say). */
  "role-agency-mismatch",
  /** The agency is retired: it takes no new staff, no changes and no new work. */
  "agency-retired",
  /** An administrator may not switch off, demote or move their own account. */
  "own-account",
  /** The change would leave the partnership with no active administrator. */
  "last-administrator",
  /** The account is switched off: switch it on first. */
  "account-switched-off",
  /** The account has been activated already: reset the password or second factor instead. */
  "already-activated",
  /** The change asked for is what the account has already. */
  "no-change",
  /** Another agency of the partnership already has this name (capitals aside). */
  "name-taken",
  /** The partnership's current pathway names the agency as a stage owner: the pathway must change first. */
  "owns-pathway-stages",
  /** The agency still has active staff. */
  "has-active-staff",
  /** The agency is the last active one of a kind the partnership needs. */
  "last-of-kind",
  /** An activation or reset link that is unknown, expired, used, revoked or for a switched-off user: all alike. */
  "link-not-usable",
  /** A second-factor code, or the current password, that is not right. */
  "wrong-code",
  "wrong-password",
  /** A second-factor code for a time step already used. */
  "code-used",
  /** Only a First Responder Organisation of the kind the rule names may record this (consent, NRM, Duty to Notify). */
  "not-first-responder",
  /** An adult's NRM referral needs their consent to the NRM, given and not withdrawn. */
  "consent-needed",
  /** The person has an NRM referral already. */
  "already-referred",
  /** The person has no NRM referral to record a decision against. */
  "no-nrm-referral",
  /** The decision was recorded already. */
  "already-decided",
  /** A consent decision that was refused, withdrawn or superseded cannot be withdrawn. */
  "not-withdrawable",
  /** A Duty to Notify was sent for this person already, or they are a child, or they did not decline the NRM. */
  "duty-to-notify-not-due",
  /** Throttled, like sign-in (docs/decisions/0005). */
  "too-many-attempts",
  /** Reopening a case that is not closed. */
  "case-open",
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export type Refusal = { ok: false; code: RefusalCode; formError?: string; fieldErrors: Record<string, string> };

/** What every domain rule and use case returns for expected outcomes; faults are thrown. */
export type Result<T> = { ok: true; data: T } | Refusal;

export const CHECK_THE_ANSWERS = "There is a problem: check the highlighted answers.";

export function ok<T>(data: T): { ok: true; data: T } {
  return { ok: true, data };
}

export function refused(code: RefusalCode, formError?: string, fieldErrors: Record<string, string> = {}): Refusal {
  return formError === undefined ? { ok: false, code, fieldErrors } : { ok: false, code, fieldErrors, formError };
}

/** One field's answer is refused, with the usual line at the top of the form. */
export function fieldRefused(field: string, message: string): Refusal {
  return refused("invalid-input", CHECK_THE_ANSWERS, { [field]: message });
}

/** zod issues as one message per field, keyed by dotted path ("people.2.ageGroup"). */
export function invalid(error: z.ZodError): Refusal {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    fieldErrors[key] ??= issue.message;
  }
  return refused("invalid-input", CHECK_THE_ANSWERS, fieldErrors);
}
