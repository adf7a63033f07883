import Link from "@/components/link";
import { AccountStatusTag } from "@/components/accounts/account-status-tag";
import { TableScrollRegion } from "@/components/table-scroll-region";
import { ROLE_LABELS, ROLES } from "@/domain/types";
import { requireActor } from "@/server/access/current-actor";
import { listAccountAgencies } from "@/server/accounts/list-account-agencies";
import { listUsers, userSearchFormValues, type UserRow } from "@/server/accounts/list-users";
import { db } from "@/server/db/client";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { UserFilterForm } from "./user-filter-form";
import { titled } from "@/components/page-title";

type Query = Record<string, string | string[] | undefined>;

async function UsersPage({ searchParams }: { searchParams: Promise<Query> }) {
  const actor = await requireActor();
  const query = await searchParams;
  const agencies = await loadOrNotFound(listAccountAgencies(db, actor));
  const result = await loadOrNotFound(listUsers(db, actor, query));

  return (
    <>
      <h1 className="mb-2 text-4xl font-bold">Users</h1>
      <p className="mb-6 max-w-2xl text-muted">The staff accounts of your partnership. Open an account to switch it off, change its role or agency, or reset its password or second factor.</p>
      <Link
        href="/admin/users/new"
        className="mb-8 inline-block min-h-11 bg-success px-4 py-2 text-lg font-bold text-white no-underline shadow-[0_2px_0_#002d18] visited:text-white hover:text-white"
      >
        Create a user
      </Link>

      <UserFilterForm
        roles={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
        agencies={agencies.map((agency) => ({ value: agency.id, label: agency.retired ? `${agency.name} (retired)` : agency.name }))}
        values={userSearchFormValues(query)}
        fieldErrors={result.ok ? {} : result.fieldErrors}
      />

      {result.ok && (
        <>
          <p className="mb-4 text-lg font-bold" data-testid="user-total">
            {result.data.total === 1 ? "1 user" : `${result.data.total} users`}
            {result.data.pageCount > 1 && `, page ${result.data.page} of ${result.data.pageCount}`}
          </p>
          <UserTable rows={result.data.rows} />
          <nav aria-label="Pagination" className="mt-6 flex flex-wrap gap-x-8 gap-y-2">
            {result.data.page > 1 && (
              <Link href={pageHref(query, result.data.page - 1)} rel="prev" className="inline-block py-2 font-bold">
                Previous page<span className="sr-only"> of users</span>
              </Link>
            )}
            {result.data.page < result.data.pageCount && (
              <Link href={pageHref(query, result.data.page + 1)} rel="next" className="inline-block py-2 font-bold">
                Next page<span className="sr-only"> of users</span>
              </Link>
            )}
          </nav>
        </>
      )}
    </>
  );
}

function pageHref(query: Query, page: number): string {
  const params = new URLSearchParams();
  for (const key of ["q", "role", "agency", "status"]) {
    const value = query[key];
    if (typeof value === "string" && value.trim()) params.set(key, value);
  }
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/admin/users?${search}` : "/admin/users";
}

function UserTable({ rows }: { rows: UserRow[] }) {
  if (rows.length === 0) return <p data-testid="users-empty">No accounts match this search.</p>;
  return (
    <TableScrollRegion labelledBy="users-caption" className="border border-line">
      <table className="w-full min-w-[48rem] border-collapse text-left text-base" data-testid="users-table">
        <caption id="users-caption" className="p-2 text-left text-lg font-bold">
          Staff accounts, by name
        </caption>
        <thead>
          <tr className="border-b-2 border-ink">
            {["Name", "Email", "Role", "Agency", "Status", "Second factor"].map((heading) => (
              <th key={heading} scope="col" className="p-2 align-bottom">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-line align-top" data-testid="user-row">
              <th scope="row" className="p-2 font-normal">
                <Link href={`/admin/users/${row.id}`} className="font-bold" aria-label={`${row.name}: view account`}>
                  {row.name}
                </Link>
              </th>
              <td className="p-2 break-all">{row.email}</td>
              <td className="p-2">{ROLE_LABELS[row.role]}</td>
              <td className="p-2">{row.agencyName}</td>
              <td className="p-2">
                <AccountStatusTag status={row.status} />
              </td>
              <td className="p-2">{row.secondFactor ? "Set up" : "Not set up"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScrollRegion>
  );
}

export default titled("Users", UsersPage);
