"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import { secondFactorAction } from "./actions";

export function CodeForm({ method }: { method: "totp" | "recovery" }) {
  const [state, formAction] = useActionState(secondFactorAction, initialFormState);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <input type="hidden" name="method" value={method} />
      {method === "totp" ? (
        <TextField
          name="code"
          label="Code from your authenticator app"
          hint="The 6-digit code your app shows for Victim Care Pathway. A new code appears every 30 seconds."
          autoComplete="one-time-code"
          inputMode="numeric"
          spellCheck={false}
          width="max-w-40"
          error={state.fieldErrors.code}
        />
      ) : (
        <TextField
          name="code"
          label="Recovery code"
          hint="One of the 10 recovery codes you saved when you set up your account, like abcd-efgh-jkmn-pqrs. Each code works once."
          autoComplete="off"
          spellCheck={false}
          width="max-w-md"
          error={state.fieldErrors.code}
        />
      )}
      <SubmitButton>Continue</SubmitButton>
    </form>
  );
}
