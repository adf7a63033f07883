import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import { passwordProblem } from "@/domain/auth/password-policy";

// The 49,000 most common passwords from public breach corpora, as shipped (and kept up) by zxcvbn-ts
// for its own strength checks; only the list is used. Built into a Set once, on first use.
let common: Set<string> | undefined;

function isCommonPassword(lowerCasePassword: string): boolean {
  common ??= new Set((dictionary["passwords-common"] as string[]).map((password) => password.toLowerCase()));
  return common.has(lowerCasePassword);
}

/** The one check of a new password (src/domain/auth/password-policy.ts) with the shipped list. */
export function newPasswordProblem(password: string, email: string): string | null {
  return passwordProblem(password, { email, isCommon: isCommonPassword });
}
