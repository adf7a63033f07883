"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Select, TextArea } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import { referStageAction } from "./actions";

export function ReferStageForm({ stageId, agencies }: { stageId: string; agencies: { id: string; name: string }[] }) {
  const [state, formAction] = useActionState(referStageAction, initialFormState);
  return (
    <details className="mb-8" open={Boolean(state.formError)}>
      <summary className="mb-4 inline-block cursor-pointer py-1 font-bold text-link underline">Refer this stage to another agency</summary>
      <form action={formAction} noValidate className="max-w-2xl">
        <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
        <input type="hidden" name="stageId" value={stageId} />
        <Select
          name="toAgencyId"
          label="Agency"
          hint="Any of their caseworkers can accept or decline. Until they accept, the stage stays with you and its clock keeps running."
          options={agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
          defaultValue={typeof state.values?.toAgencyId === "string" ? state.values.toAgencyId : ""}
          error={state.fieldErrors.toAgencyId}
        />
        <TextArea
          name="message"
          label="Message (optional)"
          hint="What they need to know to decide. Do not write an address here."
          defaultValue={typeof state.values?.message === "string" ? state.values.message : ""}
          error={state.fieldErrors.message}
          rows={3}
        />
        <SubmitButton variant="secondary">Send referral</SubmitButton>
      </form>
    </details>
  );
}
