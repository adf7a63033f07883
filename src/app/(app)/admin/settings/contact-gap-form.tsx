"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { MAX_CONTACT_GAP_HOURS, MIN_CONTACT_GAP_HOURS } from "@/domain/contact/contact-watch";
import { initialFormState } from "@/lib/form-state";
import type { ContactGapSettings } from "@/server/admin/contact-gap-settings";
import { updateContactGapSettingsAction } from "./actions";

export function ContactGapSettingsForm({ current }: { current: ContactGapSettings }) {
  const [state, formAction] = useActionState(updateContactGapSettingsAction, initialFormState);
  return (
    <form action={formAction} noValidate className="max-w-2xl">
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <TextField
        name="contactGapHours"
        label="Tell the agencies' leads after this many hours without contact"
        hint={`A whole number from ${MIN_CONTACT_GAP_HOURS} to ${MAX_CONTACT_GAP_HOURS}. Counted from the rescue, the last contact made or the case being reopened, whichever is latest.`}
        defaultValue={String(state.values?.contactGapHours ?? current.contactGapHours)}
        error={state.fieldErrors.contactGapHours}
        width="w-24"
      />
      <SubmitButton>Save no-contact time</SubmitButton>
    </form>
  );
}
