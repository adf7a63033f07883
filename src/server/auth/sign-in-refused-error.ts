import "server-only";
import { CredentialsSignin } from "next-auth";
import type { SignInOutcome, SignInRefusal } from "./sign-in-outcome";

/**
 * Thrown from authorize() for a refusal that is not "wrong password". Auth.js passes the error
 * itself to the sign-in action, and puts `code` in the redirect of its own callback endpoint
 * (`?error=CredentialsSignin&code=too-many-attempts`).
 */
export class SignInRefusedError extends CredentialsSignin {
  constructor(readonly refusal: SignInRefusal) {
    super();
    this.code = refusal.kind;
  }
}

/** What authorize() hands Auth.js: the user to sign in, null for a wrong password, or a throw. */
export function userForAuthJs(outcome: SignInOutcome): { id: string } | null {
  if (outcome.kind === "signed-in") return { id: outcome.userId };
  if (outcome.kind === "wrong-email-or-password") return null;
  throw new SignInRefusedError(outcome);
}
