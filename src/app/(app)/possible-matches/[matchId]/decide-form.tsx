"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Radios, TextArea } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import { decidePossibleMatchAction } from "./actions";

const OPTIONS = [
  {
    value: "SAME_PERSON",
    label: "Yes, the same person",
    hint: "Both cases show the earlier rescue, and the agencies that logged each rescue are told to check the re-trafficking flag.",
  },
  { value: "NOT_SAME_PERSON", label: "No, not the same person" },
];

export function DecidePossibleMatchForm({ matchId, version }: { matchId: string; version: number }) {
  const [state, formAction] = useActionState(decidePossibleMatchAction, initialFormState);
  return (
    <form action={formAction} noValidate className="max-w-2xl">
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <input type="hidden" name="matchId" value={matchId} />
      <input type="hidden" name="version" value={version} />
      <Radios
        name="decision"
        legend="Are these the same person?"
        error={state.fieldErrors.decision}
        defaultValue={typeof state.values?.decision === "string" ? state.values.decision : undefined}
        options={OPTIONS}
      />
      <TextArea
        name="note"
        label="Note"
        hint="How you checked. Only the partnership coordinators read it. Do not write a name or an address."
        defaultValue={String(state.values?.note ?? "")}
        error={state.fieldErrors.note}
      />
      <SubmitButton>Record the decision</SubmitButton>
    </form>
  );
}
