"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Checkboxes, Radios, TextField } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { CONTACT_METHOD_LABELS, CONTACT_METHODS, CONTACT_OUTCOME_LABELS, CONTACT_OUTCOMES } from "@/domain/contact/contact-watch";
import { initialFormState } from "@/lib/form-state";
import { recordContactAction } from "./actions";

const METHOD_OPTIONS = CONTACT_METHODS.map((value) => ({ value, label: CONTACT_METHOD_LABELS[value] }));
const OUTCOME_OPTIONS = CONTACT_OUTCOMES.map((value) => ({ value, label: CONTACT_OUTCOME_LABELS[value] }));

/** `defaultWhen` is now, in London wall-clock time, for the datetime-local field. */
export function RecordContactForm({ personId, defaultWhen }: { personId: string; defaultWhen: string }) {
  const [state, formAction] = useActionState(recordContactAction, initialFormState);
  const value = (name: string) => (typeof state.values?.[name] === "string" ? (state.values[name] as string) : undefined);
  return (
    <details className="mb-8" open={Boolean(state.formError)} data-testid="record-contact">
      <summary className="mb-4 inline-block cursor-pointer py-1 font-bold text-link underline">Record a contact</summary>
      <form action={formAction} noValidate>
        <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
        <input type="hidden" name="personId" value={personId} />
        <TextField
          name="occurredAt"
          type="datetime-local"
          label="When"
          hint="UK time. Not before the rescue, and not in the future."
          defaultValue={value("occurredAt") ?? defaultWhen}
          error={state.fieldErrors.occurredAt}
        />
        <Radios name="outcome" legend="Did you reach the person?" error={state.fieldErrors.outcome} defaultValue={value("outcome")} options={OUTCOME_OPTIONS} />
        <Radios name="method" legend="How" error={state.fieldErrors.method} defaultValue={value("method")} options={METHOD_OPTIONS} />
        <Checkboxes
          name="interpreterUsed"
          legend="Interpreter"
          error={state.fieldErrors.interpreterUsed}
          defaultValues={value("interpreterUsed") ? ["yes"] : []}
          options={[{ value: "yes", label: "An independent interpreter was used" }]}
        />
        <SubmitButton variant="secondary">Record contact</SubmitButton>
      </form>
    </details>
  );
}
