"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Radios, TextField } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { NRM_DECISION_KIND_LABELS, NRM_OUTCOME_LABELS, NRM_OUTCOMES, type NrmDecisionKind } from "@/domain/nrm/nrm-referral";
import { initialFormState, type FormState } from "@/lib/form-state";
import { recordNrmDecisionAction, recordNrmReferralAction, requestNrmReconsiderationAction } from "./actions";

const text = (state: FormState, name: string, fallback = "") => (typeof state.values?.[name] === "string" ? (state.values[name] as string) : fallback);

export function NrmReferralForm({ personId, child, agencyName }: { personId: string; child: boolean; agencyName: string }) {
  const [state, formAction] = useActionState(recordNrmReferralAction, initialFormState);
  return (
    <form action={formAction} noValidate className="max-w-2xl" data-testid="nrm-referral-form">
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <input type="hidden" name="personId" value={personId} />
      {child ? (
        <p className="mb-6 border-l-8 border-brand bg-panel p-4 font-bold" data-testid="child-no-consent">
          This person is treated as a child: no consent is needed for an NRM referral, and none is asked.
        </p>
      ) : (
        <p className="mb-6">The person has consented to the NRM.</p>
      )}
      <p className="mb-6">Submitted by {agencyName} (your agency), which then owns the milestones that follow.</p>
      <TextField name="submittedOn" label="Date submitted" hint="For example, 23/11/2026. Not in the future, nor before the rescue or the consent." defaultValue={text(state, "submittedOn")} error={state.fieldErrors.submittedOn} width="max-w-xs" />
      <TextField
        name="homeOfficeReference"
        label="Home Office reference"
        hint="In the format NRM-2026-004512."
        defaultValue={text(state, "homeOfficeReference")}
        error={state.fieldErrors.homeOfficeReference}
        width="max-w-xs"
        spellCheck={false}
      />
      <SubmitButton>Record the NRM referral</SubmitButton>
    </form>
  );
}

export function NrmDecisionForm({ personId, decisions }: { personId: string; decisions: NrmDecisionKind[] }) {
  const [state, formAction] = useActionState(recordNrmDecisionAction, initialFormState);
  return (
    <form action={formAction} noValidate className="max-w-2xl" data-testid="nrm-decision-form">
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <input type="hidden" name="personId" value={personId} />
      <Radios
        name="decision"
        legend="Which decision?"
        error={state.fieldErrors.decision}
        defaultValue={text(state, "decision", decisions.length === 1 ? decisions[0] : "")}
        options={decisions.map((decision) => ({ value: decision, label: NRM_DECISION_KIND_LABELS[decision] }))}
      />
      <Radios
        name="outcome"
        legend="Outcome"
        error={state.fieldErrors.outcome}
        defaultValue={text(state, "outcome")}
        options={NRM_OUTCOMES.map((outcome) => ({ value: outcome, label: NRM_OUTCOME_LABELS[outcome] }))}
        inline
      />
      <TextField name="decidedOn" label="Date of the decision" hint="For example, 23/11/2026. Not in the future, nor before the referral." defaultValue={text(state, "decidedOn")} error={state.fieldErrors.decidedOn} width="max-w-xs" />
      <SubmitButton>Record the decision</SubmitButton>
    </form>
  );
}

export function ReconsiderationForm({ personId, decisions }: { personId: string; decisions: NrmDecisionKind[] }) {
  const [state, formAction] = useActionState(requestNrmReconsiderationAction, initialFormState);
  return (
    <form action={formAction} noValidate className="max-w-2xl" data-testid="reconsideration-form">
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <input type="hidden" name="personId" value={personId} />
      <Radios
        name="decision"
        legend="Which negative decision is to be reconsidered?"
        error={state.fieldErrors.decision}
        defaultValue={text(state, "decision", decisions.length === 1 ? decisions[0] : "")}
        options={decisions.map((decision) => ({ value: decision, label: NRM_DECISION_KIND_LABELS[decision] }))}
      />
      <TextField name="requestedOn" label="Date requested" hint="For example, 23/11/2026." defaultValue={text(state, "requestedOn")} error={state.fieldErrors.requestedOn} width="max-w-xs" />
      <SubmitButton variant="secondary">Record the request</SubmitButton>
    </form>
  );
}
