"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Radios, TextField } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import { recordAgeAssessmentAction } from "./actions";

const OUTCOMES = [
  { value: "ADULT", label: "Adult (18 or over)", hint: "Open children's stages close as not needed; the adult NRM consent decision is added, its clock starting now." },
  { value: "CHILD", label: "Child (under 18)", hint: "Open adult stages close as not needed; the children's stages are added, their clocks starting now." },
];

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export function AgeAssessmentForm({ personId, today }: { personId: string; today: string }) {
  const [state, formAction] = useActionState(recordAgeAssessmentAction, initialFormState);
  const values = state.values ?? {};
  return (
    <form action={formAction} noValidate className="max-w-2xl">
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <input type="hidden" name="personId" value={personId} />
      <Radios name="outcome" legend="Outcome of the assessment" options={OUTCOMES} defaultValue={text(values.outcome)} error={state.fieldErrors.outcome} />
      <TextField
        name="assessedOn"
        type="date"
        label="Date of the assessment"
        width="max-w-xs"
        defaultValue={text(values.assessedOn) || today}
        error={state.fieldErrors.assessedOn}
      />
      <TextField
        name="assessedBy"
        label="Who assessed the person's age"
        hint="For example ‘Middlesbrough Council children's social worker’. A role and an organisation, not a personal phone number."
        defaultValue={text(values.assessedBy)}
        error={state.fieldErrors.assessedBy}
      />
      <Radios
        name="mertonCompliant"
        legend="Was it a Merton-compliant assessment?"
        hint="Carried out by two trained social workers, following the case law on age assessments."
        inline
        options={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ]}
        defaultValue={text(values.mertonCompliant)}
        error={state.fieldErrors.mertonCompliant}
      />
      <SubmitButton>Record the assessment and change the pathway</SubmitButton>
    </form>
  );
}
