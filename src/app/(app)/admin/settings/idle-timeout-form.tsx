"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { MAX_IDLE_TIMEOUT_MINUTES, MIN_IDLE_TIMEOUT_MINUTES } from "@/domain/session/session-lifetime";
import { initialFormState } from "@/lib/form-state";
import type { IdleTimeoutSettings } from "@/server/admin/idle-timeout";
import { updateIdleTimeoutSettingsAction } from "./actions";

export function IdleTimeoutSettingsForm({ current }: { current: IdleTimeoutSettings }) {
  const [state, formAction] = useActionState(updateIdleTimeoutSettingsAction, initialFormState);
  return (
    <form action={formAction} noValidate className="max-w-2xl">
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <TextField
        name="idleTimeoutMinutes"
        label="Sign users out after this many minutes without activity"
        hint={`A whole number from ${MIN_IDLE_TIMEOUT_MINUTES} to ${MAX_IDLE_TIMEOUT_MINUTES}. Users are warned 2 minutes before. However active they are, everyone signs in again after 8 hours.`}
        defaultValue={String(state.values?.idleTimeoutMinutes ?? current.idleTimeoutMinutes)}
        error={state.fieldErrors.idleTimeoutMinutes}
        width="w-24"
      />
      <SubmitButton>Save idle timeout</SubmitButton>
    </form>
  );
}
