"use server";

import { redirect } from "next/navigation";
import { readFormFields } from "@/lib/form-data";
import type { FormState } from "@/lib/form-state";
import { readActivationToken } from "@/server/accounts/activation-cookie";
import { confirmAuthenticator } from "@/server/accounts/confirm-authenticator";
import { setActivationPassword } from "@/server/accounts/set-activation-password";
import { db } from "@/server/db/client";

// Public, like sign-in: whoever holds a working link is who may use it. The token comes from the
// /activate cookie, never from the form. What was typed is never sent back (they are passwords).

export type EnrolmentState = FormState & { recoveryCodes?: string[] };

export async function setPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const form = readFormFields(formData);
  if (!form.ok) return form.state;
  const result = await setActivationPassword(db, { ...form.input, token: await readActivationToken() });
  if (!result.ok) return { code: result.code, fieldErrors: result.fieldErrors, formError: result.formError };
  redirect(result.data.finished ? "/sign-in?ready=1" : "/activate");
}

export async function confirmAuthenticatorAction(_previous: EnrolmentState, formData: FormData): Promise<EnrolmentState> {
  const form = readFormFields(formData);
  if (!form.ok) return form.state;
  const result = await confirmAuthenticator(db, { ...form.input, token: await readActivationToken() });
  if (!result.ok) return { code: result.code, fieldErrors: result.fieldErrors, formError: result.formError };
  // Shown once, in this response only. The cookie is left to expire: changing it here would reload
  // the page, which for a used link says "This link does not work" instead of showing the codes.
  return { fieldErrors: {}, recoveryCodes: result.data.recoveryCodes };
}
