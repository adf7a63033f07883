"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import { signInAction } from "./actions";

export function SignInForm() {
  const [state, formAction] = useActionState(signInAction, initialFormState);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <TextField
        name="email"
        type="email"
        label="Email address"
        autoComplete="username"
        defaultValue={String(state.values?.email ?? "")}
        error={state.fieldErrors.email}
      />
      <TextField name="password" type="password" label="Password" autoComplete="current-password" error={state.fieldErrors.password} />
      <SubmitButton>Sign in</SubmitButton>
    </form>
  );
}
