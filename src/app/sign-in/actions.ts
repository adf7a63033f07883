"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { invalid } from "@/domain/result";
import { SIGN_IN_BUSY, tooManyAttemptsMessage, WRONG_EMAIL_OR_PASSWORD } from "@/domain/auth/sign-in-messages";
import { signIn } from "@/server/auth/auth";
import { signInRefusalOf } from "@/server/auth/sign-in-outcome";
import type { FormState } from "@/lib/form-state";

const schema = z.object({
  email: z.string().trim().min(1, "Enter your email address").email("Enter an email address like name@agency.gov.uk"),
  password: z.string().min(1, "Enter your password"),
});

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = schema.safeParse({ email: formData.get("email") ?? "", password: formData.get("password") ?? "" });
  const values = { email: String(formData.get("email") ?? "") };
  if (!parsed.success) {
    const { code, fieldErrors } = invalid(parsed.error);
    return { code, fieldErrors, values };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
  } catch (error) {
    // Same words whether the account exists or not, for a wrong password and for a lock alike.
    if (error instanceof AuthError) return { fieldErrors: {}, formError: signInErrorMessage(error), values };
    throw error;
  }
  return { fieldErrors: {} };
}

function signInErrorMessage(error: AuthError): string {
  const refusal = signInRefusalOf(error);
  if (refusal?.kind === "too-many-attempts") return tooManyAttemptsMessage(refusal.retryAt, new Date());
  if (refusal?.kind === "busy") return SIGN_IN_BUSY;
  return WRONG_EMAIL_OR_PASSWORD;
}
