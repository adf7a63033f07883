// New passwords the NCSC way (NCSC "Password administration for system owners"; NIST SP 800-63B):
// long enough, no composition rules, and not one an attacker tries first. The list of common and
// breached passwords is loaded by the server (src/server/auth/common-passwords.ts) and passed in.

export const PASSWORD_MIN_LENGTH = 12;
/** Long passphrases are welcome; this only stops a megabyte being hashed. */
export const PASSWORD_MAX_LENGTH = 256;

export const PASSWORD_HINT =
  "Use at least 12 characters. A few random words together are easy to remember and hard to guess. You do not need symbols or numbers.";

export const PASSWORD_MESSAGES = {
  missing: "Enter a new password",
  tooShort: `Your password must be at least ${PASSWORD_MIN_LENGTH} characters`,
  tooLong: `Your password must be ${PASSWORD_MAX_LENGTH} characters or fewer`,
  common: "This password is too common and would be easy to guess. Choose a different one, for example three random words",
  containsEmail: "Your password must not contain your email address or name",
  mismatch: "The passwords do not match. Type the same password in both boxes",
} as const;

export type PasswordContext = {
  /** The account's email address: a password that contains its name is among the first guessed. */
  email: string;
  /** True for a password on the shipped list of common and breached passwords (lower case). */
  isCommon: (lowerCasePassword: string) => boolean;
};

// Characters often added to the end of a listed password to get past a rule: "football2026!".
const TRAILING_DIGITS_AND_SYMBOLS = /[\d\W_]+$/u;
// Parts of an email name shorter than this ("li", "amy") would refuse too many good passwords.
const MIN_NAME_PART = 4;

/** Why a new password is refused, in words for the form; null when it is fine. */
export function passwordProblem(password: string, context: PasswordContext): string | null {
  if (password.length === 0) return PASSWORD_MESSAGES.missing;
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return PASSWORD_MESSAGES.tooShort;
  if (length > PASSWORD_MAX_LENGTH) return PASSWORD_MESSAGES.tooLong;
  const lower = password.toLowerCase();
  if (containsEmailName(lower, context.email)) return PASSWORD_MESSAGES.containsEmail;
  const stripped = lower.replace(TRAILING_DIGITS_AND_SYMBOLS, "");
  if (context.isCommon(lower) || (stripped.length > 0 && context.isCommon(stripped))) return PASSWORD_MESSAGES.common;
  return null;
}

function containsEmailName(lowerPassword: string, email: string): boolean {
  const name = email.trim().toLowerCase().split("@")[0] ?? "";
  if (name.length > 0 && lowerPassword.includes(name)) return true;
  return name
    .split(/[^\p{L}\p{N}]+/u)
    .filter((part) => part.length >= MIN_NAME_PART)
    .some((part) => lowerPassword.includes(part));
}
