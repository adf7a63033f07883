"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import type { EscalationSettings } from "@/server/admin/escalation-settings";
import { updateEscalationSettingsAction } from "./actions";

export function EscalationSettingsForm({ current }: { current: EscalationSettings }) {
  const [state, formAction] = useActionState(updateEscalationSettingsAction, initialFormState);
  const value = (name: keyof EscalationSettings) => String(state.values?.[name] ?? current[name]);
  return (
    <form action={formAction} noValidate className="max-w-2xl">
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <TextField
        name="coordinatorAfterHours"
        label="Tell the partnership coordinator after (hours overdue)"
        hint="The owning agency's lead is told as soon as a stage is overdue."
        defaultValue={value("coordinatorAfterHours")}
        error={state.fieldErrors.coordinatorAfterHours}
        width="w-24"
      />
      <TextField
        name="pccAfterHours"
        label="Tell the PCC office after (hours overdue)"
        hint="The PCC office gets counts only, never a case."
        defaultValue={value("pccAfterHours")}
        error={state.fieldErrors.pccAfterHours}
        width="w-24"
      />
      <SubmitButton>Save thresholds</SubmitButton>
    </form>
  );
}
