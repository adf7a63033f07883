import Link from "@/components/link";
import { roleHasPermission } from "@/domain/access/permissions";
import { ROLE_LABELS } from "@/domain/types";
import { ServiceHeader } from "@/components/service-header";
import { SessionTimeout } from "@/components/session/session-timeout";
import { requireActor } from "@/server/access/current-actor";
import { getCurrentSession } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { countUnread } from "@/server/notifications/count-unread";
import { notificationsLinkLabel, UnreadCount } from "./notifications/unread-count";
import { staySignedInAction } from "./session/actions";
import { signOutAction } from "./sign-out/actions";

// The layout only decides what to show in the header: every page checks access again itself.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const can = (permission: Parameters<typeof roleHasPermission>[1]) => roleHasPermission(actor.role, permission);
  const links = [
    can("queue.view") && { href: "/queue", label: "Queue" },
    can("person.list") && { href: "/people", label: "People" },
    can("rescue.log") && { href: "/rescues/new", label: "Log a rescue" },
    can("case.view_pseudonymised") && { href: "/cases", label: "Cases" },
    can("possible_match.review") && { href: "/possible-matches", label: "Earlier rescues" },
    (can("person.list") || can("case.view_pseudonymised")) && { href: "/search", label: "Search" },
    can("dashboard.view") && { href: "/dashboard", label: "Dashboard" },
    can("audit.view") && { href: "/admin/audit", label: "Audit" },
    can("break_glass.review") && { href: "/admin/break-glass", label: "Break-glass reviews" },
    can("admin.manage") && { href: "/admin/pathway", label: "Pathway" },
    can("user.manage") && { href: "/admin/users", label: "Users" },
    can("admin.manage") && { href: "/admin/agencies", label: "Agencies" },
    can("admin.manage") && { href: "/admin/settings", label: "Settings" },
    can("notification.read") && { href: "/notifications", label: "Notifications" },
  ].filter((link) => link !== false);
  const unread = await countUnread(db, actor);
  const session = await getCurrentSession();
  const now = new Date();
  return (
    <>
      <ServiceHeader>
        <div className="text-base">
          <span className="font-bold">{actor.name}</span>
          <span className="block text-[#dddddd] sm:inline sm:before:content-['_·_']">
            {ROLE_LABELS[actor.role]}, {actor.agencyName}
          </span>
        </div>
      </ServiceHeader>
      <nav aria-label="Main" className="border-b border-line bg-panel">
        <ul className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2 sm:px-6">
          {links.map((link) => (
            <li key={link.href}>
              <Link
                href={link.href}
                className="inline-block py-2 font-bold"
                aria-label={link.href === "/notifications" ? notificationsLinkLabel(unread) : undefined}
              >
                {link.label}
                {link.href === "/notifications" && <UnreadCount count={unread} />}
              </Link>
            </li>
          ))}
          <li className="ml-auto">
            <form action={signOutAction}>
              <button type="submit" className="min-h-11 cursor-pointer py-2 font-bold text-link underline">
                Sign out
              </button>
            </form>
          </li>
        </ul>
      </nav>
      <main id="main" className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
        {children}
      </main>
      {session && (
        <SessionTimeout
          msLeft={session.deadline.getTime() - now.getTime()}
          msUntilLimit={session.expiresAt.getTime() - now.getTime()}
          idleTimeoutMinutes={session.idleTimeoutMinutes}
          staySignedIn={staySignedInAction}
          signOut={signOutAction}
        />
      )}
    </>
  );
}
