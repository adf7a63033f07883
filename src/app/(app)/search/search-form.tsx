"use client";

import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/fields";

/** A plain GET form: the search lives in the address, so it can be paged and used without script. */
export function SearchForm({ pseudonymised, typed, error }: { pseudonymised: boolean; typed: string; error?: string }) {
  return (
    <form method="get" action="/search" noValidate role="search" aria-label={pseudonymised ? "Search cases" : "Search people"} className="mb-8 max-w-2xl">
      <ErrorSummary fieldErrors={error ? { q: error } : {}} fieldLabels={{ q: "Search" }} />
      <TextField
        name="q"
        label={pseudonymised ? "Case reference" : "Name, date of birth or reference"}
        hint={
          pseudonymised
            ? "For example VCP-AB12-CD34, or part of it"
            : "A name or part of one, a date of birth (27/03/1990), a case reference (VCP-AB12-CD34), a rescue reference (RES-2026-7K3M9Q) or an operation"
        }
        defaultValue={typed}
        error={error}
        spellCheck={false}
      />
      <button type="submit" className="min-h-11 bg-success px-4 py-2 text-lg font-bold text-white shadow-[0_2px_0_#002d18]">
        Search
      </button>
    </form>
  );
}
