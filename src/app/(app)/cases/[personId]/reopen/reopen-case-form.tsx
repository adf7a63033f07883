"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextArea } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import { reopenCaseAction } from "./actions";

export function ReopenCaseForm({ personId, caseVersion }: { personId: string; caseVersion: number }) {
  const [state, formAction] = useActionState(reopenCaseAction, initialFormState);
  return (
    <form action={formAction} noValidate className="max-w-2xl">
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="caseVersion" value={caseVersion} />
      <TextArea
        name="reason"
        label="Why is the case being reopened?"
        hint="For example, the person has been found, or has come back to the area. Every agency working with this person reads it."
        defaultValue={String(state.values?.reason ?? "")}
        error={state.fieldErrors.reason}
      />
      <SubmitButton>Reopen the case</SubmitButton>
    </form>
  );
}
