"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState, type FormAction } from "@/lib/form-state";
import { changeUserAccessAction } from "../actions";

export function ConfirmAccessForm({ userId, version, role, agencyId, name }: { userId: string; version: number; role: string; agencyId: string; name: string }) {
  const [state, formAction] = useActionState(changeUserAccessAction as FormAction, initialFormState);
  return (
    <form action={formAction} noValidate aria-label={`Confirm the change to ${name}'s account`}>
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} fieldLabels={{ agencyId: "Agency", role: "Role" }} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="role" value={role} />
      <input type="hidden" name="agencyId" value={agencyId} />
      <SubmitButton>Confirm change</SubmitButton>
    </form>
  );
}
