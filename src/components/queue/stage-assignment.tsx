"use client";

import { useActionState, useId } from "react";
import { InlineError } from "@/components/form/inline-error";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState, type BulkAssignFormState, type FormAction } from "@/lib/form-state";

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

/**
 * The queue's one claim form. Each unassigned row's "Claim" button names the row and submits this form
 * with its stage (`form="…" name="stageId"`), so a page of 50 rows carries one form, not 50. A refusal
 * (someone was quicker) shows here, above the table.
 */
export function QueueClaimForm({ id, action }: { id: string; action: FormAction }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const errorId = useId();
  return (
    <form id={id} action={formAction} aria-describedby={state.formError ? errorId : undefined}>
      <InlineError id={errorId} message={state.formError} />
    </form>
  );
}

/**
 * For leads: the rows ticked in the queue (checkboxes with `form="…"`) go to one person. What was
 * assigned and what was not (someone changed it meanwhile, or it is not the agency's) is listed here.
 */
export function BulkAssignForm({
  id,
  people,
  action,
}: {
  id: string;
  people: { id: string; name: string }[];
  action: (previous: BulkAssignFormState, formData: FormData) => Promise<BulkAssignFormState>;
}) {
  const [state, formAction] = useActionState(action, initialFormState as BulkAssignFormState);
  const selectId = useId();
  const errorId = useId();
  const error = state.fieldErrors.assigneeId ?? state.fieldErrors.stages ?? state.formError;
  const report = state.report;
  return (
    <form id={id} action={formAction} className="mt-4 border-l-4 border-line pl-4" data-testid="bulk-assign">
      {report && (
        <div className="mb-3" role="status" data-testid="bulk-assign-report">
          {report.assigned.length > 0 && (
            <p className="font-bold">
              {report.assigned.length === 1 ? `${report.assigned[0]} is` : `${report.assigned.length} stages are`} now assigned to {report.assigneeName}.
            </p>
          )}
          {report.notAssigned.length > 0 && (
            <>
              <p className="font-bold">
                {report.notAssigned.length === 1 ? "1 stage was" : `${report.notAssigned.length} stages were`} not assigned:
              </p>
              <ul className="list-disc pl-6">
                {report.notAssigned.map((item, i) => (
                  <li key={i}>
                    {item.label}: {item.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={selectId} className="block text-base font-bold">
            Assign selected stages to
          </label>
          <select
            id={selectId}
            name="assigneeId"
            defaultValue=""
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            className="min-h-11 border-2 border-ink bg-white px-2 text-base"
          >
            <option value="">Choose a person</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton variant="secondary">Assign selected</SubmitButton>
      </div>
      <InlineError id={errorId} message={error} />
    </form>
  );
}
