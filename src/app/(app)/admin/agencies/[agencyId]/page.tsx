import Link from "@/components/link";
import { describeWorkingHours } from "@/domain/agencies/working-hours";
import { formatLondonDateTime } from "@/domain/time/london";
import { AGENCY_KIND_LABELS } from "@/domain/types";
import { SummaryList } from "@/components/summary-list";
import { requireActor } from "@/server/access/current-actor";
import { getAgency } from "@/server/agencies/get-agency";
import { db } from "@/server/db/client";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { recordIdsOrNotFound } from "@/app/_lib/record-ids-or-not-found";
import { RenameAgencyForm } from "./rename-agency-form";
import { WorkingHoursForm } from "./working-hours-form";
import { titled } from "@/components/page-title";

async function AgencyPage({ params }: { params: Promise<{ agencyId: string }> }) {
  const actor = await requireActor();
  const { agencyId } = await recordIdsOrNotFound(params);
  const agency = await loadOrNotFound(getAgency(db, actor, agencyId));
  return (
    <>
      <Link href="/admin/agencies" className="mb-6 inline-block">
        Back to agencies
      </Link>
      <p className="mb-1 text-lg text-muted">{AGENCY_KIND_LABELS[agency.kind]}</p>
      <h1 className="mb-6 text-4xl font-bold">{agency.name}</h1>
      <SummaryList
        rows={[
          { key: "Status", value: agency.retiredAt ? `Retired ${formatLondonDateTime(agency.retiredAt)}` : "Active" },
          { key: "Working hours", value: describeWorkingHours(agency) },
          ...(agency.retirement ? [{ key: "Open stages it owns", value: String(agency.retirement.openStages) }] : []),
        ]}
      />
      {agency.retiredAt ? (
        <p className="font-bold">This agency is retired. It takes no new work, and its history keeps its name.</p>
      ) : (
        <>
          <section aria-labelledby="name-heading" className="mb-12">
            <h2 id="name-heading" className="mb-4 text-2xl font-bold">
              Name
            </h2>
            <RenameAgencyForm agency={agency} />
          </section>
          <section aria-labelledby="hours-heading" className="mb-12">
            <h2 id="hours-heading" className="mb-4 text-2xl font-bold">
              Working hours
            </h2>
            <WorkingHoursForm agency={agency} />
          </section>
          <section aria-labelledby="retire-heading">
            <h2 id="retire-heading" className="mb-2 text-2xl font-bold">
              Retire
            </h2>
            <p className="mb-4 max-w-2xl">A retired agency takes no new work or staff. You choose where its open stages go.</p>
            <Link href={`/admin/agencies/${agency.id}/retire`} className="inline-block py-2 font-bold">
              Retire {agency.name}
            </Link>
          </section>
        </>
      )}
    </>
  );
}

export default titled("Change an agency", AgencyPage);
