"use client";

import Link from "@/components/link";
import { useState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";

type Option = { value: string; label: string };

const FIELD_LABELS = {
  kind: "Period",
  month: "Month",
  quarter: "Quarter",
  year: "Year",
  from: "First month",
  to: "Last month",
  ageGroup: "Age group",
  exploitationType: "Type of exploitation",
  gender: "Gender",
  agencyId: "Agency",
};

function Field({ name, label, hint, error, children }: { name: string; label: string; hint?: string; error?: string; children: React.ReactNode }) {
  return (
    <div className={`mb-4 ${error ? "border-l-4 border-danger pl-3" : ""}`}>
      <label htmlFor={`field-${name}`} className="block font-bold">
        {label}
      </label>
      {hint && (
        <p id={`field-${name}-hint`} className="text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`field-${name}-error`} className="font-bold text-danger">
          <span className="sr-only">Error:</span> {error}
        </p>
      )}
      {children}
    </div>
  );
}

const control = "min-h-11 w-full max-w-xs border-2 border-ink bg-white px-2 text-base aria-[invalid=true]:border-danger";
const describedBy = (name: string, hint: boolean, error?: string) =>
  [hint ? `field-${name}-hint` : "", error ? `field-${name}-error` : ""].filter(Boolean).join(" ") || undefined;

type ChoiceProps = {
  name: string;
  label: string;
  options: Option[];
  all: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  onChange?: (value: string) => void;
};

function Choice({ name, label, options, all, values, errors, onChange }: ChoiceProps) {
  return (
    <Field name={name} label={label} error={errors[name]}>
      <select
        id={`field-${name}`}
        name={name}
        defaultValue={values[name] ?? ""}
        onChange={onChange && ((event) => onChange(event.target.value))}
        aria-invalid={errors[name] ? true : undefined} aria-describedby={describedBy(name, false, errors[name])} className={control}>
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

function Text({ name, label, hint, values, errors }: { name: string; label: string; hint: string; values: Record<string, string>; errors: Record<string, string> }) {
  return (
    <Field name={name} label={label} hint={hint} error={errors[name]}>
      <input id={`field-${name}`} name={name} defaultValue={values[name] ?? ""} aria-invalid={errors[name] ? true : undefined} aria-describedby={describedBy(name, true, errors[name])} className={control} />
    </Field>
  );
}

/**
 * A plain GET form: the period and filters live in the address, so a view can be bookmarked or shared.
 * Only the fields for the chosen kind of period are shown (and sent), filled from the period on the
 * page (`periodFields`) unless the user typed something else.
 */
export function DashboardFilterForm({
  values,
  periodFields,
  fieldErrors,
  options,
}: {
  values: Record<string, string>;
  periodFields: Record<string, string>;
  fieldErrors: Record<string, string>;
  options: { ageGroups: Option[]; exploitationTypes: Option[]; genders: Option[]; agencies: Option[] };
}) {
  const [kind, setKind] = useState(values.kind || "month");
  const shown = { ...periodFields, ...values };
  const period = (name: string, label: string, hint: string) => <Text name={name} label={label} hint={hint} values={shown} errors={fieldErrors} />;
  return (
    <form method="get" action="/dashboard" noValidate className="mb-8 border-b border-line pb-4 print:hidden" aria-label="Choose the period and filters">
      <ErrorSummary fieldErrors={fieldErrors} fieldLabels={FIELD_LABELS} />
      <div className="sm:grid sm:grid-cols-3 sm:gap-x-6">
        <Choice
          name="kind"
          label="Period"
          all="Month"
          options={[
            { value: "quarter", label: "Quarter" },
            { value: "year", label: "Year" },
            { value: "custom", label: "Custom range" },
          ]}
          values={values}
          errors={fieldErrors}
          onChange={(value) => setKind(value || "month")}
        />
        {kind === "month" && period("month", "Month", "Like 2026-11")}
        {kind === "quarter" && period("quarter", "Quarter", "Like 2026-Q3")}
        {kind === "year" && period("year", "Year", "Like 2026")}
        {kind === "custom" && (
          <>
            {period("from", "First month", "Like 09/2026")}
            {period("to", "Last month", "Included, like 11/2026")}
          </>
        )}
        <Choice name="ageGroup" label="Age group" all="All age groups" options={options.ageGroups} values={values} errors={fieldErrors} />
        <Choice name="exploitationType" label="Type of exploitation" all="All types" options={options.exploitationTypes} values={values} errors={fieldErrors} />
        <Choice name="gender" label="Gender" all="All genders" options={options.genders} values={values} errors={fieldErrors} />
        <Choice name="agencyId" label="Agency" all="All agencies" options={options.agencies} values={values} errors={fieldErrors} />
      </div>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <button type="submit" className="min-h-11 bg-success px-4 py-2 text-lg font-bold text-white shadow-[0_2px_0_#002d18]">
          Show
        </button>
        <Link href="/dashboard" className="inline-block py-2">
          This month, no filters
        </Link>
      </div>
    </form>
  );
}
