"use client";

import { useActionState } from "react";
import { NRM_DECISION_CHOICES, NRM_DECISIONS } from "@/domain/pathway/nrm-decision";
import type { StageActionType } from "@/domain/pathway/transitions";
import { ErrorSummary } from "@/components/form/error-summary";
import { Radios, TextArea } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import { changeStageAction } from "./actions";

const ACTION_LABELS: Record<StageActionType, { label: string; hint?: string }> = {
  start: { label: "Start this stage", hint: "Someone is working on it now." },
  complete: { label: "Mark as done", hint: "Record the outcome below." },
  resume: { label: "Resume", hint: "The clock starts counting again." },
  pause: { label: "Pause", hint: "For example, the person is in A&E or asleep. Paused time does not count against the target." },
  not_needed: { label: "Not needed", hint: "Give the reason below." },
  decline: { label: "Declined by the person", hint: "Record what they said below." },
};

type Props = {
  stageId: string;
  version: number;
  actions: StageActionType[];
  /** The NRM consent decision stage: marking it as done records the adult's decision. */
  asksNrmDecision?: boolean;
};

export function StageUpdateForm({ stageId, version, actions, asksNrmDecision = false }: Props) {
  const [state, formAction] = useActionState(changeStageAction, initialFormState);
  const typed = (name: string) => (typeof state.values?.[name] === "string" ? (state.values[name] as string) : undefined);
  return (
    <form action={formAction} noValidate className="max-w-2xl">
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <input type="hidden" name="stageId" value={stageId} />
      <input type="hidden" name="version" value={version} />
      <Radios
        name="action"
        legend="What do you want to do?"
        error={state.fieldErrors.action}
        defaultValue={typed("action")}
        options={actions.map((action) => ({ value: action, ...ACTION_LABELS[action] }))}
      />
      {asksNrmDecision && (
        <Radios
          name="nrmDecision"
          legend="What did the person decide about the NRM?"
          hint="Needed to mark as done. Informed consent is explained in their own language, after rest."
          error={state.fieldErrors.nrmDecision}
          defaultValue={typed("nrmDecision")}
          options={NRM_DECISIONS.map((decision) => ({ value: decision, label: NRM_DECISION_CHOICES[decision] }))}
        />
      )}
      <TextArea
        name="text"
        label="Outcome or reason"
        hint="Needed to mark as done, not needed, declined or paused. Never write a safehouse address."
        defaultValue={typed("text") ?? ""}
        error={state.fieldErrors.text}
      />
      <SubmitButton>Save</SubmitButton>
    </form>
  );
}
