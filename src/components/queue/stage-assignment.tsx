"use client";

import { useActionState, useId } from "react";
import { InlineError } from "@/components/form/inline-error";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState, type FormAction } from "@/lib/form-state";

/** "Claim" on an unassigned stage. A refusal (someone was quicker) shows next to the button. */
export function ClaimForm({ stageId, stageLabel, action }: { stageId: string; stageLabel: string; action: FormAction }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const errorId = useId();
  return (
    <form action={formAction} className="inline-block" aria-describedby={state.formError ? errorId : undefined}>
      <input type="hidden" name="stageId" value={stageId} />
      <SubmitButton variant="secondary">
        Claim<span className="sr-only"> {stageLabel}</span>
      </SubmitButton>
      <InlineError id={errorId} message={state.formError} />
    </form>
  );
}

/** For leads: assign, reassign or unassign within the agency. Each form has its own ids. */
export function AssignForm({
  stageId,
  stageLabel,
  assigneeId,
  people,
  action,
}: {
  stageId: string;
  stageLabel: string;
  assigneeId: string | null;
  people: { id: string; name: string }[];
  action: FormAction;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const selectId = useId();
  const errorId = useId();
  const error = state.fieldErrors.assigneeId ?? state.formError;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="stageId" value={stageId} />
      <div>
        <label htmlFor={selectId} className="block text-base font-bold">
          Assign<span className="sr-only"> {stageLabel}</span> to
        </label>
        <select
          id={selectId}
          name="assigneeId"
          defaultValue={String(state.values?.assigneeId ?? assigneeId ?? "")}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className="min-h-11 border-2 border-ink bg-white px-2 text-base"
        >
          <option value="">Nobody (unassigned)</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton variant="secondary">Save</SubmitButton>
      {error && (
        <div className="basis-full">
          <InlineError id={errorId} message={error} />
        </div>
      )}
    </form>
  );
}
