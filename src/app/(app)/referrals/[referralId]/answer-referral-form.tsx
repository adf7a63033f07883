"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Radios, TextArea } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import { answerReferralAction } from "./actions";

export function AnswerReferralForm({ referralId, agencyName }: { referralId: string; agencyName: string }) {
  const [state, formAction] = useActionState(answerReferralAction, initialFormState);
  const value = (name: string) => (typeof state.values?.[name] === "string" ? (state.values[name] as string) : undefined);
  return (
    <form action={formAction} noValidate className="max-w-2xl">
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <input type="hidden" name="referralId" value={referralId} />
      <Radios
        name="decision"
        legend={`Will ${agencyName} take on this stage?`}
        error={state.fieldErrors.decision}
        defaultValue={value("decision")}
        options={[
          { value: "accept", label: "Accept", hint: "The stage moves to your agency's queue, unassigned. Its clock keeps running." },
          { value: "decline", label: "Decline", hint: "The stage stays with the referring agency. Say why below." },
        ]}
      />
      <TextArea
        name="reason"
        label="Reason"
        hint="Needed to decline. The referring agency will see it."
        defaultValue={value("reason") ?? ""}
        error={state.fieldErrors.reason}
      />
      <SubmitButton>Send answer</SubmitButton>
    </form>
  );
}
