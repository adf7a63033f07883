"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextArea } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import { undoPossibleMatchDecisionAction } from "./actions";

export function UndoPossibleMatchDecisionForm({ matchId, version, samePerson }: { matchId: string; version: number; samePerson: boolean }) {
  const [state, formAction] = useActionState(undoPossibleMatchDecisionAction, initialFormState);
  return (
    <form action={formAction} noValidate className="max-w-2xl" aria-labelledby="undo-heading" data-testid="undo-decision-form">
      <h2 id="undo-heading" className="mb-2 text-2xl font-bold">
        Undo this decision
      </h2>
      <p className="mb-4">
        The pair goes back to check, and the decision stays in its history.
        {samePerson ? " Both cases stop showing the earlier rescue, both timelines say the confirmation was withdrawn, and the agencies that logged them are told." : ""}
      </p>
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} fieldLabels={{ reason: "Why are you undoing it?" }} />
      <input type="hidden" name="matchId" value={matchId} />
      <input type="hidden" name="version" value={version} />
      <TextArea
        name="reason"
        label="Why are you undoing it?"
        hint="For example, what you found since. Only the partnership coordinators read it. Do not write a name or an address."
        defaultValue={String(state.values?.reason ?? "")}
        error={state.fieldErrors.reason}
      />
      <SubmitButton variant="warning">Undo the decision</SubmitButton>
    </form>
  );
}
