"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Radios } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import { retireAgencyAction } from "./actions";

type Props = {
  agency: { id: string; name: string; version: number };
  openStages: number;
  moveTargets: { id: string; name: string; kindLabel: string; sameKind: boolean }[];
};

export function RetireAgencyForm({ agency, openStages, moveTargets }: Props) {
  const [state, formAction] = useActionState(retireAgencyAction, initialFormState);
  return (
    <form action={formAction} noValidate className="max-w-2xl" data-testid="retire-agency-form">
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <input type="hidden" name="agencyId" value={agency.id} />
      <input type="hidden" name="version" value={String(agency.version)} />
      {openStages > 0 && (
        <Radios
          name="moveToAgencyId"
          legend={`Which agency takes on its ${openStages} open ${openStages === 1 ? "stage" : "stages"}?`}
          hint="Agencies of the same kind are listed first. The stages arrive unassigned on that agency's queue, with their due times unchanged."
          options={moveTargets.map((target) => ({
            value: target.id,
            label: target.name,
            hint: target.sameKind ? `${target.kindLabel}, the same kind` : target.kindLabel,
          }))}
          defaultValue={typeof state.values?.moveToAgencyId === "string" ? state.values.moveToAgencyId : undefined}
          error={state.fieldErrors.moveToAgencyId}
        />
      )}
      <SubmitButton variant="warning">Retire {agency.name}</SubmitButton>
    </form>
  );
}
