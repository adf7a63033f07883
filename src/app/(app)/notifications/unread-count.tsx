/**
 * The unread count beside the "Notifications" link, as a number in a badge (text, so it never relies
 * on colour). The badge is hidden from screen readers: the link's name says it in words instead, see
 * notificationsLinkLabel.
 */
export function UnreadCount({ count }: { count: number }) {
  if (count <= 0) return null;
  // The space keeps the visible text "Notifications 3", which the accessible name contains.
  return (
    <>
      {" "}
      <span
        aria-hidden="true"
        className="ml-1 inline-block min-w-7 rounded-full bg-danger px-2 text-center text-base text-white"
        data-testid="unread-count"
      >
        {count > 99 ? "99+" : count}
      </span>
    </>
  );
}

/**
 * The Notifications link's accessible name while there are unread notices: "Notifications, 3 unread".
 * It starts with the visible words, so speech users can still say "Notifications".
 */
export function notificationsLinkLabel(count: number): string | undefined {
  return count > 0 ? `Notifications, ${count} unread` : undefined;
}
