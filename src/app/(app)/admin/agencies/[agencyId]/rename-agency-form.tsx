"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import { renameAgencyAction } from "./actions";

export function RenameAgencyForm({ agency }: { agency: { id: string; name: string; version: number } }) {
  const [state, formAction] = useActionState(renameAgencyAction, initialFormState);
  return (
    <form action={formAction} noValidate className="max-w-2xl" data-testid="rename-agency-form">
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <input type="hidden" name="agencyId" value={agency.id} />
      <input type="hidden" name="version" value={String(agency.version)} />
      <TextField
        name="name"
        label="Name"
        hint="Every page, including past timeline entries, shows the new name."
        defaultValue={typeof state.values?.name === "string" ? state.values.name : agency.name}
        error={state.fieldErrors.name}
      />
      <SubmitButton>Save name</SubmitButton>
    </form>
  );
}
