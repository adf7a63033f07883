import Link from "@/components/link";
import { AccountStatusTag } from "@/components/accounts/account-status-tag";
import { NotificationBanner } from "@/components/notification-banner";
import { SummaryList } from "@/components/summary-list";
import { TableScrollRegion } from "@/components/table-scroll-region";
import { formatLondonDateTime } from "@/domain/time/london";
import { ROLE_LABELS } from "@/domain/types";
import { requireActor } from "@/server/access/current-actor";
import { getUser, type AccountHistoryEntry } from "@/server/accounts/get-user";
import { auditActionLabel } from "@/server/audit-search/action-labels";
import type { AuditValue } from "@/server/audit/record-audit";
import { db } from "@/server/db/client";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { recordIdsOrNotFound } from "@/app/_lib/record-ids-or-not-found";
import { AccountLinkForm, SwitchActiveForm } from "./account-forms";
import { titled } from "@/components/page-title";

const DONE: Record<string, string> = {
  off: "The account is switched off. Its owner was signed out everywhere.",
  on: "The account is switched on. Its owner can sign in again.",
  access: "The role and agency are changed. They apply from the owner's next click.",
};

const FIELD_WORDS: Record<string, string> = {
  email: "Email",
  role: "Role",
  agency: "Agency",
  active: "Switched on",
  password: "Password",
  secondFactor: "Second factor",
  activationLink: "Link",
};

function shown(field: string, value: AuditValue): string {
  if (value === null) return "none";
  if (field === "role" && typeof value === "string" && value in ROLE_LABELS) return ROLE_LABELS[value as keyof typeof ROLE_LABELS];
  if (typeof value === "boolean") return value ? "yes" : "no";
  return Array.isArray(value) ? value.join(", ") : String(value);
}

async function UserPage({ params, searchParams }: { params: Promise<{ userId: string }>; searchParams: Promise<{ done?: string }> }) {
  const actor = await requireActor();
  const { userId } = await recordIdsOrNotFound(params);
  const user = await loadOrNotFound(getUser(db, actor, userId));
  const { done } = await searchParams;
  const account = { userId: user.id, version: user.version, name: user.name };

  return (
    <>
      {done && DONE[done] && <NotificationBanner>{DONE[done]}</NotificationBanner>}
      <Link href="/admin/users" className="mb-6 inline-block">
        Back to users
      </Link>
      <p className="mb-1 text-lg text-muted">Staff account</p>
      <h1 className="mb-6 text-4xl font-bold break-words">{user.name}</h1>
      <SummaryList
        rows={[
          { key: "Email", value: <span className="break-all">{user.email}</span> },
          { key: "Role", value: ROLE_LABELS[user.role] },
          { key: "Agency", value: user.agencyName },
          { key: "Status", value: <AccountStatusTag status={user.status} /> },
          {
            key: "Second factor",
            value: user.secondFactorEnrolledAt ? `Set up ${formatLondonDateTime(user.secondFactorEnrolledAt)}` : "Not set up",
          },
          {
            key: "Link waiting to be used",
            value: user.openLinkExpiresAt ? `Yes, until ${formatLondonDateTime(user.openLinkExpiresAt)}` : "None",
          },
          { key: "Created", value: formatLondonDateTime(user.createdAt) },
        ]}
      />

      <h2 className="mb-4 text-2xl font-bold">Change this account</h2>
      {user.isSelf ? (
        <p className="mb-8 max-w-2xl">This is your own account. Another administrator must switch it off or change its role or agency.</p>
      ) : (
        <>
          <p className="mb-6">
            <Link href={`/admin/users/${user.id}/access`} className="font-bold">
              Change role or agency<span className="sr-only"> of {user.name}</span>
            </Link>
          </p>
          <SwitchActiveForm account={account} active={user.active} />
        </>
      )}

      <AccountLinkForm account={account} kind="activation" offered={user.active && user.needsActivation}>
        They have not activated their account yet. A new link replaces the earlier one, which stops working.
      </AccountLinkForm>
      <AccountLinkForm account={account} kind="password" offered={user.active && !user.needsActivation}>
        For a forgotten password. The current password stops working at once and they are signed out everywhere; the link lets them set a new one.
      </AccountLinkForm>
      <AccountLinkForm account={account} kind="second-factor" offered={user.active && !user.needsActivation}>
        For a lost or replaced phone. Their authenticator and recovery codes stop working at once and they are signed out everywhere; the link lets them
        set it up again.
      </AccountLinkForm>
      {!user.active && <p className="mb-8 max-w-2xl">Switch the account on to reset its password or second factor.</p>}

      <h2 className="mb-4 text-2xl font-bold">History of this account</h2>
      <History entries={user.history} />
    </>
  );
}

function History({ entries }: { entries: AccountHistoryEntry[] }) {
  if (entries.length === 0) return <p>No changes recorded yet.</p>;
  return (
    <TableScrollRegion labelledBy="history-caption" className="border border-line">
      <table className="w-full min-w-[40rem] border-collapse text-left text-base" data-testid="account-history">
        <caption id="history-caption" className="p-2 text-left text-lg font-bold">
          Changes, newest first (UK time)
        </caption>
        <thead>
          <tr className="border-b-2 border-ink">
            {["When", "By", "What", "Before and after"].map((heading) => (
              <th key={heading} scope="col" className="p-2 align-bottom">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} className="border-b border-line align-top" data-testid="history-row">
              <td className="p-2 whitespace-nowrap">
                <time dateTime={entry.occurredAt.toISOString()}>{formatLondonDateTime(entry.occurredAt)}</time>
              </td>
              <td className="p-2">{entry.byName ?? "Unknown user"}</td>
              <td className="p-2">{auditActionLabel(entry.action)}</td>
              <td className="p-2">
                <ul>
                  {Object.entries(entry.changes).map(([field, change]) => (
                    <li key={field}>
                      {FIELD_WORDS[field] ?? field}: from {shown(field, change.before)} to {shown(field, change.after)}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScrollRegion>
  );
}

export default titled("Staff account", UserPage);
