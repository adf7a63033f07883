"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Radios, TextField } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { AGENCY_KINDS, AGENCY_KIND_LABELS } from "@/domain/types";
import { initialFormState } from "@/lib/form-state";
import { addAgencyAction } from "./actions";

export function AddAgencyForm() {
  const [state, formAction] = useActionState(addAgencyAction, initialFormState);
  const typed = (name: string) => (typeof state.values?.[name] === "string" ? (state.values[name] as string) : undefined);
  return (
    <form action={formAction} noValidate className="max-w-2xl" data-testid="add-agency-form">
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <TextField
        name="name"
        label="Name"
        hint="As staff know it, for example Teesmoor Women's Refuge. Each agency in the partnership needs its own name."
        defaultValue={typed("name") ?? ""}
        error={state.fieldErrors.name}
      />
      <Radios
        name="kind"
        legend="What kind of agency is it?"
        hint="A partnership may have several agencies of one kind, such as two charities."
        options={AGENCY_KINDS.map((kind) => ({ value: kind, label: AGENCY_KIND_LABELS[kind] }))}
        defaultValue={typed("kind")}
        error={state.fieldErrors.kind}
      />
      <SubmitButton>Add agency</SubmitButton>
    </form>
  );
}
