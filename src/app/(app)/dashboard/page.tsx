import type { Metadata } from "next";
import type { ReactNode } from "react";
import { GroupedBarChart } from "@/components/charts/grouped-bar-chart";
import { HorizontalBarChart } from "@/components/charts/horizontal-bar-chart";
import { LineChart } from "@/components/charts/line-chart";
import type { DashboardTable, DashboardTableId } from "@/domain/reporting/publish-dashboard";
import { periodFieldValues } from "@/domain/reporting/period";
import { PERTURBATION_NOTE } from "@/domain/statistics/cell-key";
import { SUPPRESSED_MARK, suppressionKey } from "@/domain/statistics/published";
import { AGE_GROUP_LABELS, AGE_GROUPS, EXPLOITATION_TYPE_LABELS, EXPLOITATION_TYPES, GENDER_LABELS, GENDERS } from "@/domain/types";
import { requireActor } from "@/server/access/current-actor";
import { DASHBOARD_QUERY_KEYS, parseDashboardFilters } from "@/server/dashboard/filters";
import { listDashboardAgencies } from "@/server/dashboard/list-dashboard-agencies";
import { getDashboard } from "@/server/dashboard/get-dashboard";
import { db } from "@/server/db/client";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { DashboardFilterForm } from "./dashboard-filter-form";
import { CellText, chartRows, DashboardDataTable } from "./dashboard-table";

export const metadata: Metadata = { title: "Dashboard" };

function DownloadLink({ table, query }: { table: DashboardTable; query: Record<string, string> }) {
  const params = new URLSearchParams({ ...query, table: table.id });
  return (
    <p className="no-print mt-2">
      <a href={`/dashboard/export?${params.toString()}`} download>
        Download “{table.title}” (CSV)
      </a>
    </p>
  );
}

/** A dashboard section: heading, note, an optional chart of the table, the table and its download. */
function Section({ table, query, chart, level = 2 }: { table: DashboardTable; query: Record<string, string>; chart?: ReactNode; level?: 2 | 3 }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={`${table.id}-heading`} className="mb-12 break-inside-avoid-page">
      <Heading id={`${table.id}-heading`} className={level === 2 ? "mb-2 text-2xl font-bold" : "mb-2 text-xl font-bold"}>
        {table.title}
      </Heading>
      {table.note ? <p className="mb-4 max-w-3xl text-muted">{table.note}</p> : null}
      {chart}
      <DashboardDataTable table={table} caption={table.title} />
      <DownloadLink table={table} query={query} />
    </section>
  );
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const query = await searchParams;
  const now = new Date();
  const agencies = await loadOrNotFound(listDashboardAgencies(db, actor));
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
        <DashboardFilterForm values={values} periodFields={{}} fieldErrors={parsed.fieldErrors} options={options} />
      </>
    );
  }
  const filters = parsed.data;
  const { tables, threshold } = await getDashboard(db, actor, filters, now);
  const exportQuery = Object.fromEntries(Object.entries(values).filter(([key]) => (DASHBOARD_QUERY_KEYS as readonly string[]).includes(key)));
  const section = (id: DashboardTableId, chart?: ReactNode, level?: 2 | 3) => <Section table={tables[id]} query={exportQuery} chart={chart} level={level} />;
  const tableId = (id: DashboardTableId) => `table-${id}`;
  const peopleBars = (id: DashboardTableId) => (
    <HorizontalBarChart title={tables[id].title} titleHidden tableId={tableId(id)} rows={chartRows(tables[id], 0)} />
  );
  const columnsOf = (table: DashboardTable, count: number) => table.columns.slice(0, count).map((name) => ({ name }));
  const bodyRows = (table: DashboardTable) => table.rows.filter((row) => !row.total);
  const groupedRows = (table: DashboardTable, count: number) =>
    bodyRows(table).map((row) => ({
      label: row.label,
      values: row.cells.slice(0, count).map((cell) => ({ value: cell.value, display: cell.text, suppressed: cell.suppressed })),
    }));

  return (
    <>
      <h1 className="mb-2 text-4xl font-bold">Dashboard</h1>
      <p className="mb-6 max-w-3xl text-muted">
        How well the partnership meets the pathway&apos;s targets, {filters.period.label}. Every chart has its figures in a table below it.
      </p>
      <div className="mb-6 max-w-3xl border-l-4 border-ink pl-3">
        <p data-testid="suppression-key">{suppressionKey(threshold)}.</p>
        <p className="mt-2" data-testid="perturbation-key">
          {PERTURBATION_NOTE}.
        </p>
      </div>
      <DashboardFilterForm values={values} periodFields={periodFieldValues(filters.period)} fieldErrors={{}} options={options} />

      <section aria-labelledby="headlines-heading" className="mb-12">
        <h2 id="headlines-heading" className="mb-4 text-2xl font-bold">
          {tables.headlines.title}
        </h2>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {tables.headlines.rows.map((row) => (
            <div key={row.label} className="border-t-4 border-link bg-panel p-4" data-testid="headline-tile">
              <p className="text-base text-muted">{row.label}</p>
              <p className="text-4xl font-bold">
                <CellText cell={row.cells[0]!} />
              </p>
            </div>
          ))}
        </div>
        <DownloadLink table={tables.headlines} query={exportQuery} />
      </section>

      {section(
        "timeliness",
        <HorizontalBarChart
          title="Share of stages done within target"
          tableId={tableId("timeliness")}
          unit="%"
          max={100}
          rows={chartRows(tables.timeliness, 4)}
        />,
      )}
      {section(
        "trend",
        // One month is one point per stage: the table says it better than a chart.
        filters.period.months.length > 1 && (
          <LineChart
            title="Share done within target, month by month"
            tableId={tableId("trend")}
            yMax={100}
            yUnit="%"
            suppressedText={SUPPRESSED_MARK}
            xLabels={bodyRows(tables.trend).map((row) => row.label)}
            series={tables.trend.columns.map((name, column) => ({
              name,
              values: bodyRows(tables.trend).map((row) => row.cells[column]!.value),
              suppressed: bodyRows(tables.trend).map((row) => row.cells[column]!.suppressed),
            }))}
          />
        ),
      )}
      {section(
        "breaches",
        <HorizontalBarChart title="Targets missed, by stage" tableId={tableId("breaches")} rows={chartRows(tables.breaches, tables.breaches.columns.length - 1)} />,
      )}
      {section(
        "escalations",
        <HorizontalBarChart title="Escalations to the agency lead, by stage" tableId={tableId("escalations")} rows={chartRows(tables.escalations, 0)} />,
      )}
      {section("escalations-by-agency")}
      {section(
        "volumes",
        <GroupedBarChart
          title={tables.volumes.title}
          titleHidden
          tableId={tableId("volumes")}
          categories={columnsOf(tables.volumes, AGE_GROUPS.length)}
          rows={groupedRows(tables.volumes, AGE_GROUPS.length)}
        />,
      )}

      <h2 className="mb-6 text-2xl font-bold">Who was rescued</h2>
      <div className="grid gap-x-10 lg:grid-cols-2">
        {section("gender", peopleBars("gender"), 3)}
        {section("exploitation-type", peopleBars("exploitation-type"), 3)}
        {section("uk-overseas", peopleBars("uk-overseas"), 3)}
        {section("nationality", peopleBars("nationality"), 3)}
      </div>

      {section(
        "nrm",
        <GroupedBarChart title={tables.nrm.title} titleHidden tableId={tableId("nrm")} categories={columnsOf(tables.nrm, 3)} rows={groupedRows(tables.nrm, 3)} />,
      )}
      {section("completeness")}
      <p className="no-print">To print this page on A4, use your browser&apos;s print command: the filters and links are left out.</p>
    </>
  );
}
