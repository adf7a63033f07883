// The core of scripts/generate-history.ts: a large synthetic history for one fictional partnership,
// planned by the demo seed's own planner (prisma/seed/history.ts) and written in batches, one
// transaction per batch. Everything in it is invented: agencies, staff, people and references.
import { randomUUID } from "node:crypto";
import { createPartnership } from "../../prisma/factories";
import { DEFAULT_THRESHOLDS, planLargeHistory, type HistoryRows } from "../../prisma/seed/history";
import { DEMO_SLUG, type DemoOrg, type StaffMember } from "../../prisma/seed/org";
import { Random } from "../../prisma/seed/random";
import type { Doer } from "../../prisma/seed/stages";
import type { AgencyKind, Role } from "../../src/domain/types";
import { hashPassword } from "../../src/server/auth/password";
import type { Prisma } from "../../src/generated/prisma/client";
import type { Db } from "../../src/server/db/create-client";
import { refreshDashboardSummaries } from "../../src/server/dashboard/summary/refresh-summaries";
import { bulkInsert } from "./bulk-insert";

export type GenerateOptions = {
  people: number;
  seed: number;
  months: number;
  /** The end of the history. Same seed, same `now`: same history (apart from ids and references). */
  now: Date;
  /** Defaults to `scale-<people>-seed-<seed>`. */
  slug?: string;
  /** Write into a database that also holds the demo partnership. */
  force?: boolean;
  /** People per transaction. */
  batchPeople?: number;
  log?: (line: string) => void;
};

export type GenerateSummary = {
  partnershipId: string;
  slug: string;
  rescues: number;
  people: number;
  stages: number;
  lateStages: number;
  timelineEvents: number;
  escalations: Record<"AGENCY_LEAD" | "COORDINATOR" | "PCC_OFFICE", number>;
  seconds: number;
};

export class GenerateRefused extends Error {}

const STATEMENT_ROWS = 10_000;

type Row = Record<string, unknown>;
/** Prisma makes the ids of these tables itself, so a raw insert must bring its own. */
const withIds = (rows: Row[]) => rows.map((row) => ("id" in row ? row : { id: randomUUID(), ...row }));

/** One batch, in foreign-key order. */
async function insertBatch(tx: Prisma.TransactionClient, rows: HistoryRows): Promise<void> {
  const tables: [string, Row[]][] = [
    ["Rescue", rows.rescues],
    ["Person", rows.people],
    ["PersonIdentity", rows.identities],
    ["Stage", rows.stages],
    ["TimelineEvent", withIds(rows.timeline)],
    ["Escalation", withIds(rows.escalations)],
  ];
  for (const [table, tableRows] of tables) {
    for (let start = 0; start < tableRows.length; start += STATEMENT_ROWS) {
      await bulkInsert(tx, table, tableRows.slice(start, start + STATEMENT_ROWS));
    }
  }
}

const AGENCY_NAMES: Record<Exclude<AgencyKind, "CHARITY">, string> = {
  POLICE: "Fictional Scale Test Constabulary",
  COUNCIL_SAFEGUARDING: "Fictional Scale Test Council Safeguarding",
  HEALTH: "Fictional Scale Test NHS Trust",
  SALVATION_ARMY: "Fictional Scale Test Salvation Army Service",
  VCAS: "Fictional Scale Test Victim Care Service",
  PCC_OFFICE: "Fictional Scale Test PCC Office",
  PARTNERSHIP: "Fictional Scale Test Partnership Team",
};

const WORKING_AGENCIES = ["POLICE", "COUNCIL_SAFEGUARDING", "HEALTH", "SALVATION_ARMY", "VCAS"] as const;
const OVERSIGHT: { role: Role; kind: AgencyKind; label: string }[] = [
  { role: "COORDINATOR", kind: "PARTNERSHIP", label: "coordinator" },
  { role: "PCC_OFFICE", kind: "PCC_OFFICE", label: "pcc" },
  { role: "ADMINISTRATOR", kind: "PARTNERSHIP", label: "admin" },
];

/** The partnership, its agencies and a handful of staff whose password nobody knows. */
async function createScaleOrg(db: Db, slug: string, people: number): Promise<DemoOrg> {
  const { partnership, agencies, template } = await createPartnership(db, {
    name: `Fictional Scale Test Partnership (${people} people)`,
    slug,
    agencyNames: AGENCY_NAMES,
  });
  const agencyIds = Object.fromEntries(Object.entries(agencies).map(([kind, agency]) => [kind, agency.id])) as Record<AgencyKind, string>;
  // Random and thrown away: these accounts exist to own timeline events, not to sign in.
  const passwordHash = await hashPassword(randomUUID());
  const createStaff = async (kind: AgencyKind, role: Role, label: string): Promise<StaffMember> => {
    const user = await db.user.create({
      data: {
        agencyId: agencyIds[kind],
        role,
        email: `${label}@${slug}.scale.example`,
        name: `Fictional ${label.replace(/[.-]/g, " ")} (${slug})`,
        passwordHash,
      },
    });
    return { id: user.id, agencyId: user.agencyId, role: user.role };
  };

  const staff: DemoOrg["staff"] = {};
  for (const kind of WORKING_AGENCIES) {
    const prefix = kind.toLowerCase().replace(/_/g, "-");
    staff[kind] = {
      CASEWORKER: await createStaff(kind, "CASEWORKER", `${prefix}.caseworker`),
      AGENCY_LEAD: await createStaff(kind, "AGENCY_LEAD", `${prefix}.lead`),
    } satisfies Record<Doer, StaffMember>;
  }
  for (const { role, kind, label } of OVERSIGHT) await createStaff(kind, role, label);
  return { partnershipId: partnership.id, template, agencyIds, staff };
}

export async function generateHistory(db: Db, options: GenerateOptions): Promise<GenerateSummary> {
  const log = options.log ?? (() => {});
  const slug = options.slug ?? `scale-${options.people}-seed-${options.seed}`;
  if (!Number.isInteger(options.people) || options.people < 1) throw new GenerateRefused("--people must be a whole number above 0");
  if (!Number.isInteger(options.months) || options.months < 1) throw new GenerateRefused("--months must be a whole number above 0");
  if (!options.force && (await db.partnership.findUnique({ where: { slug: DEMO_SLUG } }))) {
    throw new GenerateRefused(
      `This database holds the demo partnership "${DEMO_SLUG}": use a database of its own for the synthetic history, or pass --force.`,
    );
  }
  if (await db.partnership.findUnique({ where: { slug } })) {
    throw new GenerateRefused(`Partnership "${slug}" is already in this database: use another --seed or a fresh database.`);
  }

  const started = performance.now();
  const org = await createScaleOrg(db, slug, options.people);
  const batchPeople = options.batchPeople ?? 2500;
  const rng = new Random(options.seed);
  let people = 0;
  const batches = planLargeHistory(rng, org, options.now, {
    people: options.people,
    months: options.months,
    thresholds: DEFAULT_THRESHOLDS,
    batchPeople,
  });
  try {
    for (const rows of batches) {
      await db.$transaction((tx) => insertBatch(tx, rows), { timeout: 120_000, maxWait: 10_000 });
      people += rows.people.length;
      log(`  ${people} / ${options.people} people (${progressLine(rows)}) after ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } catch (error) {
    // Deleting hundreds of thousands of rows back out takes far longer than writing them: say so instead.
    log(`Failed after ${people} people: partnership "${slug}" is incomplete; start again on a fresh database.`);
    throw error;
  }

  // Fresh planner statistics: right after a bulk load Postgres still thinks the tables are tiny and
  // picks nested loops that make the dashboard's queries seconds slower, until autovacuum catches up.
  await db.$executeRawUnsafe("ANALYZE");
  // Build the dashboard's month summaries now rather than on the first look at the dashboard.
  const summaryStarted = performance.now();
  const months = await refreshDashboardSummaries(db, org.partnershipId);
  log(`Dashboard summaries for ${months.length} months built in ${((performance.now() - summaryStarted) / 1000).toFixed(1)} s`);
  await db.$executeRawUnsafe(`ANALYZE "DashboardStageMonth", "DashboardPersonMonth"`);
  const counts = await countHistory(db, org.partnershipId, options.now);
  return { partnershipId: org.partnershipId, slug, ...counts, seconds: (performance.now() - started) / 1000 };
}

function progressLine(rows: HistoryRows): string {
  return `batch: ${rows.stages.length} stages, ${rows.timeline.length} events, ${rows.escalations.length} escalations`;
}

/** Counted from the database, so the totals report what was stored rather than what was planned. */
export async function countHistory(db: Db, partnershipId: string, now: Date): Promise<Omit<GenerateSummary, "partnershipId" | "slug" | "seconds">> {
  const [row] = await db.$queryRaw<
    { rescues: bigint; people: bigint; stages: bigint; late: bigint; events: bigint; lead: bigint; coordinator: bigint; pcc: bigint }[]
  >`
    WITH p AS (
      SELECT p.id FROM "Person" p JOIN "Rescue" r ON r.id = p."rescueId" WHERE r."partnershipId" = ${partnershipId}::uuid
    ), s AS (
      SELECT s.* FROM "Stage" s WHERE s."personId" IN (SELECT id FROM p)
    )
    SELECT
      (SELECT count(*) FROM "Rescue" WHERE "partnershipId" = ${partnershipId}::uuid) AS rescues,
      (SELECT count(*) FROM p) AS people,
      (SELECT count(*) FROM s) AS stages,
      -- Late: still open past its due time (paused time moves it on), or closed after it.
      (SELECT count(*) FROM s
        WHERE coalesce(s."completedAt", s."pausedAt", ${now}::timestamptz) > s."dueAt" + s."pausedMs" * interval '1 millisecond') AS late,
      (SELECT count(*) FROM "TimelineEvent" WHERE "personId" IN (SELECT id FROM p)) AS events,
      (SELECT count(*) FROM "Escalation" e JOIN s ON s.id = e."stageId" WHERE e.level = 'AGENCY_LEAD') AS lead,
      (SELECT count(*) FROM "Escalation" e JOIN s ON s.id = e."stageId" WHERE e.level = 'COORDINATOR') AS coordinator,
      (SELECT count(*) FROM "Escalation" e JOIN s ON s.id = e."stageId" WHERE e.level = 'PCC_OFFICE') AS pcc`;
  if (!row) throw new Error("count query returned nothing");
  return {
    rescues: Number(row.rescues),
    people: Number(row.people),
    stages: Number(row.stages),
    lateStages: Number(row.late),
    timelineEvents: Number(row.events),
    escalations: { AGENCY_LEAD: Number(row.lead), COORDINATOR: Number(row.coordinator), PCC_OFFICE: Number(row.pcc) },
  };
}

export function formatGenerateSummary(summary: GenerateSummary): string {
  const { escalations: e } = summary;
  return [
    `Synthetic history "${summary.slug}" written in ${summary.seconds.toFixed(1)} s:`,
    `  ${summary.rescues} rescues, ${summary.people} people, ${summary.stages} stages (${summary.lateStages} late or overdue)`,
    `  ${summary.timelineEvents} timeline events`,
    `  escalations: ${e.AGENCY_LEAD} to agency leads, ${e.COORDINATOR} to the coordinator, ${e.PCC_OFFICE} to the PCC office`,
  ].join("\n");
}
