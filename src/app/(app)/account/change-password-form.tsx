"use client";

import { useActionState } from "react";
import { PASSWORD_HINT } from "@/domain/auth/password-policy";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm({ email }: { email: string }) {
  const [state, formAction] = useActionState(changePasswordAction, initialFormState);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <TextField name="currentPassword" type="password" label="Current password" autoComplete="current-password" error={state.fieldErrors.currentPassword} />
      <TextField name="newPassword" type="password" label="New password" hint={PASSWORD_HINT} autoComplete="new-password" error={state.fieldErrors.newPassword} />
      <TextField name="confirmPassword" type="password" label="Type the new password again" autoComplete="new-password" error={state.fieldErrors.confirmPassword} />
      <SubmitButton>Change password</SubmitButton>
    </form>
  );
}
