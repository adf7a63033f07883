import Link from "@/components/link";
import { PERMISSION_LABELS, permissionChange } from "@/domain/access/permission-labels";
import { roleAgencyMismatchMessage, roleFitsAgency } from "@/domain/accounts/role-agency";
import { ROLE_LABELS, ROLES, type Role } from "@/domain/types";
import { requireActor } from "@/server/access/current-actor";
import { getUser } from "@/server/accounts/get-user";
import { listAccountAgencies } from "@/server/accounts/list-account-agencies";
import { db } from "@/server/db/client";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { recordIdsOrNotFound } from "@/app/_lib/record-ids-or-not-found";
import { ChooseAccessForm } from "./choose-access-form";
import { ConfirmAccessForm } from "./confirm-access-form";
import { titled } from "@/components/page-title";

/**
 * Two steps: choose the role and agency (a GET form, so the choice is in the address), then read what
 * the new role brings and takes away and confirm. The use case checks everything again on confirm.
 */
async function ChangeAccessPage({
  params,
  searchParams,
}: {
  params: Promise<{ userId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { userId } = await recordIdsOrNotFound(params);
  const user = await loadOrNotFound(getUser(db, actor, userId));
  const agencies = await loadOrNotFound(listAccountAgencies(db, actor));
  const query = await searchParams;

  const role = ROLES.find((candidate) => candidate === query.role);
  const agency = agencies.find((candidate) => candidate.id === query.agency);
  const fieldErrors: Record<string, string> = {};
  if (query.role !== undefined && !role) fieldErrors.role = "Select a role";
  if (query.agency !== undefined && !agency) fieldErrors.agency = "Select an agency";
  if (role && agency && agency.id !== user.agencyId && agency.retired) fieldErrors.agency = `${agency.name} is retired and takes no new staff: select another agency`;
  if (role && agency && !roleFitsAgency(role, agency.kind)) fieldErrors.agency = roleAgencyMismatchMessage(role);
  if (role && agency && role === user.role && agency.id === user.agencyId) fieldErrors.role = "Choose a different role or agency, or go back";
  const confirming = role && agency && Object.keys(fieldErrors).length === 0;

  return (
    <>
      <Link href={confirming ? `/admin/users/${user.id}/access` : `/admin/users/${user.id}`} className="mb-6 inline-block">
        {confirming ? "Change your answers" : `Back to ${user.name}'s account`}
      </Link>
      <p className="mb-1 text-lg text-muted">{user.name}</p>
      <h1 className="mb-6 text-4xl font-bold">{confirming ? "Check the change" : "Change role or agency"}</h1>
      {confirming ? (
        <Confirm user={user} role={role} agencyId={agency.id} agencyName={agency.name} />
      ) : (
        <>
          <p className="mb-6">
            Now: {ROLE_LABELS[user.role]}, {user.agencyName}.
          </p>
          <ChooseAccessForm
            userId={user.id}
            userName={user.name}
            roles={ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))}
            agencies={agencies.filter((option) => !option.retired || option.id === user.agencyId).map((option) => ({ value: option.id, label: option.name }))}
            role={role ?? user.role}
            agencyId={agency?.id ?? user.agencyId}
            fieldErrors={fieldErrors}
          />
        </>
      )}
    </>
  );
}

function Confirm({
  user,
  role,
  agencyId,
  agencyName,
}: {
  user: { id: string; name: string; role: Role; agencyName: string; version: number };
  role: Role;
  agencyId: string;
  agencyName: string;
}) {
  const change = permissionChange(user.role, role);
  return (
    <div className="max-w-2xl">
      <p className="mb-6 text-lg">
        From <strong>{ROLE_LABELS[user.role]}</strong>, {user.agencyName}
        <br />
        to <strong>{ROLE_LABELS[role]}</strong>, {agencyName}.
      </p>
      {change.gains.length === 0 && change.loses.length === 0 ? (
        <p className="mb-6">They may do the same things as now, for their new agency.</p>
      ) : (
        <>
          <h2 className="mb-2 text-2xl font-bold">They will be able to</h2>
          {change.gains.length === 0 ? (
            <p className="mb-6">Nothing new.</p>
          ) : (
            <ul className="mb-6 list-disc pl-6" data-testid="permissions-gained">
              {change.gains.map((permission) => (
                <li key={permission}>{PERMISSION_LABELS[permission]}</li>
              ))}
            </ul>
          )}
          <h2 className="mb-2 text-2xl font-bold">They will no longer be able to</h2>
          {change.loses.length === 0 ? (
            <p className="mb-6">Nothing is taken away.</p>
          ) : (
            <ul className="mb-6 list-disc pl-6" data-testid="permissions-lost">
              {change.loses.map((permission) => (
                <li key={permission}>{PERMISSION_LABELS[permission]}</li>
              ))}
            </ul>
          )}
        </>
      )}
      <p className="mb-6">The change applies from their next click. They stay signed in.</p>
      <ConfirmAccessForm userId={user.id} version={user.version} role={role} agencyId={agencyId} name={user.name} />
    </div>
  );
}

export default titled("Change role or agency", ChangeAccessPage);
