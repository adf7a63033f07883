"use client";

import Link from "@/components/link";
import { ErrorSummary } from "@/components/form/error-summary";
import { Select, TextField } from "@/components/form/fields";

const FIELD_LABELS = { user: "User", person: "Case reference", agency: "Agency", from: "From", to: "To", page: "Page" };

/** A plain GET form: filters live in the address, so a search can be bookmarked and paged. */
export function AuditFilterForm({
  users,
  agencies,
  values,
  fieldErrors,
  formError,
}: {
  users: { value: string; label: string }[];
  agencies: { value: string; label: string }[];
  values: Record<string, string>;
  fieldErrors: Record<string, string>;
  formError?: string;
}) {
  return (
    <form method="get" action="/admin/audit" noValidate className="mb-8 border-b border-line pb-4" aria-label="Filter the audit log">
      <ErrorSummary fieldErrors={fieldErrors} fieldLabels={FIELD_LABELS} formError={formError} />
      <div className="sm:grid sm:grid-cols-2 sm:gap-x-8">
        <Select name="user" label="User" defaultValue={values.user} error={fieldErrors.user} options={users} />
        <Select name="agency" label="Agency" defaultValue={values.agency} error={fieldErrors.agency} options={agencies} />
        <TextField name="person" label="Case reference" hint="For example, VCP-AB12-CD34" defaultValue={values.person} error={fieldErrors.person} width="max-w-xs" />
        <div className="sm:grid sm:grid-cols-2 sm:gap-x-6">
          <TextField name="from" label="From" hint="For example, 23/11/2026" defaultValue={values.from} error={fieldErrors.from} width="max-w-44" />
          <TextField name="to" label="To" hint="Includes this whole day" defaultValue={values.to} error={fieldErrors.to} width="max-w-44" />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <button type="submit" className="min-h-11 bg-success px-4 py-2 text-lg font-bold text-white shadow-[0_2px_0_#002d18]">
          Filter
        </button>
        <Link href="/admin/audit" className="inline-block py-2">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
