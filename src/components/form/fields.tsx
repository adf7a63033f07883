import type { ReactNode } from "react";
import { fieldId } from "./error-summary";

const inputBase =
  "block w-full border-2 border-ink bg-white px-2 py-1.5 text-lg min-h-10 aria-[invalid=true]:border-danger aria-[invalid=true]:border-4";

function FieldWrapper({ error, children }: { error?: string; children: ReactNode }) {
  return <div className={`mb-6 ${error ? "border-l-4 border-danger pl-4" : ""}`}>{children}</div>;
}

function Hint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} className="mb-2 text-muted">
      {children}
    </p>
  );
}

function ErrorMessage({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={id} className="mb-2 font-bold text-danger">
      <span className="sr-only">Error:</span> {error}
    </p>
  );
}

function describedBy(name: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : null, error ? `${fieldId(name)}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** Label, hint and error above a single control: the GOV.UK order. */
function LabelledField({ name, label, hint, error, children }: { name: string; label: ReactNode; hint?: ReactNode; error?: string; children: ReactNode }) {
  const id = fieldId(name);
  return (
    <FieldWrapper error={error}>
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      <Hint id={`${id}-hint`}>{hint}</Hint>
      <ErrorMessage id={`${id}-error`} error={error} />
      {children}
    </FieldWrapper>
  );
}

/** Legend, hint and error above a group of radios or checkboxes. */
function ChoiceGroup({ name, legend, hint, error, children }: { name: string; legend: ReactNode; hint?: ReactNode; error?: string; children: ReactNode }) {
  const id = fieldId(name);
  return (
    <FieldWrapper error={error}>
      <fieldset aria-describedby={describedBy(name, hint, error)}>
        <legend className="mb-1 font-bold">{legend}</legend>
        <Hint id={`${id}-hint`}>{hint}</Hint>
        <ErrorMessage id={`${id}-error`} error={error} />
        {children}
      </fieldset>
    </FieldWrapper>
  );
}

type TextFieldProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  type?: "text" | "email" | "password" | "datetime-local";
  autoComplete?: string;
  width?: string;
  required?: boolean;
  inputMode?: "numeric" | "text";
  spellCheck?: boolean;
};

export function TextField({ name, label, hint, error, defaultValue, type = "text", autoComplete, width, required, inputMode, spellCheck }: TextFieldProps) {
  const id = fieldId(name);
  return (
    <LabelledField name={name} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete ?? "off"}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        aria-required={required || undefined}
        inputMode={inputMode}
        spellCheck={spellCheck}
        className={`${inputBase} ${width ?? "max-w-xl"}`}
      />
    </LabelledField>
  );
}

export function TextArea({ name, label, hint, error, defaultValue, rows = 4 }: Omit<TextFieldProps, "type"> & { rows?: number }) {
  const id = fieldId(name);
  return (
    <LabelledField name={name} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        className={`${inputBase} max-w-2xl`}
      />
    </LabelledField>
  );
}

type Option = { value: string; label: ReactNode; hint?: ReactNode };

type ChoiceProps = {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: Option[];
  inline?: boolean;
};

export function Radios({ name, legend, hint, error, options, defaultValue, inline }: ChoiceProps & { defaultValue?: string }) {
  const id = fieldId(name);
  return (
    <ChoiceGroup name={name} legend={legend} hint={hint} error={error}>
      <div className={inline ? "flex flex-wrap gap-x-6 gap-y-2" : "space-y-2"}>
        {options.map((option, i) => (
          <div key={option.value} className="flex items-start gap-2">
            <input
              id={i === 0 ? id : `${id}-${option.value}`}
              type="radio"
              name={name}
              value={option.value}
              defaultChecked={defaultValue === option.value}
              className="mt-0.5 size-7 shrink-0 accent-ink"
            />
            <label htmlFor={i === 0 ? id : `${id}-${option.value}`} className="py-0.5">
              {option.label}
              {option.hint && <span className="block text-muted">{option.hint}</span>}
            </label>
          </div>
        ))}
      </div>
    </ChoiceGroup>
  );
}

export function Checkboxes({ name, legend, hint, error, options, defaultValues = [], inline }: ChoiceProps & { defaultValues?: string[] }) {
  const id = fieldId(name);
  return (
    <ChoiceGroup name={name} legend={legend} hint={hint} error={error}>
      <div className={inline ? "flex flex-wrap gap-x-6 gap-y-2" : "space-y-2"}>
        {options.map((option, i) => (
          <div key={option.value} className="flex items-start gap-2">
            <input
              id={i === 0 ? id : `${id}-${i}`}
              type="checkbox"
              name={name}
              value={option.value}
              defaultChecked={defaultValues.includes(option.value)}
              className="mt-0.5 size-7 shrink-0 accent-ink"
            />
            <label htmlFor={i === 0 ? id : `${id}-${i}`} className="py-0.5">
              {option.label}
            </label>
          </div>
        ))}
      </div>
    </ChoiceGroup>
  );
}

export function Select({
  name,
  label,
  hint,
  error,
  options,
  defaultValue,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
}) {
  const id = fieldId(name);
  return (
    <LabelledField name={name} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        className={`${inputBase} max-w-sm`}
      >
        <option value="">Select</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}
