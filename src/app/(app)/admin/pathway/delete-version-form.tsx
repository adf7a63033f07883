"use client";

import { useActionState } from "react";
import { InlineError } from "@/components/form/inline-error";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import { deletePathwayVersionAction } from "./actions";

/** Deletes one unused earlier version; a refusal is said next to the button. */
export function DeleteVersionForm({ templateId, version }: { templateId: string; version: number }) {
  const [state, formAction] = useActionState(deletePathwayVersionAction, initialFormState);
  return (
    <form action={formAction} noValidate>
      <input type="hidden" name="templateId" value={templateId} />
      <SubmitButton variant="secondary">
        Delete<span className="sr-only"> version {version}</span>
      </SubmitButton>
      <InlineError id={`delete-version-${version}-error`} message={state.formError} />
    </form>
  );
}
