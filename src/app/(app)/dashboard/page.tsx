import type { ReactNode } from "react";
import { GroupedBarChart } from "@/components/charts/grouped-bar-chart";
import { HorizontalBarChart } from "@/components/charts/horizontal-bar-chart";
import { LineChart } from "@/components/charts/line-chart";
import { PageTitle } from "@/components/page-title";
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

/**
 * A filtered view has its own title, said as the page says it ("Dashboard: November 2026, children,
 * labour"), so a tab, the history and a screen reader tell views apart; a query that does not parse
 * shows the form's errors, so its title starts "Error:". From the address only, never data.
 */
function dashboardTitle(parsed: ReturnType<typeof parseDashboardFilters>): string {
  if (!parsed.ok) return "Error: Dashboard";
  const { period, ageGroup, exploitationType, gender, agencyId } = parsed.data;
  const parts = [
    period.label,
    ageGroup && AGE_GROUP_LABELS[ageGroup].toLowerCase(),
    exploitationType && EXPLOITATION_TYPE_LABELS[exploitationType].toLowerCase(),
    gender && GENDER_LABELS[gender].toLowerCase(),
    agencyId && "one agency",
  ].filter(Boolean);
  return `Dashboard: ${parts.join(", ")}`;
}

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

/** GOV.UK's contents list: a link to each section's heading, for a page this long. Not printed. */
function ContentsList({ items }: { items: { id: string; label: string; children?: { id: string; label: string }[] }[] }) {
  return (
    <nav aria-labelledby="contents-heading" className="no-print mb-8" data-testid="dashboard-contents">
      <h2 id="contents-heading" className="mb-2 text-xl font-bold">
        Contents
      </h2>
      <ol className="space-y-1">
        {items.map((item) => (
          <li key={item.id} className="before:mr-2 before:content-['—']">
            <a href={`#${item.id}`}>{item.label}</a>
            {item.children && (
              <ol className="mt-1 ml-8 space-y-1">
                {item.children.map((child) => (
                  <li key={child.id} className="before:mr-2 before:content-['—']">
                    <a href={`#${child.id}`}>{child.label}</a>
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * NRM referrals, decisions received and how long they took (issue 13). HOOK: the NRM tracking work
 * fills this section with its published tables (through publishDashboard, like every table here)
 * and passes them as `tables`; until then it says what will appear. Keep the heading's id: the
 * contents list links to it.
 */
function NrmDecisionsSection({ tables = [], query }: { tables?: DashboardTable[]; query: Record<string, string> }) {
  return (
    <section aria-labelledby={NRM_DECISIONS_HEADING_ID} className="mb-12 break-inside-avoid-page" data-testid="nrm-decisions">
      <h2 id={NRM_DECISIONS_HEADING_ID} className="mb-2 text-2xl font-bold">
        NRM decisions received and how long they took
      </h2>
      {tables.length === 0 ? (
        <p className="max-w-3xl border-l-4 border-line bg-panel p-4" data-testid="nrm-decisions-empty">
          NRM referral and decision figures appear here once referrals are recorded: Reasonable Grounds and Conclusive Grounds
          decisions received, and the days from referral to each.
        </p>
      ) : (
        tables.map((table) => <Section key={table.id} table={table} query={query} level={3} />)
      )}
    </section>
  );
}

const NRM_DECISIONS_HEADING_ID = "nrm-decisions-heading";
const WHO_WAS_RESCUED_HEADING_ID = "who-was-rescued-heading";
/** The tables under "Who was rescued", in page order. */
const WHO_WAS_RESCUED: DashboardTableId[] = ["gender", "exploitation-type", "uk-overseas", "county-lines", "age-at-exploitation", "referrer-type", "nationality"];

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const query = await searchParams;
  const now = new Date();
  const values = Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  const parsed = parseDashboardFilters(query, now);
  const options = (agencies: { id: string; name: string }[]) => ({
    ageGroups: AGE_GROUPS.map((value) => ({ value, label: AGE_GROUP_LABELS[value] })),
    exploitationTypes: EXPLOITATION_TYPES.map((value) => ({ value, label: EXPLOITATION_TYPE_LABELS[value] })),
    genders: GENDERS.map((value) => ({ value, label: GENDER_LABELS[value] })),
    agencies: agencies.map((agency) => ({ value: agency.id, label: agency.name })),
  });

  if (!parsed.ok) {
    const agencies = await loadOrNotFound(listDashboardAgencies(db, actor));
    return (
      <>
        <PageTitle title={dashboardTitle(parsed)} />
        <h1 className="mb-6 text-4xl font-bold">Dashboard</h1>
        <DashboardFilterForm values={values} periodFields={{}} fieldErrors={parsed.fieldErrors} options={options(agencies)} />
      </>
    );
  }
  const filters = parsed.data;
  // The filter's agencies come with the figures: one read (issue 15's 6 statements a page).
  const { tables, threshold, filterAgencies } = await loadOrNotFound(getDashboard(db, actor, filters, now));
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
      <PageTitle title={dashboardTitle(parsed)} />
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
      <ContentsList
        items={[
          ...(["headlines", "timeliness", "trend", "breaches", "escalations", "escalations-by-agency", "volumes"] as const).map((id) => ({
            id: `${id}-heading`,
            label: tables[id].title,
          })),
          {
            id: WHO_WAS_RESCUED_HEADING_ID,
            label: "Who was rescued",
            children: WHO_WAS_RESCUED.map((id) => ({ id: `${id}-heading`, label: tables[id].title })),
          },
          { id: "nrm-heading", label: tables.nrm.title },
          { id: NRM_DECISIONS_HEADING_ID, label: "NRM decisions received and how long they took" },
          { id: "completeness-heading", label: tables.completeness.title },
        ]}
      />
      <DashboardFilterForm values={values} periodFields={periodFieldValues(filters.period)} fieldErrors={{}} options={options(filterAgencies)} />

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

      <h2 id={WHO_WAS_RESCUED_HEADING_ID} className="mb-6 text-2xl font-bold">
        Who was rescued
      </h2>
      <p className="mb-6 max-w-3xl text-muted">
        In the categories of the Home Office&apos;s National Referral Mechanism statistics, so local figures compare with national ones.
      </p>
      <div className="grid gap-x-10 lg:grid-cols-2" data-testid="who-was-rescued">
        {WHO_WAS_RESCUED.map((id) => (
          <div key={id}>{section(id, peopleBars(id), 3)}</div>
        ))}
      </div>

      {section(
        "nrm",
        <GroupedBarChart title={tables.nrm.title} titleHidden tableId={tableId("nrm")} categories={columnsOf(tables.nrm, 3)} rows={groupedRows(tables.nrm, 3)} />,
      )}
      <NrmDecisionsSection tables={[tables["nrm-process"], tables["nrm-decisions-by-kind"], tables["nrm-waits"]]} query={exportQuery} />
      {section("completeness")}
      <p className="no-print">To print this page on A4, use your browser&apos;s print command: the filters and links are left out.</p>
    </>
  );
}
