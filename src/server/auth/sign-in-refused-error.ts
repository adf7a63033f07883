import "server-only";
import { CredentialsSignin } from "next-auth";
import type { SecondFactorOutcome, SignInRefusal } from "./sign-in-outcome";

/**
 * Thrown from authorize() when the second step is refused. Auth.js passes the error itself to the
 * code form's action, and puts `code` in the redirect of its own callback endpoint
 * (`?error=CredentialsSignin&code=wrong-code`).
 */
export class SignInRefusedError extends CredentialsSignin {
  constructor(readonly refusal: SignInRefusal) {
    super();
    this.code = refusal.kind;
  }
}

/** What authorize() hands Auth.js: the user to sign in, or a throw. */
export function userForAuthJs(outcome: SecondFactorOutcome): { id: string } {
  if (outcome.kind === "signed-in") return { id: outcome.userId };
  throw new SignInRefusedError(outcome);
}
