/** Confirms an action that just succeeded (GOV.UK "success" notification banner). */
export function NotificationBanner({ title = "Success", children }: { title?: string; children: React.ReactNode }) {
  return (
    <div role="status" aria-labelledby="banner-title" data-testid="notification-banner" className="mb-8 border-4 border-success">
      <h2 id="banner-title" className="bg-success px-4 py-1 text-base font-bold text-white">
        {title}
      </h2>
      <div className="p-4 text-lg font-bold">{children}</div>
    </div>
  );
}
