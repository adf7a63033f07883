"use client";

import { useActionState, useEffect, useMemo, useRef, useState } from "react";
import { IMMEDIATE_NEEDS } from "@/domain/rescue/immediate-needs";
import {
  AGE_AT_EXPLOITATION_LABELS,
  AGES_AT_EXPLOITATION,
  COUNTY_LINES_ANSWERS,
  COUNTY_LINES_LABELS,
  EXPLOITATION_LOCATION_LABELS,
  EXPLOITATION_LOCATIONS,
  REFERRER_TYPE_LABELS,
  REFERRER_TYPES,
  type ReferrerType,
} from "@/domain/rescue/national-categories";
import { AGE_GROUPS, AGE_GROUP_LABELS, EXPLOITATION_TYPES, EXPLOITATION_TYPE_LABELS, GENDERS, GENDER_LABELS } from "@/domain/types";
import { ErrorSummary, fieldId } from "@/components/form/error-summary";
import { CountryCombobox, type CountryOption } from "@/components/form/country-combobox";
import { Checkboxes, Radios, TextField } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/form-state";
import { logRescueAction } from "./actions";
import { rescueErrorSummary } from "./rescue-error-summary";

type PersonValues = Record<string, string | string[] | undefined>;

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];
}

let nextRowId = 1;

export function LogRescueForm({
  idempotencyKey,
  defaultOccurredAt,
  defaultReferrerType,
  nationalities,
}: {
  idempotencyKey: string;
  defaultOccurredAt: string;
  /** Suggested from the logging agency's kind; the caseworker can change it. */
  defaultReferrerType: ReferrerType;
  /** The country list, once for every person row. */
  nationalities: readonly CountryOption[];
}) {
  const [state, formAction] = useActionState(logRescueAction, initialFormState);
  const submittedPeople = (Array.isArray(state.values?.people) ? state.values.people : []) as PersonValues[];
  const [rows, setRows] = useState<number[]>(() => [nextRowId++]);
  const focusRow = useRef<number | null>(null);
  const errors = state.fieldErrors;
  const values = state.values ?? {};
  // Memoised: the summary takes focus again whenever its errors change, and a new object is a change.
  const summary = useMemo(() => rescueErrorSummary(errors), [errors]);

  useEffect(() => {
    if (focusRow.current === null) return;
    const index = rows.indexOf(focusRow.current);
    document.getElementById(fieldId(`people.${index}.name`))?.focus();
    focusRow.current = null;
  }, [rows]);

  function addPerson() {
    const id = nextRowId++;
    focusRow.current = id;
    setRows((current) => [...current, id]);
  }

  function removePerson(id: number) {
    setRows((current) => current.filter((row) => row !== id));
  }

  return (
    <form action={formAction} noValidate>
      <ErrorSummary formError={state.formError} fieldErrors={summary.fieldErrors} fieldLabels={summary.fieldLabels} />
      <input type="hidden" name="idempotencyKey" value={text(values.idempotencyKey) || idempotencyKey} />

      <h2 className="mb-4 text-2xl font-bold">The rescue</h2>
      <TextField
        name="occurredAt"
        type="datetime-local"
        label="Time of rescue"
        hint="UK time. All targets count from this moment."
        defaultValue={text(values.occurredAt) || defaultOccurredAt}
        error={errors.occurredAt}
        width="max-w-xs"
      />
      <TextField
        name="place"
        label="Place"
        hint="Town or postcode district only, for example ‘Middlesbrough’ or ‘TS1’. Never a full address."
        defaultValue={text(values.place)}
        error={errors.place}
        width="max-w-md"
      />
      <TextField
        name="operationReference"
        label="Operation reference (optional)"
        defaultValue={text(values.operationReference)}
        error={errors.operationReference}
        width="max-w-xs"
      />

      <h2 className="mt-10 mb-2 text-2xl font-bold">People found</h2>
      <p className="mb-6 max-w-2xl text-muted">Anyone who may be under 18 is treated as a child until their age is assessed.</p>
      {errors.people && <p className="mb-4 font-bold text-danger">{errors.people}</p>}

      {rows.map((rowId, index) => {
        const person = submittedPeople[index] ?? {};
        const prefix = `people.${index}`;
        return (
          <fieldset key={rowId} className="mb-8 border-2 border-line p-4 sm:p-6" data-testid="person-fieldset">
            <legend className="px-2 text-xl font-bold">Person {index + 1}</legend>
            <div className="sm:grid sm:grid-cols-2 sm:gap-x-6">
              <TextField name={`${prefix}.name`} label="Name (if known)" defaultValue={text(person.name)} error={errors[`${prefix}.name`]} />
              <TextField
                name={`${prefix}.description`}
                label="Description"
                hint="If there is no name: ‘woman, about 30, speaks Romanian’"
                defaultValue={text(person.description)}
                error={errors[`${prefix}.description`]}
              />
            </div>
            <Radios
              name={`${prefix}.ageGroup`}
              legend="Age group"
              inline
              defaultValue={text(person.ageGroup)}
              error={errors[`${prefix}.ageGroup`]}
              options={AGE_GROUPS.map((value) => ({ value, label: AGE_GROUP_LABELS[value] }))}
            />
            {rows.length > 1 && (
              <TextField
                name={`${prefix}.childOf`}
                label="Child of person (optional)"
                hint="For a child who came with a parent: the parent's number on this form, for example 1."
                inputMode="numeric"
                width="max-w-24"
                defaultValue={text(person.childOf)}
                error={errors[`${prefix}.childOf`]}
              />
            )}
            <Radios
              name={`${prefix}.gender`}
              legend="Gender"
              inline
              defaultValue={text(person.gender)}
              error={errors[`${prefix}.gender`]}
              options={GENDERS.map((value) => ({ value, label: GENDER_LABELS[value] }))}
            />
            <div className="sm:grid sm:grid-cols-2 sm:gap-x-6">
              <CountryCombobox
                name={`${prefix}.nationality`}
                label="Nationality (if known)"
                hint="Start typing a country or nationality, then choose from the list. Or ‘Stateless’, or ‘Not known’."
                defaultValue={text(person.nationality)}
                error={errors[`${prefix}.nationality`]}
                options={nationalities}
              />
              <TextField
                name={`${prefix}.languages`}
                label="Languages"
                hint="Separate with commas"
                defaultValue={text(person.languages)}
                error={errors[`${prefix}.languages`]}
              />
            </div>
            <Radios
              name={`${prefix}.interpreterNeeded`}
              legend="Is an interpreter needed?"
              hint="Only an independent professional interpreter, never someone who came with the person."
              inline
              defaultValue={text(person.interpreterNeeded)}
              error={errors[`${prefix}.interpreterNeeded`]}
              options={[
                { value: "yes", label: "Yes" },
                { value: "no", label: "No" },
              ]}
            />
            <Radios
              name={`${prefix}.exploitationType`}
              legend="Type of exploitation (if known)"
              hint="Optional. Choose ‘Not known’ if you asked and nobody knows yet."
              inline
              defaultValue={text(person.exploitationType)}
              error={errors[`${prefix}.exploitationType`]}
              options={EXPLOITATION_TYPES.map((value) => ({ value, label: EXPLOITATION_TYPE_LABELS[value] }))}
            />
            <Radios
              name={`${prefix}.exploitationLocation`}
              legend="Where did the exploitation take place? (if known)"
              hint="Optional."
              inline
              defaultValue={text(person.exploitationLocation)}
              error={errors[`${prefix}.exploitationLocation`]}
              options={EXPLOITATION_LOCATIONS.map((value) => ({ value, label: EXPLOITATION_LOCATION_LABELS[value] }))}
            />
            <Radios
              name={`${prefix}.countyLines`}
              legend="County lines? (if known)"
              hint="Optional. Criminal exploitation moving drugs from cities to other areas."
              inline
              defaultValue={text(person.countyLines)}
              error={errors[`${prefix}.countyLines`]}
              options={COUNTY_LINES_ANSWERS.map((value) => ({ value, label: COUNTY_LINES_LABELS[value] }))}
            />
            <Radios
              name={`${prefix}.ageAtExploitation`}
              legend="Age when exploited (if known)"
              hint="Optional. Someone now an adult may have been exploited as a child."
              inline
              defaultValue={text(person.ageAtExploitation)}
              error={errors[`${prefix}.ageAtExploitation`]}
              options={AGES_AT_EXPLOITATION.map((value) => ({ value, label: AGE_AT_EXPLOITATION_LABELS[value] }))}
            />
            <Radios
              name={`${prefix}.referrerType`}
              legend="Type of organisation that referred or first found the person"
              hint="Suggested from your agency; change it if another organisation found or referred them."
              defaultValue={submittedPeople[index] ? text(person.referrerType) : defaultReferrerType}
              error={errors[`${prefix}.referrerType`]}
              options={REFERRER_TYPES.map((value) => ({ value, label: REFERRER_TYPE_LABELS[value] }))}
            />
            <Checkboxes
              name={`${prefix}.immediateNeeds`}
              legend="Immediate needs"
              inline
              defaultValues={list(person.immediateNeeds)}
              error={errors[`${prefix}.immediateNeeds`]}
              options={IMMEDIATE_NEEDS.map((need) => ({ value: need, label: need }))}
            />
            <TextField name={`${prefix}.otherNeeds`} label="Other needs (optional)" defaultValue={text(person.otherNeeds)} error={errors[`${prefix}.otherNeeds`]} />
            {rows.length > 1 && (
              <button type="button" onClick={() => removePerson(rowId)} className="min-h-11 font-bold text-link underline">
                Remove person {index + 1}
              </button>
            )}
          </fieldset>
        );
      })}

      <div className="mb-10">
        <button
          type="button"
          onClick={addPerson}
          className="min-h-11 bg-panel px-4 py-2 text-lg font-bold shadow-[0_2px_0_#929191]"
        >
          Add another person
        </button>
      </div>

      <SubmitButton>Log rescue and start pathways</SubmitButton>
    </form>
  );
}
