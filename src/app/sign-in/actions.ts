"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { invalid } from "@/domain/result";
import { ACCOUNT_NOT_SET_UP, SIGN_IN_BUSY, tooManyAttemptsMessage, WRONG_EMAIL_OR_PASSWORD } from "@/domain/auth/sign-in-messages";
import { beginSignIn } from "@/server/auth/begin-sign-in";
import { clientAddressOfCurrentRequest } from "@/server/auth/request-client-address";
import { setSignInChallengeCookie } from "@/server/auth/sign-in-challenge-cookie";
import { db } from "@/server/db/client";
import type { FormState } from "@/lib/form-state";

const schema = z.object({
  email: z.string().trim().min(1, "Enter your email address").email("Enter an email address like name@agency.gov.uk"),
  password: z.string().min(1, "Enter your password"),
});

/** Sign-in's first step. A right password opens no session: it leads to the code page. */
export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = schema.safeParse({ email: formData.get("email") ?? "", password: formData.get("password") ?? "" });
  const values = { email: String(formData.get("email") ?? "") };
  if (!parsed.success) {
    const { code, fieldErrors } = invalid(parsed.error);
    return { code, fieldErrors, values };
  }
  const outcome = await beginSignIn(db, parsed.data, await clientAddressOfCurrentRequest());
  // Same words whether the account exists or not, for a wrong password and for a lock alike.
  switch (outcome.kind) {
    case "code-needed":
      await setSignInChallengeCookie(outcome.challenge);
      redirect("/sign-in/code");
    case "not-enrolled":
      return { fieldErrors: {}, formError: ACCOUNT_NOT_SET_UP, values };
    case "too-many-attempts":
      return { fieldErrors: {}, formError: tooManyAttemptsMessage(outcome.retryAt, new Date()), values };
    case "busy":
      return { fieldErrors: {}, formError: SIGN_IN_BUSY, values };
    default:
      return { fieldErrors: {}, formError: WRONG_EMAIL_OR_PASSWORD, values };
  }
}
