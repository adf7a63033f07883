"use client";

import { useActionState } from "react";
import { timeFromMinutes } from "@/domain/agencies/working-hours";
import { ErrorSummary } from "@/components/form/error-summary";
import { Radios, TextField } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import { setAgencyHoursAction } from "./actions";

type Agency = { id: string; version: number; officeHoursOnly: boolean; opensAtMinute: number; closesAtMinute: number };

export function WorkingHoursForm({ agency }: { agency: Agency }) {
  const [state, formAction] = useActionState(setAgencyHoursAction, initialFormState);
  const typed = (name: string, fallback: string) => (typeof state.values?.[name] === "string" ? (state.values[name] as string) : fallback);
  return (
    <form action={formAction} noValidate className="max-w-2xl" data-testid="working-hours-form">
      <ErrorSummary
        formError={state.formError}
        fieldErrors={state.fieldErrors}
        fieldLabels={{ opensAt: "Opening time", closesAt: "Closing time" }}
      />
      <input type="hidden" name="agencyId" value={agency.id} />
      <input type="hidden" name="version" value={String(agency.version)} />
      <Radios
        name="hours"
        legend="When does the agency work?"
        hint="Targets counted in working hours use these times."
        options={[
          { value: "always", label: "24 hours a day, every day" },
          { value: "office", label: "Office hours on working days", hint: "Monday to Friday, not bank holidays in England and Wales" },
        ]}
        defaultValue={typed("hours", agency.officeHoursOnly ? "office" : "always")}
        error={state.fieldErrors.hours}
      />
      <TextField
        name="opensAt"
        label="Opening time (office hours only)"
        hint="UK time, as hours and minutes on the 24-hour clock, for example 09:00"
        defaultValue={typed("opensAt", timeFromMinutes(agency.opensAtMinute))}
        error={state.fieldErrors.opensAt}
        width="w-28"
      />
      <TextField
        name="closesAt"
        label="Closing time (office hours only)"
        hint="For example 17:00. It must be after the opening time."
        defaultValue={typed("closesAt", timeFromMinutes(agency.closesAtMinute))}
        error={state.fieldErrors.closesAt}
        width="w-28"
      />
      <SubmitButton>Save working hours</SubmitButton>
    </form>
  );
}
