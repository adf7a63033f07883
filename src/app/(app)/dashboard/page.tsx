import type { Metadata } from "next";
import { AGE_GROUP_LABELS, AGE_GROUPS, EXPLOITATION_TYPE_LABELS, EXPLOITATION_TYPES, GENDER_LABELS, GENDERS } from "@/domain/types";
import { display, type PublishedCell } from "@/domain/statistics/published";
import type { PublishedStatistic } from "@/domain/statistics/suppress-statistic";
import { formatDuration } from "@/domain/time/duration";
import { requireActor } from "@/server/access/current-actor";
import { parseDashboardFilters } from "@/server/dashboard/filters";
import { getDashboardAgencies } from "@/server/dashboard/get-dashboard-options";
import { getDashboard } from "@/server/dashboard/get-dashboard";
import { db } from "@/server/db/client";
import { loadOrNotFound } from "../../_lib/load-or-not-found";
import { DashboardFilterForm } from "./dashboard-filter-form";

export const metadata: Metadata = { title: "Dashboard" };

const SUPPRESSED = "<5";

function statistic<T>(value: PublishedStatistic<T>, format: (value: T) => string): string {
  return value.kind === "shown" ? format(value.value) : value.kind === "suppressed" ? SUPPRESSED : "–";
}

function DownloadLink({ table, query, title }: { table: string; query: Record<string, string>; title: string }) {
  const params = new URLSearchParams({ ...query, table });
  return (
    <p className="no-print mt-2">
      <a href={`/dashboard/export?${params.toString()}`} download>
        Download {title} (CSV)
      </a>
    </p>
  );
}

function Tile({ label, cell }: { label: string; cell: PublishedCell }) {
  return (
    <div className="border-t-4 border-link bg-panel p-4" data-testid="headline-tile">
      <p className="text-base text-muted">{label}</p>
      <p className="text-4xl font-bold">{display(cell)}</p>
    </div>
  );
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const query = await searchParams;
  const now = new Date();
  const agencies = await loadOrNotFound(getDashboardAgencies(db, actor));
  const values = Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  const parsed = parseDashboardFilters(query, now);
  const options = {
    ageGroups: AGE_GROUPS.map((value) => ({ value, label: AGE_GROUP_LABELS[value] })),
    exploitationTypes: EXPLOITATION_TYPES.map((value) => ({ value, label: EXPLOITATION_TYPE_LABELS[value] })),
    genders: GENDERS.map((value) => ({ value, label: GENDER_LABELS[value] })),
    agencies: agencies.map((agency) => ({ value: agency.id, label: agency.name })),
  };

  if (!parsed.ok) {
    return (
      <>
        <h1 className="mb-6 text-4xl font-bold">Dashboard</h1>
        <DashboardFilterForm values={values} fieldErrors={parsed.fieldErrors} options={options} />
      </>
    );
  }
  const { filters } = parsed;
  const { headlines, timeliness, volumes, completeness } = await getDashboard(db, actor, filters, now);
  const percent = (value: PublishedStatistic<number>) => statistic(value, (n) => `${n}%`);
  const exportQuery = Object.fromEntries(
    Object.entries(values).filter(([key]) => ["kind", "month", "quarter", "year", "from", "to", "ageGroup", "exploitationType", "gender", "agencyId"].includes(key)),
  );

  return (
    <>
      <h1 className="mb-2 text-4xl font-bold">Dashboard</h1>
      <p className="mb-6 max-w-3xl text-muted">
        How well the partnership meets the pathway&apos;s targets, {filters.period.label}. Counts from 1 to 4 people are shown as “{SUPPRESSED}”,
        and other figures are hidden where they would let a small count be worked out.
      </p>
      <DashboardFilterForm values={values} fieldErrors={{}} options={options} />

      <section aria-labelledby="headlines-heading" className="mb-10">
        <h2 id="headlines-heading" className="mb-4 text-2xl font-bold">
          At a glance
        </h2>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Tile label={`People rescued, ${filters.period.label}`} cell={headlines.peopleRescued} />
          <Tile label={`Rescues (operations), ${filters.period.label}`} cell={headlines.rescues} />
          <Tile label="People with a live pathway now" cell={headlines.livePathways} />
          <Tile label="Stages overdue now" cell={headlines.stagesOverdueNow} />
        </div>
        <DownloadLink table="headlines" query={exportQuery} title="the headline counts" />
      </section>

      <section aria-labelledby="timeliness-heading" className="mb-10">
        <h2 id="timeliness-heading" className="mb-2 text-2xl font-bold">
          Timeliness per stage
        </h2>
        <p className="mb-4 max-w-3xl text-muted">For people rescued in the period: time from rescue to the stage being done.</p>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left" data-testid="timeliness-table">
            <caption className="sr-only">Timeliness per stage, {filters.period.label}</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-4">Stage</th>
                <th scope="col" className="py-2 pr-4 text-right">Done</th>
                <th scope="col" className="py-2 pr-4 text-right">Median</th>
                <th scope="col" className="py-2 pr-4 text-right">90th percentile</th>
                <th scope="col" className="py-2 text-right">Within target</th>
              </tr>
            </thead>
            <tbody>
              {timeliness.map((row) => (
                <tr key={row.key} className="border-b border-line">
                  <th scope="row" className="py-2 pr-4 font-normal">
                    {row.title}
                  </th>
                  <td className="py-2 pr-4 text-right">{statistic(row.completed, String)}</td>
                  <td className="py-2 pr-4 text-right">{statistic(row.medianMs, formatDuration)}</td>
                  <td className="py-2 pr-4 text-right">{statistic(row.p90Ms, formatDuration)}</td>
                  <td className="py-2 text-right">
                    {row.withinTargetPercent.kind === "shown" ? (
                      <span className="inline-flex items-center justify-end gap-2">
                        <span aria-hidden="true" className="inline-block h-3 w-24 bg-line">
                          <span className="block h-3 bg-link" style={{ width: `${row.withinTargetPercent.value}%` }} />
                        </span>
                        {row.withinTargetPercent.value}%
                      </span>
                    ) : (
                      statistic(row.withinTargetPercent, String)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <DownloadLink table="timeliness" query={exportQuery} title="timeliness per stage" />
      </section>

      <section aria-labelledby="volumes-heading" className="mb-10">
        <h2 id="volumes-heading" className="mb-4 text-2xl font-bold">
          People rescued by month and age group
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left" data-testid="volumes-table">
            <caption className="sr-only">People rescued by month and age group, {filters.period.label}</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-4">Month</th>
                {volumes.ageGroups.map((ageGroup) => (
                  <th key={ageGroup} scope="col" className="py-2 pr-4 text-right">
                    {AGE_GROUP_LABELS[ageGroup]}
                  </th>
                ))}
                <th scope="col" className="py-2 text-right">All</th>
              </tr>
            </thead>
            <tbody>
              {volumes.months.map((month, row) => (
                <tr key={month} className="border-b border-line">
                  <th scope="row" className="py-2 pr-4 font-normal">
                    {month}
                  </th>
                  {volumes.table.cells[row]!.map((cell, column) => (
                    <td key={column} className="py-2 pr-4 text-right">
                      {display(cell)}
                    </td>
                  ))}
                  <td className="py-2 text-right font-bold">{display(volumes.table.rowTotals[row]!)}</td>
                </tr>
              ))}
              <tr className="border-t-2 border-ink font-bold">
                <th scope="row" className="py-2 pr-4">
                  All months
                </th>
                {volumes.table.columnTotals.map((cell, column) => (
                  <td key={column} className="py-2 pr-4 text-right">
                    {display(cell)}
                  </td>
                ))}
                <td className="py-2 text-right">{display(volumes.table.grandTotal)}</td>
              </tr>
            </tbody>
          </table>
        </div>
        <DownloadLink table="volumes" query={exportQuery} title="people by month and age group" />
      </section>

      <section aria-labelledby="completeness-heading" className="mb-10">
        <h2 id="completeness-heading" className="mb-4 text-2xl font-bold">
          Data completeness
        </h2>
        <dl className="grid max-w-2xl grid-cols-[1fr_auto] gap-x-6 gap-y-2" data-testid="completeness">
          <dt>People rescued in the period</dt>
          <dd className="text-right font-bold">{statistic(completeness.people, String)}</dd>
          <dt>Missing the type of exploitation</dt>
          <dd className="text-right font-bold">{percent(completeness.missingExploitationTypePercent)}</dd>
          <dt>Missing a language</dt>
          <dd className="text-right font-bold">{percent(completeness.missingLanguagePercent)}</dd>
          <dt>Age disputed</dt>
          <dd className="text-right font-bold">{percent(completeness.ageDisputedPercent)}</dd>
        </dl>
        <DownloadLink table="completeness" query={exportQuery} title="data completeness" />
      </section>
      <p className="no-print">
        To print this page on A4, use your browser&apos;s print command: the filters and links are left out.
      </p>
    </>
  );
}
