"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Select, TextArea } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import { linkDependantAction, unlinkDependantAction } from "./actions";

export function LinkParentForm({ personId, candidates }: { personId: string; candidates: { id: string; label: string }[] }) {
  const [state, formAction] = useActionState(linkDependantAction, initialFormState);
  return (
    <details className="mb-4" open={Boolean(state.formError)}>
      <summary className="mb-4 inline-block cursor-pointer py-1 font-bold text-link underline">Link to the parent they came with</summary>
      <form action={formAction} noValidate>
        <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
        <input type="hidden" name="personId" value={personId} />
        <Select
          name="parentPersonId"
          label="Parent"
          hint="People from the same rescue"
          options={[{ value: "", label: "Choose a person" }, ...candidates.map((candidate) => ({ value: candidate.id, label: candidate.label }))]}
          defaultValue={typeof state.values?.parentPersonId === "string" ? state.values.parentPersonId : ""}
          error={state.fieldErrors.parentPersonId}
        />
        <SubmitButton variant="secondary">Link as their child</SubmitButton>
      </form>
    </details>
  );
}

/** Unlinks the child from the parent they were linked to: a link made in error, with the reason. */
export function UnlinkParentForm({ personId }: { personId: string }) {
  const [state, formAction] = useActionState(unlinkDependantAction, initialFormState);
  return (
    <details className="mb-4" open={Boolean(state.formError) || Object.keys(state.fieldErrors).length > 0}>
      <summary className="mb-4 inline-block cursor-pointer py-1 font-bold text-link underline">Unlink from this parent</summary>
      <form action={formAction} noValidate>
        <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
        <input type="hidden" name="personId" value={personId} />
        <TextArea
          name="reason"
          label="Why is the link wrong or ended?"
          hint="For example ‘not the child’s parent: DNA result’. It goes on the child’s timeline."
          rows={3}
          defaultValue={typeof state.values?.reason === "string" ? state.values.reason : ""}
          error={state.fieldErrors.reason}
        />
        <SubmitButton variant="secondary">Unlink from the parent</SubmitButton>
      </form>
    </details>
  );
}
