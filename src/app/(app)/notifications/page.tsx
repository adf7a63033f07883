import Link from "@/components/link";
import { formatLondonDateTime } from "@/domain/time/london";
import { NotificationBanner } from "@/components/notification-banner";
import { SubmitButton } from "@/components/form/submit-button";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { listNotifications } from "@/server/notifications/list-notifications";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { markAllReadAction, markReadAction } from "./actions";
import { titled } from "@/components/page-title";

const CONFIRMATIONS: Record<string, string> = {
  one: "Notice marked as read.",
  all: "All notices marked as read.",
};

async function NotificationsPage({ searchParams }: { searchParams: Promise<{ read?: string }> }) {
  const actor = await requireActor();
  const { read } = await searchParams;
  const notices = await loadOrNotFound(listNotifications(db, actor));
  const unread = notices.filter((n) => n.readAt === null).length;

  return (
    <>
      {read && CONFIRMATIONS[read] && <NotificationBanner>{CONFIRMATIONS[read]}</NotificationBanner>}
      {read === "missing" && (
        <div className="mb-8 border-4 border-danger p-4" data-testid="notice-missing">
          <h2 className="mb-2 text-xl font-bold">There is a problem</h2>
          <p className="font-bold text-danger">This notice was not found, or it is not yours.</p>
        </div>
      )}

      <h1 className="mb-2 text-4xl font-bold">Notifications</h1>
      <p className="mb-6 text-lg" data-testid="unread-summary">
        {unread === 0 ? "You have no unread notices." : `You have ${unread} unread ${unread === 1 ? "notice" : "notices"}.`}
      </p>

      {unread > 0 && (
        <form action={markAllReadAction} className="mb-8">
          <SubmitButton variant="secondary">Mark all as read</SubmitButton>
        </form>
      )}

      {notices.length === 0 ? (
        <p>Nothing yet. You will be told here when a stage your agency owns goes overdue, and when it is escalated.</p>
      ) : (
        <ul className="border-t border-line" data-testid="notification-list">
          {notices.map((notice) => {
            const isUnread = notice.readAt === null;
            return (
              <li
                key={notice.id}
                className={`border-b border-line py-4 ${isUnread ? "border-l-8 border-l-brand pl-4" : "pl-6"}`}
                data-testid="notification"
                data-unread={isUnread ? "true" : "false"}
              >
                <p className="mb-1">
                  <strong
                    className={`inline-block px-2 py-0.5 text-base font-bold uppercase tracking-wide ${isUnread ? "bg-[#d2e2f1] text-[#0c2d4a]" : "bg-[#e5e6e7] text-ink"}`}
                  >
                    {isUnread ? "Unread" : "Read"}
                  </strong>
                </p>
                <h2 className="text-xl font-bold">
                  {notice.href ? <Link href={notice.href}>{notice.title}</Link> : notice.title}
                </h2>
                <p className="mt-1 max-w-3xl">{notice.body}</p>
                <p className="mt-1 text-base text-muted">Sent {formatLondonDateTime(notice.createdAt)}</p>
                {isUnread && (
                  <form action={markReadAction} className="mt-2">
                    <input type="hidden" name="notificationId" value={notice.id} />
                    <SubmitButton variant="secondary">
                      Mark as read<span className="sr-only"> ({notice.title})</span>
                    </SubmitButton>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

export default titled("Notifications", NotificationsPage);
