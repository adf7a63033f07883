/** What an administrator reads about an account: can it be used yet, and is the second factor set up. */
export type AccountStatus = "not-activated" | "password-reset" | "active" | "switched-off";

export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  "not-activated": "Not yet activated",
  "password-reset": "Waiting for a new password",
  active: "Active",
  "switched-off": "Switched off",
};

type AccountFacts = { active: boolean; hasPassword: boolean; totpEnrolled: boolean };

/**
 * Switched off wins over everything. With no password, an account that still has its second factor
 * had its password reset; one with neither is waiting for its activation link.
 */
export function accountStatus(user: AccountFacts): AccountStatus {
  if (!user.active) return "switched-off";
  if (!user.hasPassword) return user.totpEnrolled ? "password-reset" : "not-activated";
  return "active";
}

/**
 * Whether a fresh activation link (set a password and enrol a second factor) is what the account
 * needs: only when it has neither. Otherwise the administrator resets the one that was lost.
 */
export function needsActivation(user: Pick<AccountFacts, "hasPassword" | "totpEnrolled">): boolean {
  return !user.hasPassword && !user.totpEnrolled;
}

/**
 * Which link an administrator's reset issues. Each new link revokes the earlier one, so once an
 * account has lost both its password and its second factor (one reset after the other, or an account
 * never activated) only a full activation link leaves it usable.
 */
export function linkPurposeAfterReset(
  reset: "password" | "second-factor",
  after: Pick<AccountFacts, "hasPassword" | "totpEnrolled">,
): "ACTIVATE" | "RESET_PASSWORD" | "RESET_SECOND_FACTOR" {
  if (needsActivation(after)) return "ACTIVATE";
  return reset === "password" ? "RESET_PASSWORD" : "RESET_SECOND_FACTOR";
}
