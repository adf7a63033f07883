"use client";

import { useActionState } from "react";
import type { FormValue } from "@/domain/person/correction-fields";
import { ErrorSummary } from "@/components/form/error-summary";
import { CountryCombobox, type CountryOption } from "@/components/form/country-combobox";
import { Checkboxes, Radios, TextField } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import type { DetailField } from "@/server/people/get-person-details";
import { correctPersonDetailsAction } from "./actions";

function text(value: unknown, fallback: string): string {
  return typeof value === "string" ? value : fallback;
}

function list(value: unknown, fallback: string[]): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : fallback;
}

/** What the form was shown with, sent back so a stale save can say which fields someone else changed. */
function ShownValue({ field }: { field: DetailField }) {
  const value: FormValue = field.value;
  if (typeof value === "string") return <input type="hidden" name={`was.${field.key}`} value={value} />;
  if (field.control.kind !== "checkboxes") return null;
  return (
    <>
      {value.ticked.map((ticked) => (
        <input key={ticked} type="hidden" name={`was.${field.key}`} value={ticked} />
      ))}
      <input type="hidden" name={`was.${field.control.otherName}`} value={value.other} />
    </>
  );
}

export function CorrectDetailsForm({
  personId,
  version,
  fields,
  nationalities,
}: {
  personId: string;
  version: number;
  fields: DetailField[];
  nationalities: readonly CountryOption[];
}) {
  const [state, formAction] = useActionState(correctPersonDetailsAction, initialFormState);
  const values = state.values ?? {};
  const errors = state.fieldErrors;
  const typed = (key: string) => values[key];
  return (
    <form action={formAction} noValidate className="max-w-2xl">
      <ErrorSummary formError={state.formError} fieldErrors={errors} />
      {/* The summary lists the fields; this says that nothing was saved and why, even when it lists some. */}
      {state.code === "stale-version" && Object.keys(errors).length > 0 && (
        <p className="mb-6 border-l-8 border-danger pl-4 font-bold" data-testid="stale-message">
          {state.formError}
        </p>
      )}
      <input type="hidden" name="personId" value={personId} />
      {/* From the page, not the state: after a stale save the page reloads with the new version. */}
      <input type="hidden" name="version" value={version} />
      {fields.map((field) => (
        <ShownValue key={`${field.key}-${version}`} field={field} />
      ))}
      {fields.map((field) => {
        const { control, value } = field;
        const submitted = state.values !== undefined;
        switch (control.kind) {
          case "text":
          case "date":
            return (
              <TextField
                key={field.key}
                name={field.key}
                label={field.label}
                hint={control.hint}
                type={control.kind === "date" ? "date" : "text"}
                width={control.kind === "date" ? "max-w-xs" : undefined}
                defaultValue={submitted ? text(typed(field.key), "") : typeof value === "string" ? value : ""}
                error={errors[field.key]}
              />
            );
          case "country":
            return (
              <CountryCombobox
                key={field.key}
                name={field.key}
                label={field.label}
                hint={control.hint}
                defaultValue={submitted ? text(typed(field.key), "") : typeof value === "string" ? value : ""}
                error={errors[field.key]}
                options={nationalities}
              />
            );
          case "radios":
            return (
              <Radios
                key={field.key}
                name={field.key}
                legend={field.label}
                inline
                options={control.options}
                defaultValue={submitted ? text(typed(field.key), "") : typeof value === "string" ? value : ""}
                error={errors[field.key]}
              />
            );
          case "checkboxes": {
            const shown = typeof value === "string" ? { ticked: [], other: "" } : value;
            return (
              <div key={field.key}>
                <Checkboxes
                  name={field.key}
                  legend={field.label}
                  inline
                  options={control.options}
                  defaultValues={submitted ? list(typed(field.key), []) : shown.ticked}
                  error={errors[field.key]}
                />
                <TextField
                  name={control.otherName}
                  label={control.otherLabel}
                  defaultValue={submitted ? text(typed(control.otherName), "") : shown.other}
                  error={errors[control.otherName]}
                />
              </div>
            );
          }
        }
      })}
      <SubmitButton>Save the details</SubmitButton>
    </form>
  );
}
