import { NotificationBanner } from "@/components/notification-banner";
import { requireActor } from "@/server/access/current-actor";
import { getContactGapSettings } from "@/server/admin/contact-gap-settings";
import { getEscalationSettings } from "@/server/admin/escalation-settings";
import { getIdleTimeoutSettings } from "@/server/admin/idle-timeout";
import { getSuppressionSettings } from "@/server/admin/suppression-threshold";
import { db } from "@/server/db/client";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { ContactGapSettingsForm } from "./contact-gap-form";
import { IdleTimeoutSettingsForm } from "./idle-timeout-form";
import { EscalationSettingsForm } from "./settings-form";
import { SuppressionSettingsForm } from "./suppression-form";
import { titled } from "@/components/page-title";

const SAVED = new Map<string, string>([
  ["1", "The next escalation sweep, within a minute, uses the new thresholds."],
  ["threshold", "The PCC office's dashboard and overdue notices hide small numbers under the new threshold from now on."],
  ["idle", "Every signed-in user is held to the new idle timeout from their next request."],
  ["contact", "The next contact-gap sweep, within a minute, uses the new time."],
]);

async function SettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const escalation = await loadOrNotFound(getEscalationSettings(db, actor));
  const suppression = await loadOrNotFound(getSuppressionSettings(db, actor));
  const idleTimeout = await loadOrNotFound(getIdleTimeoutSettings(db, actor));
  const contactGap = await loadOrNotFound(getContactGapSettings(db, actor));
  const saved = (await searchParams).saved;
  const savedMessage = typeof saved === "string" ? SAVED.get(saved) : undefined;
  return (
    <>
      {savedMessage && <NotificationBanner title="Saved">{savedMessage}</NotificationBanner>}
      <h1 className="mb-6 text-4xl font-bold">Settings</h1>

      <section aria-labelledby="escalation-heading" className="mb-12">
        <h2 id="escalation-heading" className="mb-2 text-2xl font-bold">
          Escalation
        </h2>
        <p className="mb-6 max-w-2xl text-muted">
          How long a stage may stay overdue before it is escalated beyond the agency that owns it.
        </p>
        <EscalationSettingsForm current={escalation} />
      </section>

      <section aria-labelledby="suppression-heading" className="mb-12">
        <h2 id="suppression-heading" className="mb-2 text-2xl font-bold">
          Small numbers shown to the PCC office
        </h2>
        <p className="mb-6 max-w-2xl text-muted">
          The PCC office sees counts only. Very small counts could point to a person, so they are hidden.
        </p>
        <SuppressionSettingsForm current={suppression} />
      </section>

      <section aria-labelledby="idle-timeout-heading">
        <h2 id="idle-timeout-heading" className="mb-2 text-2xl font-bold">
          Signing out inactive users
        </h2>
        <p className="mb-6 max-w-2xl text-muted">
          A computer left signed in shows people&rsquo;s records to whoever sits at it next, so a session with no activity ends.
        </p>
        <IdleTimeoutSettingsForm current={idleTimeout} />
      </section>

      <section aria-labelledby="contact-gap-heading" className="mt-12">
        <h2 id="contact-gap-heading" className="mb-2 text-2xl font-bold">
          No contact with a person
        </h2>
        <p className="mb-6 max-w-2xl text-muted">
          When nobody has reached a person on a live case for this long, the leads of the agencies working on their open stages are told, once for each gap.
        </p>
        <ContactGapSettingsForm current={contactGap} />
      </section>
    </>
  );
}

export default titled("Settings", SettingsPage);
