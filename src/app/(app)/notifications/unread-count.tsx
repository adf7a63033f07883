/**
 * The unread count beside the "Notifications" link. Read aloud as part of the link's name
 * ("Notifications, 3 unread"); the number is shown as text, so it never relies on colour.
 */
export function UnreadCount({ count }: { count: number }) {
  if (count <= 0) return null;
  return (
    <>
      <span className="sr-only">, </span>
      <span className="ml-2 inline-block min-w-7 rounded-full bg-danger px-2 text-center text-base text-white" data-testid="unread-count">
        {count > 99 ? "99+" : count}
        <span className="sr-only"> unread</span>
      </span>
    </>
  );
}
