"use client";

import Link from "@/components/link";
import { ErrorSummary } from "@/components/form/error-summary";
import { Select, TextField } from "@/components/form/fields";

const FIELD_LABELS = { q: "Name or email", role: "Role", agency: "Agency", status: "Switched on or off", page: "Page" };

/** A plain GET form: the search lives in the address, so it can be bookmarked and paged. */
export function UserFilterForm({
  roles,
  agencies,
  values,
  fieldErrors,
}: {
  roles: { value: string; label: string }[];
  agencies: { value: string; label: string }[];
  values: Record<string, string>;
  fieldErrors: Record<string, string>;
}) {
  return (
    <form method="get" action="/admin/users" noValidate className="mb-8 border-b border-line pb-4" aria-label="Search staff accounts">
      <ErrorSummary fieldErrors={fieldErrors} fieldLabels={FIELD_LABELS} />
      <TextField name="q" label="Name or email" hint="Part of a name or email address is enough" defaultValue={values.q} error={fieldErrors.q} />
      <div className="sm:grid sm:grid-cols-3 sm:gap-x-6">
        <Select name="role" label="Role" defaultValue={values.role} error={fieldErrors.role} options={roles} />
        <Select name="agency" label="Agency" defaultValue={values.agency} error={fieldErrors.agency} options={agencies} />
        <Select
          name="status"
          label="Switched on or off"
          defaultValue={values.status}
          error={fieldErrors.status}
          options={[
            { value: "on", label: "Switched on" },
            { value: "off", label: "Switched off" },
          ]}
        />
      </div>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <button type="submit" className="min-h-11 bg-success px-4 py-2 text-lg font-bold text-white shadow-[0_2px_0_#002d18]">
          Search
        </button>
        <Link href="/admin/users" className="inline-block py-2">
          Clear search
        </Link>
      </div>
    </form>
  );
}
