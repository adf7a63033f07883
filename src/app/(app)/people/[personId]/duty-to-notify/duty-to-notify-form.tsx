"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Radios, TextField } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { CountryCombobox, type CountryOption } from "@/components/form/country-combobox";
import { AGE_AT_EXPLOITATION_LABELS, AGES_AT_EXPLOITATION, EXPLOITATION_LOCATION_LABELS, EXPLOITATION_LOCATIONS } from "@/domain/rescue/national-categories";
import { EXPLOITATION_TYPE_LABELS, EXPLOITATION_TYPES, GENDER_LABELS, GENDERS } from "@/domain/types";
import { initialFormState, type FormState } from "@/lib/form-state";
import { recordDutyToNotifyAction } from "./actions";

const text = (state: FormState, name: string, fallback = "") => (typeof state.values?.[name] === "string" ? (state.values[name] as string) : fallback);

export type DtnDefaults = { gender: string; exploitationType: string; nationality: string; exploitationLocation: string; ageAtExploitation: string };

export function DutyToNotifyForm({ personId, defaults, nationalities }: { personId: string; defaults: DtnDefaults; nationalities: readonly CountryOption[] }) {
  const [state, formAction] = useActionState(recordDutyToNotifyAction, initialFormState);
  return (
    <form action={formAction} noValidate className="max-w-2xl" data-testid="duty-to-notify-form">
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <input type="hidden" name="personId" value={personId} />
      <Radios name="gender" legend="Gender" error={state.fieldErrors.gender} defaultValue={text(state, "gender", defaults.gender)} options={GENDERS.map((value) => ({ value, label: GENDER_LABELS[value] }))} inline />
      <Radios
        name="ageAtExploitation"
        legend="Age when exploited"
        error={state.fieldErrors.ageAtExploitation}
        defaultValue={text(state, "ageAtExploitation", defaults.ageAtExploitation)}
        options={AGES_AT_EXPLOITATION.map((value) => ({ value, label: AGE_AT_EXPLOITATION_LABELS[value] }))}
        inline
      />
      <CountryCombobox
        name="nationality"
        label="Nationality"
        hint="Start typing a country or nationality, then choose from the list. Or ‘Stateless’, or ‘Not known’."
        defaultValue={text(state, "nationality", defaults.nationality)}
        error={state.fieldErrors.nationality}
        options={nationalities}
      />
      <Radios
        name="exploitationType"
        legend="Type of exploitation"
        error={state.fieldErrors.exploitationType}
        defaultValue={text(state, "exploitationType", defaults.exploitationType)}
        options={EXPLOITATION_TYPES.map((value) => ({ value, label: EXPLOITATION_TYPE_LABELS[value] }))}
      />
      <Radios
        name="exploitationLocation"
        legend="Where it happened"
        error={state.fieldErrors.exploitationLocation}
        defaultValue={text(state, "exploitationLocation", defaults.exploitationLocation)}
        options={EXPLOITATION_LOCATIONS.map((value) => ({ value, label: EXPLOITATION_LOCATION_LABELS[value] }))}
      />
      <TextField name="exploitationBeganIn" label="When it began (month and year)" hint="For example, 03/2026. Leave blank if not known." defaultValue={text(state, "exploitationBeganIn")} error={state.fieldErrors.exploitationBeganIn} width="max-w-xs" />
      <TextField name="sentOn" label="Date sent to the Home Office" hint="For example, 23/11/2026. Not in the future, nor before the rescue." defaultValue={text(state, "sentOn")} error={state.fieldErrors.sentOn} width="max-w-xs" />
      <SubmitButton>Record the Duty to Notify</SubmitButton>
    </form>
  );
}
