"use client";

import { useActionState } from "react";
import { PASSWORD_HINT } from "@/domain/auth/password-policy";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import { setPasswordAction } from "./actions";

export function PasswordForm({ email }: { email: string }) {
  const [state, formAction] = useActionState(setPasswordAction, initialFormState);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      {/* Lets a password manager save the new password against the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <TextField name="password" type="password" label="New password" hint={PASSWORD_HINT} autoComplete="new-password" error={state.fieldErrors.password} />
      <TextField name="confirmPassword" type="password" label="Type the new password again" autoComplete="new-password" error={state.fieldErrors.confirmPassword} />
      <SubmitButton>Save password</SubmitButton>
    </form>
  );
}
