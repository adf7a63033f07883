import Link from "@/components/link";
import { requireActor } from "@/server/access/current-actor";
import { getChronology } from "@/server/chronology/get-chronology";
import { db } from "@/server/db/client";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { recordIdsOrNotFound } from "@/app/_lib/record-ids-or-not-found";
import { titled } from "@/components/page-title";

/**
 * The chronology for a case review, laid out for A4: the print stylesheet (globals.css, `print:`
 * classes) drops the service's header and links. Each view is audited as a production.
 */
async function ChronologyPage({ params }: { params: Promise<{ personId: string }> }) {
  const actor = await requireActor();
  const { personId } = await recordIdsOrNotFound(params);
  const doc = await loadOrNotFound(getChronology(db, actor, personId, "view"));
  return (
    <article className="chronology max-w-4xl" data-testid="chronology">
      <p className="mb-4 flex flex-wrap gap-x-6 gap-y-2 print:hidden">
        <Link href={`/people/${personId}`}>Back to the person</Link>
        <a href={`/people/${personId}/chronology/pdf`} className="font-bold" download>
          Download as PDF
        </a>
        <span className="text-muted">To print, use your browser&rsquo;s print command: the page is laid out for A4.</span>
      </p>
      <h1 className="mb-1 text-4xl font-bold print:text-2xl">{doc.title}</h1>
      <p className="mb-2 text-xl">{doc.subject}</p>
      <p className="mb-1 font-bold" data-testid="chronology-produced">
        {doc.produced}
      </p>
      <p className="mb-6 text-muted">{doc.caveat}</p>

      <h2 className="mb-2 text-2xl font-bold print:text-lg">Summary</h2>
      <dl className="mb-8 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 border-t border-line pt-2">
        {doc.summary.map((row) => (
          <div key={row.key} className="contents">
            <dt className="font-bold">{row.key}</dt>
            <dd className="break-words">{row.value}</dd>
          </div>
        ))}
      </dl>

      <h2 className="mb-2 text-2xl font-bold print:text-lg">Stages against their targets</h2>
      <div className="mb-8 overflow-x-auto" role="region" aria-label="Stages against their targets" tabIndex={0}>
        <table className="w-full border-collapse text-left text-base" data-testid="chronology-stages">
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">Stage</th>
              <th scope="col" className="py-2 pr-4">Owner</th>
              <th scope="col" className="py-2 pr-4">Target</th>
              <th scope="col" className="py-2 pr-4">Due</th>
              <th scope="col" className="py-2">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {doc.stages.map((stage) => (
              <tr key={stage.title} className="border-b border-line align-top print:break-inside-avoid">
                <th scope="row" className="py-2 pr-4 font-bold">{stage.title}</th>
                <td className="py-2 pr-4">{stage.owner}</td>
                <td className="py-2 pr-4">{stage.target}</td>
                <td className="py-2 pr-4">{stage.due}</td>
                <td className="py-2">{stage.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className="mb-2 text-2xl font-bold print:text-lg">Chronology (oldest first)</h2>
      <ol className="border-t border-line" data-testid="chronology-entries">
        {doc.entries.map((entry) => (
          <li key={entry.id} className="border-b border-line py-3 print:break-inside-avoid">
            <p className="font-bold">
              {entry.when} <span className="font-normal text-muted">({entry.sinceRescue})</span>
            </p>
            <p>
              {entry.sentence}
              {entry.restricted && <strong className="ml-2 inline-block border-2 border-ink px-1.5 text-base">{entry.restricted}</strong>}
            </p>
            <p className="text-muted">by {entry.by}</p>
            {entry.detail && <p className="mt-1 whitespace-pre-line">{entry.detail}</p>}
          </li>
        ))}
      </ol>
    </article>
  );
}

export default titled("Chronology", ChronologyPage);
