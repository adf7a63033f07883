import Link from "@/components/link";
import { PERMISSION_LABELS } from "@/domain/access/permission-labels";
import { ROLE_PERMISSIONS } from "@/domain/access/permissions";
import { ROLE_LABELS, ROLES, type Role } from "@/domain/types";
import { requireActor } from "@/server/access/current-actor";
import { listAccountAgencies } from "@/server/accounts/list-account-agencies";
import { db } from "@/server/db/client";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { CreateUserForm } from "./create-user-form";
import { titled } from "@/components/page-title";

/** The first two things a role may do, as the hint under its radio. */
function roleHint(role: Role): string {
  // Only the first letter lowered: "PCC" stays in capitals.
  const labels = ROLE_PERMISSIONS[role].map((permission) => PERMISSION_LABELS[permission].replace(/^[A-Z](?=[a-z])/, (letter) => letter.toLowerCase()));
  return `For example: ${labels.slice(0, 2).join("; ")}.`;
}

async function CreateUserPage() {
  const actor = await requireActor();
  const agencies = await loadOrNotFound(listAccountAgencies(db, actor));
  return (
    <>
      <Link href="/admin/users" className="mb-6 inline-block">
        Back to users
      </Link>
      <h1 className="mb-2 text-4xl font-bold">Create a user</h1>
      <p className="mb-8 max-w-2xl text-muted">
        The account starts with no password. You will get a one-time link to give its owner: with it they set a password and their second factor.
      </p>
      <CreateUserForm
        roles={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role], hint: roleHint(role) }))}
        agencies={agencies.filter((agency) => !agency.retired).map((agency) => ({ value: agency.id, label: agency.name }))}
      />
    </>
  );
}

export default titled("Create a user", CreateUserPage);
