"use client";

import { useActionState } from "react";
import type { StageActionType } from "@/domain/pathway/transitions";
import { ErrorSummary } from "@/components/form/error-summary";
import { Radios, TextArea } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import { changeStageAction } from "../../actions";

const ACTION_LABELS: Record<StageActionType, { label: string; hint?: string }> = {
  start: { label: "Start this stage", hint: "Someone is working on it now." },
  complete: { label: "Mark as done", hint: "Record the outcome below." },
  resume: { label: "Resume", hint: "The clock starts counting again." },
  pause: { label: "Pause", hint: "For example, the person is in A&E or asleep. Paused time does not count against the target." },
  not_needed: { label: "Not needed", hint: "Give the reason below." },
  decline: { label: "Declined by the person", hint: "Record what they said below." },
};

export function StageUpdateForm({ stageId, version, actions }: { stageId: string; version: number; actions: StageActionType[] }) {
  const [state, formAction] = useActionState(changeStageAction, initialFormState);
  return (
    <form action={formAction} noValidate className="max-w-2xl">
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <input type="hidden" name="stageId" value={stageId} />
      <input type="hidden" name="version" value={version} />
      <Radios
        name="action"
        legend="What do you want to do?"
        error={state.fieldErrors.action}
        defaultValue={typeof state.values?.action === "string" ? state.values.action : undefined}
        options={actions.map((action) => ({ value: action, ...ACTION_LABELS[action] }))}
      />
      <TextArea
        name="text"
        label="Outcome or reason"
        hint="Needed to mark as done, not needed, declined or paused. Never write a safehouse address."
        defaultValue={typeof state.values?.text === "string" ? state.values.text : ""}
        error={state.fieldErrors.text}
      />
      <SubmitButton>Save</SubmitButton>
    </form>
  );
}
