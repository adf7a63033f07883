"use client";

import { useActionState } from "react";
import { SAFETY_RISKS, SAFETY_RISK_HINTS, SAFETY_RISK_LABELS, type SafetyFlagsView } from "@/domain/person/safety-flags";
import { ErrorSummary } from "@/components/form/error-summary";
import { Checkboxes, TextArea } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import { setSafetyFlagsAction } from "./actions";

function text(value: unknown, fallback: string): string {
  return typeof value === "string" ? value : fallback;
}

export function SafetyFlagsForm({ personId, version, flags }: { personId: string; version: number; flags: SafetyFlagsView | null }) {
  const [state, formAction] = useActionState(setSafetyFlagsAction, initialFormState);
  const values = state.values;
  const risks = values ? (Array.isArray(values.risks) ? values.risks.map(String) : typeof values.risks === "string" ? [values.risks] : []) : (flags?.risks ?? []);
  return (
    <form action={formAction} noValidate className="max-w-2xl">
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="version" value={version} />
      <Checkboxes
        name="risks"
        legend="Risks"
        hint="Everyone who sees this person will see these first."
        options={SAFETY_RISKS.map((risk) => ({ value: risk, label: SAFETY_RISK_LABELS[risk], hint: SAFETY_RISK_HINTS[risk] }))}
        defaultValues={risks}
        error={state.fieldErrors.risks}
      />
      <TextArea
        name="safeContact"
        label="Safe ways to contact"
        hint="For example ‘Only through the Salvation Army support worker’. 300 characters or fewer."
        defaultValue={text(values?.safeContact, flags?.safeContact ?? "")}
        error={state.fieldErrors.safeContact}
        rows={3}
      />
      <TextArea
        name="neverContact"
        label="Ways never to use"
        hint="For example ‘No letters to the house’, ‘Never call 07700 900123: the exploiter has that phone’."
        defaultValue={text(values?.neverContact, flags?.neverContact ?? "")}
        error={state.fieldErrors.neverContact}
        rows={3}
      />
      <SubmitButton>Save the safety flags</SubmitButton>
    </form>
  );
}
