"use client";

import { ErrorSummary, fieldId } from "@/components/form/error-summary";
import { LIST_SORT_LABELS, type ListQuery, type ListSort } from "@/domain/lists/list-query";
import { AGE_GROUP_LABELS, AGE_GROUPS } from "@/domain/types";

const control = "block w-full border-2 border-ink bg-white px-2 py-1.5 text-lg min-h-11";

function Choice({ name, label, value, options }: { name: string; label: string; value: string; options: { value: string; label: string }[] }) {
  const id = fieldId(name);
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className={control}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The People and Cases lists' search box, filters and sort: a plain GET form, so the view lives in the
 * address (it can be bookmarked, shared with a colleague who may see the same, and paged) and works
 * without script. Submitting starts again at page 1.
 */
export function ListFilterForm({
  action,
  label,
  query,
  searchLabel,
  searchHint,
  searchError,
  sorts,
  agencyLabel,
  agencyOptions,
}: {
  action: string;
  /** Names the form as a search landmark: "Search and filter people". */
  label: string;
  query: ListQuery;
  searchLabel: string;
  searchHint: string;
  searchError: string | null;
  sorts: readonly ListSort[];
  agencyLabel: string;
  agencyOptions: { value: string; label: string }[];
}) {
  const qId = fieldId("q");
  return (
    <form method="get" action={action} noValidate role="search" aria-label={label} className="mb-6 border-l-4 border-line bg-panel p-4" data-testid="list-filters">
      <ErrorSummary fieldErrors={searchError ? { q: searchError } : {}} fieldLabels={{ q: searchLabel }} />
      <div className={`mb-4 max-w-2xl ${searchError ? "border-l-4 border-danger pl-4" : ""}`}>
        <label htmlFor={qId} className="mb-1 block font-bold">
          {searchLabel}
        </label>
        <p id={`${qId}-hint`} className="mb-2 text-muted">
          {searchHint}
        </p>
        {searchError && (
          <p id={`${qId}-error`} className="mb-2 font-bold text-danger">
            <span className="sr-only">Error:</span> {searchError}
          </p>
        )}
        <input
          id={qId}
          name="q"
          type="text"
          defaultValue={query.q}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={searchError ? true : undefined}
          aria-describedby={searchError ? `${qId}-hint ${qId}-error` : `${qId}-hint`}
          className={`${control} aria-[invalid=true]:border-4 aria-[invalid=true]:border-danger`}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Choice
          name="status"
          label="Cases"
          value={query.status}
          options={[
            { value: "live", label: "Live" },
            { value: "closed", label: "Closed" },
          ]}
        />
        <Choice
          name="age"
          label="Age group"
          value={query.age ?? ""}
          options={[{ value: "", label: "All age groups" }, ...AGE_GROUPS.map((age) => ({ value: age, label: AGE_GROUP_LABELS[age] }))]}
        />
        <Choice name="agency" label={agencyLabel} value={query.agency ?? ""} options={[{ value: "", label: "All agencies" }, ...agencyOptions]} />
        <Choice name="sort" label="Sort by" value={query.sort} options={sorts.map((sort) => ({ value: sort, label: LIST_SORT_LABELS[sort] }))} />
      </div>
      <div className="mt-4 flex items-start gap-2">
        <input id={fieldId("overdue")} type="checkbox" name="overdue" value="yes" defaultChecked={query.overdue} className="mt-0.5 size-7 shrink-0 accent-ink" />
        <label htmlFor={fieldId("overdue")} className="py-0.5">
          Only cases with a stage overdue <span className="text-muted">(live cases)</span>
        </label>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-x-6 gap-y-2">
        <button type="submit" className="min-h-11 bg-success px-4 py-2 text-lg font-bold text-white shadow-[0_2px_0_#002d18]">
          Apply
        </button>
        <a href={action} className="inline-block py-2">
          Clear search and filters
        </a>
      </div>
    </form>
  );
}
