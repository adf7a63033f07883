"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextArea } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import { breakGlassAction } from "./actions";

export function BreakGlassForm({ personId, minutes, minReason }: { personId: string; minutes: number; minReason: number }) {
  const [state, formAction] = useActionState(breakGlassAction, initialFormState);
  return (
    <section aria-labelledby="break-glass-title" className="mb-10 max-w-2xl border-4 border-line p-4 sm:p-6" data-testid="break-glass">
      <h2 id="break-glass-title" className="mb-3 text-2xl font-bold">
        View identity (break-glass)
      </h2>
      <p className="mb-4 flex gap-3 font-bold">
        <span aria-hidden="true" className="flex size-9 shrink-0 items-center justify-center rounded-full bg-ink text-2xl text-white">
          !
        </span>
        <span>
          <span className="sr-only">Warning: </span>
          Only if you need to know who this person is to act now. Your name, the time and your reason are logged and reviewed by an
          administrator. The identity is shown for {minutes} minutes.
        </span>
      </p>
      <form action={formAction} noValidate>
        <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
        <input type="hidden" name="personId" value={personId} />
        <TextArea
          name="reason"
          label="Why do you need to see who this person is?"
          hint={`At least ${minReason} characters. For example, which meeting or which risk, and who asked.`}
          defaultValue={typeof state.values?.reason === "string" ? state.values.reason : ""}
          error={state.fieldErrors.reason}
        />
        <SubmitButton variant="warning">View identity</SubmitButton>
      </form>
    </section>
  );
}
