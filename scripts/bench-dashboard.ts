// Measures how fast the PCC dashboard answers on a large history (see scripts/generate-history.ts).
//   npx tsx scripts/bench-dashboard.ts [--database-url URL] [--partnership SLUG] [--rounds 20]
// Each round asks for the whole dashboard (every table the page shows) under a different period and
// filters, through the same use case the page calls, as that partnership's PCC office user. Prints the
// median and 95th percentile, overall and per query shape, then the cost of a look right after a
// change, when the changed month is rebuilt first.
import "./lib/outside-next";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadActor } from "../src/server/access/load-actor";
import { parseDashboardFilters } from "../src/server/dashboard/filters";
import { getDashboard } from "../src/server/dashboard/get-dashboard";
import { createPrismaClient } from "../src/server/db/create-client";

/** The value below which `p` of the sorted samples fall (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function main() {
  try {
    process.loadEnvFile();
  } catch {
    // No .env: the environment must say where the database is.
  }
  const { values } = parseArgs({
    options: { "database-url": { type: "string" }, partnership: { type: "string" }, rounds: { type: "string", default: "20" } },
  });
  if (values["database-url"]) process.env.DATABASE_URL = values["database-url"];
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL or pass --database-url");
  const rounds = Number(values.rounds);
  const db = createPrismaClient();
  try {
    const partnership = values.partnership
      ? await db.partnership.findUniqueOrThrow({ where: { slug: values.partnership } })
      : await db.partnership.findFirstOrThrow({ where: { slug: { startsWith: "scale-" } }, orderBy: { createdAt: "desc" } });
    const pccUser = await db.user.findFirstOrThrow({ where: { role: "PCC_OFFICE", agency: { partnershipId: partnership.id } } });
    const actor = await loadActor(db, pccUser.id);
    if (!actor) throw new Error("The PCC office user is switched off");
    const people = await db.person.count({ where: { rescue: { partnershipId: partnership.id } } });
    const latest = await db.rescue.findFirstOrThrow({ where: { partnershipId: partnership.id }, orderBy: { occurredAt: "desc" } });
    const now = new Date(latest.occurredAt.getTime() + 86_400_000);
    const year = String(latest.occurredAt.getUTCFullYear());
    const month = latest.occurredAt.toISOString().slice(0, 7);
    const agencies = await db.agency.findMany({ where: { partnershipId: partnership.id, kind: { in: ["POLICE", "HEALTH", "COUNCIL_SAFEGUARDING"] } } });

    const shapes: { name: string; query: Record<string, string> }[] = [
      { name: "month, no filters", query: { kind: "month", month } },
      { name: "year, no filters", query: { kind: "year", year } },
      { name: "year, children", query: { kind: "year", year, ageGroup: "CHILD" } },
      { name: "quarter, labour", query: { kind: "quarter", quarter: `${year}-Q2`, exploitationType: "LABOUR" } },
      { name: "year, women", query: { kind: "year", year, gender: "FEMALE" } },
      ...agencies.map((agency) => ({ name: `year, ${agency.kind.toLowerCase()}`, query: { kind: "year", year, agencyId: agency.id } })),
      { name: "two years, custom", query: { kind: "custom", from: `01/${Number(year) - 1}`, to: `12/${year}` } },
    ];
    console.log(`Partnership ${partnership.slug}: ${people.toLocaleString("en-GB")} people. ${rounds} rounds of ${shapes.length} query shapes.`);

    // One warm-up pass: the first query of each shape pays for planning and cold caches.
    for (const shape of shapes) await run(shape.query);
    const all: number[] = [];
    const byShape = new Map<string, number[]>();
    for (let round = 0; round < rounds; round++) {
      for (const shape of shapes) {
        const ms = await run(shape.query);
        all.push(ms);
        byShape.set(shape.name, [...(byShape.get(shape.name) ?? []), ms]);
      }
    }
    for (const [name, samples] of byShape) {
      console.log(`  ${name.padEnd(28)} median ${percentile(samples, 50).toFixed(0).padStart(5)} ms   p95 ${percentile(samples, 95).toFixed(0).padStart(5)} ms`);
    }
    console.log(`All ${all.length} requests: median ${percentile(all, 50).toFixed(0)} ms, p95 ${percentile(all, 95).toFixed(0)} ms`);

    // Right after a change the month it touched is stale, and the next look rebuilds it first (the
    // job runner's minute task usually gets there before anyone looks). Measured apart: a month of
    // this history is rebuilt from its live rows.
    const rebuilds: number[] = [];
    const monthStart = new Date(`${month}-01T00:00:00Z`);
    for (let round = 0; round < Math.max(3, Math.ceil(rounds / 4)); round++) {
      await db.dashboardStaleMonth.createMany({ data: [{ partnershipId: partnership.id, month: monthStart }], skipDuplicates: true });
      rebuilds.push(await run({ kind: "month", month }));
    }
    console.log(`After a change (rebuilds the month, then reads): median ${percentile(rebuilds, 50).toFixed(0)} ms, p95 ${percentile(rebuilds, 95).toFixed(0)} ms`);

    async function run(query: Record<string, string>): Promise<number> {
      const parsed = parseDashboardFilters(query, now);
      if (!parsed.ok) throw new Error(`Bad benchmark query ${JSON.stringify(query)}: ${JSON.stringify(parsed.fieldErrors)}`);
      const started = performance.now();
      await getDashboard(db, actor!, parsed.data, now);
      return performance.now() - started;
    }
  } finally {
    await db.$disconnect();
  }
}

const runDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (runDirectly) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
