import "server-only";
// Kept free of next-auth so the sign-in forms' actions can read a refusal without loading Auth.js.

/** The first step: email and password (signInWithPassword). */
export type SignInOutcome =
  | { kind: "signed-in"; userId: string }
  | { kind: "wrong-email-or-password" }
  | { kind: "too-many-attempts"; retryAt: Date }
  | { kind: "busy" };

/** The second step: the code from the authenticator app, or a recovery code (completeSignIn). */
export type SecondFactorOutcome =
  | { kind: "signed-in"; userId: string }
  | { kind: "wrong-code" }
  | { kind: "code-used" }
  | { kind: "challenge-expired" }
  | { kind: "too-many-attempts"; retryAt: Date };

export type SignInRefusal = Exclude<SecondFactorOutcome, { kind: "signed-in" }>;

const REFUSAL_KINDS = new Set<string>(["wrong-code", "code-used", "challenge-expired", "too-many-attempts"]);

/** The refusal carried by an error thrown from authorize() (see sign-in-refused-error.ts), if any. */
export function signInRefusalOf(error: unknown): SignInRefusal | null {
  const refusal = (error as { refusal?: SignInRefusal } | null)?.refusal;
  return refusal && REFUSAL_KINDS.has(refusal.kind) ? refusal : null;
}
