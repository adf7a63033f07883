import Link from "@/components/link";
import { describeWorkingHours } from "@/domain/agencies/working-hours";
import { formatLondonDateTime } from "@/domain/time/london";
import { AGENCY_KIND_LABELS } from "@/domain/types";
import { NotificationBanner } from "@/components/notification-banner";
import { TableScrollRegion } from "@/components/table-scroll-region";
import { requireActor } from "@/server/access/current-actor";
import { listAgencies, type AgencyListRow } from "@/server/agencies/list-agencies";
import { db } from "@/server/db/client";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { AddAgencyForm } from "./add-agency-form";
import { titled } from "@/components/page-title";

type Query = Record<string, string | string[] | undefined>;

async function AgenciesPage({ searchParams }: { searchParams: Promise<Query> }) {
  const actor = await requireActor();
  const agencies = await loadOrNotFound(listAgencies(db, actor));
  const banner = bannerFor(await searchParams, agencies);
  return (
    <>
      {banner && <NotificationBanner title="Done">{banner}</NotificationBanner>}
      <h1 className="mb-2 text-4xl font-bold">Agencies</h1>
      <p className="mb-6 max-w-2xl text-muted">
        The agencies in your partnership, with their staff, the open stages they own and when they work. A retired agency takes no
        new work; its history keeps its name.
      </p>

      <TableScrollRegion labelledBy="agencies-caption" className="mb-12 border border-line">
        <table className="w-full min-w-[48rem] border-collapse text-left text-base" data-testid="agencies-table">
          <caption id="agencies-caption" className="p-2 text-left text-lg font-bold">
            {agencies.length} agencies, active first
          </caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="p-2 align-bottom">Name</th>
              <th scope="col" className="p-2 align-bottom">Kind</th>
              <th scope="col" className="p-2 align-bottom text-right">Active staff</th>
              <th scope="col" className="p-2 align-bottom text-right">Open stages</th>
              <th scope="col" className="p-2 align-bottom">Status</th>
              <th scope="col" className="p-2 align-bottom">Working hours</th>
              <th scope="col" className="p-2 align-bottom">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {agencies.map((agency) => (
              <AgencyRow key={agency.id} agency={agency} />
            ))}
          </tbody>
        </table>
      </TableScrollRegion>

      <section aria-labelledby="add-heading" id="add">
        <h2 id="add-heading" className="mb-4 text-2xl font-bold">
          Add an agency
        </h2>
        <AddAgencyForm />
      </section>
    </>
  );
}

function AgencyRow({ agency }: { agency: AgencyListRow }) {
  return (
    <tr className="border-b border-line align-top" data-testid="agency-row">
      <th scope="row" className="p-2 font-bold">
        {agency.name}
      </th>
      <td className="p-2">{AGENCY_KIND_LABELS[agency.kind]}</td>
      <td className="p-2 text-right">{agency.activeStaff}</td>
      <td className="p-2 text-right">{agency.openStages}</td>
      <td className="p-2">
        {agency.retiredAt ? (
          <>
            <strong className="inline-block bg-[#e5e6e7] px-2 py-0.5 font-bold uppercase tracking-wide text-ink">Retired</strong>
            <span className="block text-muted">{formatLondonDateTime(agency.retiredAt)}</span>
          </>
        ) : (
          <strong className="inline-block bg-[#cce2d8] px-2 py-0.5 font-bold uppercase tracking-wide text-[#005a30]">Active</strong>
        )}
      </td>
      <td className="p-2">{describeWorkingHours(agency)}</td>
      <td className="p-2">
        {!agency.retiredAt && (
          <Link href={`/admin/agencies/${agency.id}`} className="inline-block py-1 font-bold">
            Change<span className="sr-only"> {agency.name}</span>
          </Link>
        )}
      </td>
    </tr>
  );
}

const COUNT = /^\d{1,6}$/;

/** The confirmation after an action, from ids and counts in the address (never free text from it). */
function bannerFor(query: Query, agencies: AgencyListRow[]): string | null {
  const named = (key: string) => {
    const id = query[key];
    return typeof id === "string" ? agencies.find((agency) => agency.id === id) : undefined;
  };
  const count = (key: string) => {
    const value = query[key];
    return typeof value === "string" && COUNT.test(value) ? Number(value) : 0;
  };
  const added = named("added");
  if (added) return `${added.name} added. It works 24 hours a day until you set its hours.`;
  const changed = named("changed");
  if (changed) return `${changed.name} saved.`;
  const retired = named("retired");
  if (!retired) return null;
  const movedTo = named("to");
  const parts = [`${retired.name} retired.`];
  const moved = count("moved");
  if (moved > 0 && movedTo) parts.push(`${moved} open ${moved === 1 ? "stage" : "stages"} moved to ${movedTo.name}.`);
  const declined = count("declined");
  if (declined > 0) parts.push(`${declined} waiting ${declined === 1 ? "referral was" : "referrals were"} declined.`);
  const withdrawn = count("withdrawn");
  if (withdrawn > 0) parts.push(`${withdrawn} ${withdrawn === 1 ? "referral it made was" : "referrals it made were"} withdrawn.`);
  return parts.join(" ");
}

export default titled("Agencies", AgenciesPage);
