"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextArea } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import { reviewBreakGlassAction } from "./actions";

export function ReviewForm({ accessId }: { accessId: string }) {
  const [state, formAction] = useActionState(reviewBreakGlassAction, initialFormState);
  return (
    <form action={formAction} noValidate className="max-w-2xl">
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <input type="hidden" name="accessId" value={accessId} />
      <TextArea
        name="note"
        label="Review note (optional)"
        hint="For example, who you checked with. Do not write the person's name."
        defaultValue={typeof state.values?.note === "string" ? state.values.note : ""}
        error={state.fieldErrors.note}
      />
      <SubmitButton>Mark reviewed</SubmitButton>
    </form>
  );
}
