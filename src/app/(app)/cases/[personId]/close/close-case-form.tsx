"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Radios, TextArea } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { CASE_CLOSE_REASON_LABELS, CASE_CLOSE_REASONS } from "@/domain/cases/case-closing";
import { initialFormState } from "@/lib/form-state";
import { closeCaseAction } from "./actions";

const CONCERN_HINT = "Police and the partnership coordinator are told straight away.";
const OPTIONS = CASE_CLOSE_REASONS.map((value) => ({
  value,
  label: CASE_CLOSE_REASON_LABELS[value],
  hint: value === "MISSING" || value === "RE_EXPLOITED" ? CONCERN_HINT : undefined,
}));

export function CloseCaseForm({ personId, caseVersion }: { personId: string; caseVersion: number }) {
  const [state, formAction] = useActionState(closeCaseAction, initialFormState);
  return (
    <form action={formAction} noValidate className="max-w-2xl">
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="caseVersion" value={caseVersion} />
      <Radios
        name="reason"
        legend="Why is the case closing?"
        error={state.fieldErrors.reason}
        defaultValue={typeof state.values?.reason === "string" ? state.values.reason : undefined}
        options={OPTIONS}
      />
      <TextArea
        name="note"
        label="Note"
        hint="What happened and what was done. Every agency working with this person reads it. Do not write an address."
        defaultValue={String(state.values?.note ?? "")}
        error={state.fieldErrors.note}
      />
      <SubmitButton variant="warning">Close the case</SubmitButton>
    </form>
  );
}
