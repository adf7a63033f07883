import Link from "@/components/link";
import { CONSENT_METHOD_LABELS, CONSENT_PURPOSE_LABELS, LAWFUL_BASIS_LABELS } from "@/domain/nrm/consent";
import { formatDay } from "@/domain/nrm/nrm-referral";
import { formatLondonDateTime } from "@/domain/time/london";
import type { ConsentAndNrmView, ConsentView } from "@/server/nrm/get-consent-and-nrm";

const about = (row: { purpose: ConsentView["purpose"]; agencyName: string | null }) =>
  `${CONSENT_PURPOSE_LABELS[row.purpose]}${row.agencyName ? ` — ${row.agencyName}` : ""}`;

/**
 * What the person agreed to, refused and withdrew, and what is shared on another lawful basis, in
 * plain words: the current decisions only (history is on the consent page and the timeline).
 */
export function ConsentSummary({ view, showLinks = true }: { view: ConsentAndNrmView; showLinks?: boolean }) {
  const current = view.consents.filter((row) => row.current);
  const agreed = current.filter((row) => row.given && !row.withdrawnOn);
  const refused = current.filter((row) => !row.given);
  const withdrawn = current.filter((row) => row.given && row.withdrawnOn);
  return (
    <section className="mb-10 max-w-3xl" aria-labelledby="consent-heading" data-testid="consent-summary">
      <h2 id="consent-heading" className="mb-4 text-2xl font-bold">
        Consent and information sharing
      </h2>
      {view.child && <p className="mb-4">Treated as a child: no consent is needed for an NRM referral.</p>}
      {current.length === 0 && view.sharingBases.length === 0 && <p className="mb-4">No consent decisions recorded yet.</p>}
      <ConsentList title="Agreed to" rows={agreed} testId="consent-agreed" />
      <ConsentList title="Refused" rows={refused} testId="consent-refused" />
      <ConsentList title="Withdrawn (sharing for this purpose has stopped)" rows={withdrawn} testId="consent-withdrawn" />
      {view.sharingBases.length > 0 && (
        <div className="mb-4" data-testid="sharing-bases">
          <h3 className="mb-1 text-lg font-bold">Shared without consent, on another lawful basis</h3>
          <ul className="list-disc pl-6">
            {view.sharingBases.map((row) => (
              <li key={row.id}>
                {about(row)}: <span className="font-bold">{LAWFUL_BASIS_LABELS[row.basis]}</span>, decided by {row.decidedBy} on {formatDay(row.decidedOn)} — “{row.reason}”
              </li>
            ))}
          </ul>
        </div>
      )}
      {showLinks && (view.canRecordConsent || view.consents.length > 0) && (
        <Link href={`/people/${view.personId}/consent`} className="font-bold">
          {view.canRecordConsent ? "Record or withdraw consent" : "See consent details"}
        </Link>
      )}
    </section>
  );
}

function ConsentList({ title, rows, testId }: { title: string; rows: ConsentView[]; testId: string }) {
  if (rows.length === 0) return null;
  return (
    <div className="mb-4" data-testid={testId}>
      <h3 className="mb-1 text-lg font-bold">{title}</h3>
      <ul className="list-disc pl-6">
        {rows.map((row) => (
          <li key={row.id}>
            {about(row)} ({row.withdrawnOn ? `withdrawn ${formatDay(row.withdrawnOn)}${row.withdrawnByName ? `, recorded by ${row.withdrawnByName}` : ""}` : formatDay(row.decidedOn)})
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Every decision with how it was taken: who explained it, language, interpreter, how. */
export function ConsentDetails({ rows, renderWithdraw }: { rows: ConsentView[]; renderWithdraw?: (row: ConsentView) => React.ReactNode }) {
  if (rows.length === 0) return <p className="mb-6">No consent decisions recorded yet.</p>;
  return (
    <ul className="mb-8 border-t border-line" data-testid="consent-details">
      {rows.map((row) => (
        <li key={row.id} className="border-b border-line py-3">
          <p className="font-bold">
            {about(row)}: {row.given ? "gave consent" : "refused"} on {formatDay(row.decidedOn)}
            {!row.current && <span className="font-normal"> (replaced by a later decision)</span>}
          </p>
          <p>
            Explained by {row.explainedBy}, in {row.language}, {CONSENT_METHOD_LABELS[row.method].toLowerCase()}
            {row.interpreter ? `, through an independent interpreter (${row.interpreter})` : ", no interpreter"}. Recorded by {row.recordedByAgencyName}.
          </p>
          {row.withdrawnOn && (
            <p className="font-bold" data-testid="consent-withdrawal">
              Withdrawn {formatDay(row.withdrawnOn)}
              {row.withdrawnByName ? `, recorded by ${row.withdrawnByName}` : ""}. Sharing for this purpose stopped then.
            </p>
          )}
          {renderWithdraw?.(row)}
        </li>
      ))}
    </ul>
  );
}

const STATUS_WORDS = { done: "Done", waiting: "Waiting", running: "Running", ended: "Ended" } as const;

/** The NRM referral's dated milestones (not hour targets), each with its date or expected date. */
export function NrmSection({ view }: { view: ConsentAndNrmView }) {
  if (!view.seesNrm) return null;
  return (
    <section className="mb-10 max-w-3xl" aria-labelledby="nrm-heading" data-testid="nrm-section">
      <h2 id="nrm-heading" className="mb-4 text-2xl font-bold">
        National Referral Mechanism
      </h2>
      {view.referral ? (
        <>
          <p className="mb-2">
            Home Office reference <span className="font-bold">{view.referral.homeOfficeReference}</span>, submitted by {view.referral.submittedByAgencyName}.
            Milestones below are owned by {view.referral.submittedByAgencyName}.
          </p>
          <ol className="mb-4 border-t border-line" data-testid="nrm-milestones">
            {view.milestones.map((milestone) => (
              <li key={milestone.key} className="border-b border-line py-3" data-testid={`milestone-${milestone.key}`}>
                <p className="font-bold">
                  {milestone.title} <span className="ml-2 inline-block border-2 border-ink px-1.5 text-base">{STATUS_WORDS[milestone.status]}</span>
                </p>
                <p>{milestone.detail}</p>
              </li>
            ))}
          </ol>
        </>
      ) : view.dutyToNotifySentAt ? (
        <p className="mb-4" data-testid="duty-to-notify-sent">
          The person declined the NRM. A Duty to Notify was sent to the Home Office ({formatLondonDateTime(view.dutyToNotifySentAt)} recorded), with no identifying details.
        </p>
      ) : view.child ? (
        <p className="mb-4">No NRM referral recorded yet. Children are referred without consent.</p>
      ) : view.nrmDeclined ? (
        <p className="mb-4">The person declined or withdrew consent to the NRM: no referral can be made. Police or the council record a Duty to Notify.</p>
      ) : view.nrmConsent ? (
        <p className="mb-4">The person consented to the NRM. No referral recorded yet.</p>
      ) : (
        <p className="mb-4">No NRM referral yet. An adult must consent first (police or the council record it).</p>
      )}
      <p className="flex flex-wrap gap-x-6">
        {(view.canSubmitReferral || view.canRecordDecisions) && (
          <Link href={`/people/${view.personId}/nrm`} className="font-bold">
            {view.canSubmitReferral ? "Record the NRM referral" : "Record a decision"}
          </Link>
        )}
        {view.canRecordDutyToNotify && (
          <Link href={`/people/${view.personId}/duty-to-notify`} className="font-bold">
            Record a Duty to Notify
          </Link>
        )}
      </p>
    </section>
  );
}
