"use client";

import { useEffect, useRef } from "react";

/** GOV.UK error summary: takes focus when it appears and links to each field in error. */
export function ErrorSummary({
  formError,
  fieldErrors,
  fieldLabels = {},
}: {
  formError?: string;
  fieldErrors: Record<string, string>;
  fieldLabels?: Record<string, string>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(fieldErrors);
  const hasErrors = Boolean(formError) || entries.length > 0;

  useEffect(() => {
    if (hasErrors) ref.current?.focus();
  }, [hasErrors, formError, fieldErrors]);

  if (!hasErrors) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      data-testid="error-summary"
      data-takes-focus=""
      className="mb-8 border-4 border-danger p-4 focus:outline-none"
    >
      <h2 id="error-summary-title" className="mb-3 text-xl font-bold">
        There is a problem
      </h2>
      {formError && entries.length === 0 && <p className="text-danger font-bold">{formError}</p>}
      {entries.length > 0 && (
        <ul className="space-y-1">
          {entries.map(([field, message]) => (
            <li key={field}>
              <a href={`#${fieldId(field)}`} className="font-bold text-danger">
                {fieldLabels[field] ? `${fieldLabels[field]}: ` : ""}
                {message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The DOM id for a field name such as "people.2.ageGroup". */
export function fieldId(name: string): string {
  return `field-${name.replace(/\./g, "-")}`;
}
