"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import {
  CODE_ALREADY_USED,
  RECOVERY_CODE_ALREADY_USED,
  SIGN_IN_TIMED_OUT,
  tooManyAttemptsMessage,
  WRONG_CODE,
  WRONG_RECOVERY_CODE,
} from "@/domain/auth/sign-in-messages";
import { signIn } from "@/server/auth/auth";
import { signInRefusalOf, type SignInRefusal } from "@/server/auth/sign-in-outcome";
import { clearSignInChallengeCookie, readSignInChallengeCookie } from "@/server/auth/sign-in-challenge-cookie";
import type { FormState } from "@/lib/form-state";

/**
 * Sign-in's second step: the challenge from the cookie and the typed code go to Auth.js's
 * authorize() (completeSignIn), the one place a session is opened.
 */
export async function secondFactorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const method = formData.get("method") === "recovery" ? "recovery" : "totp";
  const code = typeof formData.get("code") === "string" ? String(formData.get("code")).slice(0, 100) : "";
  if (code.trim() === "") {
    return { fieldErrors: { code: method === "recovery" ? "Enter a recovery code" : "Enter the 6-digit code from your authenticator app" } };
  }
  const challenge = await readSignInChallengeCookie();
  if (!challenge) return { fieldErrors: {}, formError: SIGN_IN_TIMED_OUT };
  try {
    await signIn("credentials", { challenge, code, method, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const refusal = signInRefusalOf(error);
    if (!refusal || refusal.kind === "challenge-expired") await clearSignInChallengeCookie();
    return { fieldErrors: {}, formError: refusalMessage(refusal, method) };
  }
  await clearSignInChallengeCookie();
  redirect("/");
}

function refusalMessage(refusal: SignInRefusal | null, method: "totp" | "recovery"): string {
  switch (refusal?.kind) {
    case "wrong-code":
      return method === "recovery" ? WRONG_RECOVERY_CODE : WRONG_CODE;
    case "code-used":
      return method === "recovery" ? RECOVERY_CODE_ALREADY_USED : CODE_ALREADY_USED;
    case "too-many-attempts":
      return tooManyAttemptsMessage(refusal.retryAt, new Date());
    default:
      return SIGN_IN_TIMED_OUT;
  }
}
