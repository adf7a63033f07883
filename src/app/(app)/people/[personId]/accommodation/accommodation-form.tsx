"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextArea } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import { recordAccommodationAction } from "./actions";

export function AccommodationForm({ personId, providerName, replacing }: { personId: string; providerName: string; replacing: boolean }) {
  const [state, formAction] = useActionState(recordAccommodationAction, initialFormState);
  return (
    <form action={formAction} noValidate className="max-w-2xl">
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <input type="hidden" name="personId" value={personId} />
      <TextArea
        name="address"
        label={replacing ? "New address" : "Address"}
        hint={`Only ${providerName} and police will be able to see it. 300 characters or fewer.`}
        defaultValue={typeof state.values?.address === "string" ? state.values.address : ""}
        error={state.fieldErrors.address}
      />
      <SubmitButton>{replacing ? "Replace the address" : "Record the address"}</SubmitButton>
    </form>
  );
}
