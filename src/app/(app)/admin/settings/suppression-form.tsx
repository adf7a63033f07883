"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import type { SuppressionSettings } from "@/server/admin/suppression-threshold";
import { updateSuppressionSettingsAction } from "./actions";

export function SuppressionSettingsForm({ current }: { current: SuppressionSettings }) {
  const [state, formAction] = useActionState(updateSuppressionSettingsAction, initialFormState);
  return (
    <form action={formAction} noValidate className="max-w-2xl">
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <TextField
        name="suppressionThreshold"
        label="Small-number threshold"
        hint={
          <>
            A whole number from 1 to 20. Counts from 1 up to it are hidden from the PCC office, and so is any other count
            that would let a hidden one be worked out. For example, 4 means counts of 1 to 4 are hidden; the PCC office sees &ldquo;[c]&rdquo; instead.
          </>
        }
        defaultValue={String(state.values?.suppressionThreshold ?? current.suppressionThreshold)}
        error={state.fieldErrors.suppressionThreshold}
        width="w-24"
      />
      <SubmitButton>Save small-number threshold</SubmitButton>
    </form>
  );
}
