"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Checkboxes, Radios, TextArea, TextField } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { CONSENT_METHOD_LABELS, CONSENT_METHODS, CONSENT_PURPOSE_LABELS, LAWFUL_BASES, LAWFUL_BASIS_LABELS, type ConsentPurpose } from "@/domain/nrm/consent";
import { initialFormState, type FormState } from "@/lib/form-state";
import { recordConsentAction, recordSharingBasisAction, withdrawConsentAction } from "./actions";

type Agency = { id: string; name: string };

const text = (state: FormState, name: string, fallback = "") => (typeof state.values?.[name] === "string" ? (state.values[name] as string) : fallback);
const ticked = (state: FormState, name: string): string[] => {
  const value = state.values?.[name];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : typeof value === "string" ? [value] : [];
};

const DATE_HINT = "For example, 23/11/2026. Not in the future, nor before the rescue.";

export function RecordConsentForm({ personId, purposes, agencies, child }: { personId: string; purposes: readonly ConsentPurpose[]; agencies: Agency[]; child: boolean }) {
  const [state, formAction] = useActionState(recordConsentAction, initialFormState);
  return (
    <form action={formAction} noValidate className="max-w-2xl" data-testid="record-consent-form">
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <input type="hidden" name="personId" value={personId} />
      {child && (
        <p className="mb-6 border-l-8 border-brand bg-panel p-4">
          Children never need consent for an NRM referral, so it is not asked here. Consent to the other purposes is still recorded.
        </p>
      )}
      <Radios
        name="purpose"
        legend="What is the consent for?"
        error={state.fieldErrors.purpose}
        defaultValue={text(state, "purpose")}
        options={purposes.map((purpose) => ({ value: purpose, label: CONSENT_PURPOSE_LABELS[purpose], hint: purpose === "NRM_REFERRAL" ? "Referral to the Home Office: no agency to choose." : undefined }))}
      />
      <Checkboxes
        name="agencyIds"
        legend="Which agencies is it about?"
        hint="Every purpose except the NRM referral names the agencies it covers."
        error={state.fieldErrors.agencyIds}
        defaultValues={ticked(state, "agencyIds")}
        options={agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
      />
      <Radios
        name="decision"
        legend="What did the person decide?"
        error={state.fieldErrors.decision}
        defaultValue={text(state, "decision")}
        options={[
          { value: "GIVEN", label: "Gave consent" },
          { value: "REFUSED", label: "Refused consent" },
        ]}
        inline
      />
      <TextField name="decidedOn" label="Date" hint={DATE_HINT} defaultValue={text(state, "decidedOn")} error={state.fieldErrors.decidedOn} width="max-w-xs" />
      <TextField name="explainedBy" label="Who explained it" hint="Name and role." defaultValue={text(state, "explainedBy")} error={state.fieldErrors.explainedBy} />
      <TextField name="language" label="Language it was explained in" defaultValue={text(state, "language")} error={state.fieldErrors.language} width="max-w-sm" />
      <Radios
        name="interpreterUsed"
        legend="Was an interpreter used?"
        error={state.fieldErrors.interpreterUsed}
        defaultValue={text(state, "interpreterUsed")}
        options={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No, the person understands the language it was explained in" },
        ]}
      />
      <TextField
        name="interpreter"
        label="Interpreter's name or booking reference (if one was used)"
        defaultValue={text(state, "interpreter")}
        error={state.fieldErrors.interpreter}
      />
      <Radios
        name="interpreterIndependent"
        legend="Was the interpreter independent and professional? (if one was used)"
        hint="Never someone who came with the person: traffickers sometimes pose as interpreters."
        error={state.fieldErrors.interpreterIndependent}
        defaultValue={text(state, "interpreterIndependent")}
        options={[
          { value: "yes", label: "Yes, an independent professional interpreter" },
          { value: "no", label: "No, someone who came with the person" },
        ]}
      />
      <Radios
        name="method"
        legend="How was it explained?"
        error={state.fieldErrors.method}
        defaultValue={text(state, "method")}
        options={CONSENT_METHODS.map((method) => ({ value: method, label: CONSENT_METHOD_LABELS[method] }))}
        inline
      />
      <SubmitButton>Record the consent decision</SubmitButton>
    </form>
  );
}

export function WithdrawConsentForm({ consentId, label }: { consentId: string; label: string }) {
  const [state, formAction] = useActionState(withdrawConsentAction, initialFormState);
  return (
    <details className="mt-2" open={Boolean(state.formError)}>
      <summary className="inline-block cursor-pointer py-1 font-bold text-link underline">
        Record a withdrawal<span className="sr-only"> of {label}</span>
      </summary>
      <form action={formAction} noValidate className="mt-2">
        <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
        <input type="hidden" name="consentId" value={consentId} />
        <TextField name="withdrawnOn" label="Date the person withdrew it" hint="For example, 23/11/2026." defaultValue={text(state, "withdrawnOn")} error={state.fieldErrors.withdrawnOn} width="max-w-xs" />
        <SubmitButton variant="warning">Record the withdrawal</SubmitButton>
      </form>
    </details>
  );
}

export function SharingBasisForm({ personId, purposes, agencies }: { personId: string; purposes: readonly ConsentPurpose[]; agencies: Agency[] }) {
  const [state, formAction] = useActionState(recordSharingBasisAction, initialFormState);
  return (
    <form action={formAction} noValidate className="max-w-2xl" data-testid="sharing-basis-form">
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <input type="hidden" name="personId" value={personId} />
      <Radios
        name="purpose"
        legend="What is information shared for?"
        error={state.fieldErrors.purpose}
        defaultValue={text(state, "purpose")}
        options={purposes.map((purpose) => ({ value: purpose, label: CONSENT_PURPOSE_LABELS[purpose] }))}
      />
      <Checkboxes
        name="agencyIds"
        legend="Shared with which agencies?"
        error={state.fieldErrors.agencyIds}
        defaultValues={ticked(state, "agencyIds")}
        options={agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
      />
      <Radios
        name="basis"
        legend="Lawful basis"
        error={state.fieldErrors.basis}
        defaultValue={text(state, "basis")}
        options={LAWFUL_BASES.map((basis) => ({ value: basis, label: LAWFUL_BASIS_LABELS[basis] }))}
      />
      <TextField name="decidedBy" label="Who decided" hint="Name and role." defaultValue={text(state, "decidedBy")} error={state.fieldErrors.decidedBy} />
      <TextArea name="reason" label="Why" hint="500 characters or fewer. No addresses." defaultValue={text(state, "reason")} error={state.fieldErrors.reason} />
      <TextField name="decidedOn" label="Date decided" hint={DATE_HINT} defaultValue={text(state, "decidedOn")} error={state.fieldErrors.decidedOn} width="max-w-xs" />
      <SubmitButton variant="secondary">Record the lawful basis</SubmitButton>
    </form>
  );
}
