import "server-only";
// Kept free of next-auth so the sign-in form's action can read a refusal without loading Auth.js.

export type SignInOutcome =
  | { kind: "signed-in"; userId: string }
  | { kind: "wrong-email-or-password" }
  | { kind: "too-many-attempts"; retryAt: Date }
  | { kind: "busy" };

export type SignInRefusal = Extract<SignInOutcome, { kind: "too-many-attempts" | "busy" }>;

/** The refusal carried by an error thrown from authorize() (see sign-in-refused-error.ts), if any. */
export function signInRefusalOf(error: unknown): SignInRefusal | null {
  const refusal = (error as { refusal?: SignInRefusal } | null)?.refusal;
  return refusal && (refusal.kind === "too-many-attempts" || refusal.kind === "busy") ? refusal : null;
}
