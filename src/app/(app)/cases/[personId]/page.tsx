import Link from "@/components/link";
import { SafetyBanner } from "@/components/person/safety-banner";
import { AGE_GROUP_LABELS, GENDER_LABELS, STAGE_STATE_LABELS, isTreatedAsChild } from "@/domain/types";
import { formatLondonDateTime, formatLondonTime } from "@/domain/time/london";
import { CASE_CLOSE_REASON_LABELS } from "@/domain/cases/case-closing";
import { NotificationBanner } from "@/components/notification-banner";
import { LiveClock } from "@/components/pathway/live-clock";
import { serializeClock } from "@/components/pathway/serialized-clock";
import { SummaryList } from "@/components/summary-list";
import { requireActor } from "@/server/access/current-actor";
import { BREAK_GLASS_MINUTES, BREAK_GLASS_REASON_MIN } from "@/server/break-glass/break-glass-rules";
import { getPseudonymisedCase, type BreakGlassIdentity } from "@/server/cases/get-pseudonymised-case";
import { db } from "@/server/db/client";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { recordIdsOrNotFound } from "@/app/_lib/record-ids-or-not-found";
import { BreakGlassForm } from "./break-glass-form";
import { titled } from "@/components/page-title";

// A date of birth is a calendar date, stored at midnight UTC: shown as that day wherever the clock is.
const dateOfBirthFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

async function CasePage({
  params,
  searchParams,
}: {
  params: Promise<{ personId: string }>;
  searchParams: Promise<{ opened?: string; case?: string }>;
}) {
  const actor = await requireActor();
  const { personId } = await recordIdsOrNotFound(params);
  const { opened, case: caseChange } = await searchParams;
  const now = new Date();
  const view = await loadOrNotFound(getPseudonymisedCase(db, actor, personId, now));

  return (
    <>
      <Link href="/cases" className="mb-6 inline-block">
        Back to cases
      </Link>
      {opened && view.identity && (
        <NotificationBanner>
          Identity shown under break-glass until {formatLondonTime(view.identity.shownUntil)}. This access is logged and will be reviewed.
        </NotificationBanner>
      )}
      <SafetyBanner flags={view.safety} />
      <p className="mb-1 text-lg text-muted">Pseudonymised case</p>
      <h1 className="mb-2 text-4xl font-bold">{view.caseReference}</h1>
      <p className="mb-6">Rescued {formatLondonDateTime(view.rescuedAt)}</p>
      {caseChange === "closed" && view.closedAt && <NotificationBanner>Case closed. Its open stages were closed and their clocks stopped.</NotificationBanner>}
      {caseChange === "reopened" && !view.closedAt && <NotificationBanner>Case reopened. The stages the closing ended have started again with new clocks.</NotificationBanner>}
      {view.closedAt && (
        <p className="mb-6 border-l-8 border-ink bg-panel p-4 font-bold" data-testid="case-closed">
          Case closed {formatLondonDateTime(view.closedAt)}
          {view.closeReason ? `: ${CASE_CLOSE_REASON_LABELS[view.closeReason]}` : ""}.
        </p>
      )}
      {(view.canClose || view.canReopen) && (
        <p className="mb-6">
          <Link href={`/cases/${view.id}/${view.canClose ? "close" : "reopen"}`} className="font-bold">
            {view.canClose ? "Close the case" : "Reopen the case"}
          </Link>
        </p>
      )}
      {view.sameAs.map((other) => (
        <p key={other.personId} className="mb-6 border-l-8 border-danger bg-panel p-4 font-bold" data-testid="earlier-rescue">
          Possible earlier rescue: <Link href={`/cases/${other.personId}`}>{other.caseReference}</Link> (rescued {formatLondonDateTime(other.rescuedAt)}), confirmed
          the same person. Re-trafficking is a risk: make sure the re-trafficking safety flag is set.
        </p>
      ))}
      {view.openPossibleMatches.map((match) => (
        <p key={match.id} className="mb-6" data-testid="open-possible-match">
          <Link href={`/possible-matches/${match.id}`} className="font-bold">
            Check a possible earlier rescue of this person
          </Link>
        </p>
      ))}
      {isTreatedAsChild(view.ageGroup) && (
        <div className="mb-6 border-l-8 border-brand bg-panel p-4 font-bold">Treated as a child until their age is assessed.</div>
      )}

      {view.identity ? (
        <IdentityPanel identity={view.identity} />
      ) : (
        view.canBreakGlass && <BreakGlassForm personId={view.id} minutes={BREAK_GLASS_MINUTES} minReason={BREAK_GLASS_REASON_MIN} />
      )}

      <div className="lg:grid lg:grid-cols-3 lg:gap-10">
        <div className="lg:col-span-2">
          <h2 className="mb-4 text-2xl font-bold">Pathway</h2>
          <ol className="mb-10 border-t border-line" data-testid="stage-list">
            {view.stages.map((stage) => (
              <li key={stage.id} className="border-b border-line py-4" data-testid={`stage-${stage.key}`}>
                <h3 className="text-xl font-bold">{stage.title}</h3>
                <p className="text-base text-muted">
                  {stage.ownerAgencyName} · {STAGE_STATE_LABELS[stage.state]}
                </p>
                <div className="mt-1">
                  <LiveClock clock={serializeClock(stage.clock)} atRiskPercent={view.atRiskPercent} renderedAt={now.getTime()} showDue />
                </div>
              </li>
            ))}
          </ol>
        </div>
        <div>
          <h2 className="mb-4 text-2xl font-bold">Summary</h2>
          <SummaryList
            rows={[
              { key: "Age group", value: AGE_GROUP_LABELS[view.ageGroup] },
              { key: "Gender", value: GENDER_LABELS[view.gender] },
              { key: "Interpreter", value: view.interpreterNeeded ? "Needed (independent only)" : "Not needed" },
            ]}
          />
        </div>
      </div>
    </>
  );
}

function IdentityPanel({ identity }: { identity: BreakGlassIdentity }) {
  return (
    <section aria-labelledby="identity-title" className="mb-10 max-w-2xl border-l-8 border-danger bg-panel p-4" data-testid="identity">
      <h2 id="identity-title" className="mb-1 text-2xl font-bold">
        Identity
      </h2>
      <p className="mb-4 font-bold">Identity shown under break-glass until {formatLondonTime(identity.shownUntil)}</p>
      <SummaryList
        rows={[
          { key: "Name", value: identity.name ?? "Not recorded" },
          { key: "Description", value: identity.description ?? "Not recorded" },
          { key: "Date of birth", value: identity.dateOfBirth ? dateOfBirthFormat.format(identity.dateOfBirth) : "Not recorded" },
          { key: "Contact", value: identity.contact ?? "Not recorded" },
        ]}
      />
    </section>
  );
}

export default titled("Case", CasePage);
