"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Radios, TextArea } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import { addNoteAction } from "./actions";

const SENSITIVITY_OPTIONS = [
  { value: "GENERAL", label: "General", hint: "Every agency working with this person." },
  { value: "HEALTH", label: "Health only", hint: "Health staff, for clinical details other agencies do not need." },
  { value: "POLICE", label: "Police only", hint: "Police, for intelligence or anything about the investigation." },
];

export function AddNoteForm({ personId }: { personId: string }) {
  const [state, formAction] = useActionState(addNoteAction, initialFormState);
  return (
    <details className="mb-8" open={Boolean(state.formError)}>
      <summary className="mb-4 inline-block cursor-pointer py-1 font-bold text-link underline">Add a note</summary>
      <form action={formAction} noValidate>
        <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
        <input type="hidden" name="personId" value={personId} />
        <TextArea
          name="text"
          label="Note"
          hint="Do not write a safehouse or accommodation address here."
          defaultValue={String(state.values?.text ?? "")}
          error={state.fieldErrors.text}
        />
        <Radios
          name="sensitivity"
          legend="Who can read this note"
          hint="Your agency can always read the notes it writes."
          error={state.fieldErrors.sensitivity}
          defaultValue={typeof state.values?.sensitivity === "string" ? state.values.sensitivity : "GENERAL"}
          options={SENSITIVITY_OPTIONS}
        />
        <SubmitButton variant="secondary">Add note</SubmitButton>
      </form>
    </details>
  );
}
