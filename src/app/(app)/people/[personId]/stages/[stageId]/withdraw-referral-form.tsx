"use client";

import { useActionState, useId } from "react";
import { InlineError } from "@/components/form/inline-error";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import { withdrawReferralAction } from "./actions";

/** Takes back a referral nobody has answered yet; the stage stays with this agency. */
export function WithdrawReferralForm({ referralId, toAgencyName }: { referralId: string; toAgencyName: string }) {
  const [state, formAction] = useActionState(withdrawReferralAction, initialFormState);
  const errorId = useId();
  return (
    <form action={formAction} className="mt-2" aria-describedby={state.formError ? errorId : undefined}>
      <input type="hidden" name="referralId" value={referralId} />
      <SubmitButton variant="secondary">
        Withdraw the referral<span className="sr-only"> to {toAgencyName}</span>
      </SubmitButton>
      <InlineError id={errorId} message={state.formError} />
    </form>
  );
}
