import type { Metadata } from "next";
import Link from "next/link";
import { SafetyBanner } from "@/components/person/safety-banner";
import { AGE_GROUP_LABELS } from "@/domain/types";
import { formatLondonDateTime } from "@/domain/time/london";
import { NextStage } from "@/components/pathway/next-stage";
import { requireActor } from "@/server/access/current-actor";
import { listPseudonymisedCases } from "@/server/cases/list-pseudonymised-cases";
import { db } from "@/server/db/client";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";

export const metadata: Metadata = { title: "Cases" };

export default async function CasesPage() {
  const actor = await requireActor();
  const now = new Date();
  const rows = await loadOrNotFound(listPseudonymisedCases(db, actor, now));
  return (
    <>
      <h1 className="mb-2 text-4xl font-bold">Cases</h1>
      <p className="mb-6 max-w-2xl text-muted">
        Every live case in the partnership, most urgent first. Cases are shown by reference only: to see who a person is, open the
        case and use break-glass.
      </p>
      {rows.length === 0 ? (
        <p>No live cases.</p>
      ) : (
        <ul className="border-t border-line" data-testid="case-list">
          {rows.map((row) => (
            <li key={row.id} className="border-b border-line py-4" data-testid="case-row">
              <h2 className="text-xl font-bold">
                <Link href={`/cases/${row.id}`}>{row.caseReference}</Link>
              </h2>
              <p className="text-base text-muted">
                {AGE_GROUP_LABELS[row.ageGroup]} · rescued {formatLondonDateTime(row.rescuedAt)}
              </p>
              <SafetyBanner flags={row.safety} compact />
              <NextStage
                next={row.nextStage && { title: row.nextStage.title, ownerLabel: row.nextStage.ownerAgencyName, clock: row.nextStage.clock }}
                openStages={row.openStages}
                atRiskPercent={row.atRiskPercent}
                renderedAt={now.getTime()}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
