"use client";

import { ErrorSummary } from "@/components/form/error-summary";
import { Radios, Select } from "@/components/form/fields";

/** Step one: a GET form, so the choice is in the address and step two can show what it means. */
export function ChooseAccessForm({
  userId,
  userName,
  roles,
  agencies,
  role,
  agencyId,
  fieldErrors,
}: {
  userId: string;
  userName: string;
  roles: { value: string; label: string }[];
  agencies: { value: string; label: string }[];
  role: string;
  agencyId: string;
  fieldErrors: Record<string, string>;
}) {
  return (
    <form method="get" action={`/admin/users/${userId}/access`} noValidate className="max-w-2xl" aria-label={`Choose a new role or agency for ${userName}`}>
      <ErrorSummary fieldErrors={fieldErrors} fieldLabels={{ role: "Role", agency: "Agency" }} />
      <Radios name="role" legend="Role" defaultValue={role} error={fieldErrors.role} options={roles} />
      <Select name="agency" label="Agency" defaultValue={agencyId} error={fieldErrors.agency} options={agencies} />
      <button type="submit" className="min-h-11 bg-success px-4 py-2 text-lg font-bold text-white shadow-[0_2px_0_#002d18]">
        Continue
      </button>
    </form>
  );
}
