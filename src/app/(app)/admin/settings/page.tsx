import type { Metadata } from "next";
import { NotificationBanner } from "@/components/notification-banner";
import { requireActor } from "@/server/access/current-actor";
import { getEscalationSettings } from "@/server/admin/escalation-settings";
import { db } from "@/server/db/client";
import { loadOrNotFound } from "../../../_lib/load-or-not-found";
import { EscalationSettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Escalation settings" };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const current = await loadOrNotFound(getEscalationSettings(db, actor));
  const saved = (await searchParams).saved === "1";
  return (
    <>
      {saved && <NotificationBanner title="Saved">The next escalation sweep, within a minute, uses the new thresholds.</NotificationBanner>}
      <h1 className="mb-2 text-4xl font-bold">Escalation settings</h1>
      <p className="mb-6 max-w-2xl text-muted">
        How long a stage may stay overdue before it is escalated beyond the agency that owns it.
      </p>
      <EscalationSettingsForm current={current} />
    </>
  );
}
