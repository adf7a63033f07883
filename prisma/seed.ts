// Demo data: the fictional Teesmoor partnership, its sign-ins, a year of history and a few live cases.
// Run with `npx tsx prisma/seed.ts` (DATABASE_URL set). Safe to run again: it does nothing the second time.
import "../scripts/lib/outside-next";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createPrismaClient, type Db } from "../src/server/db/create-client";
import { removeDemoPartnership } from "./seed/cleanup";
import { insertHistory, planHistory } from "./seed/history";
import { seedAccommodation } from "./seed/accommodation";
import { markHistoricContactGapsRaised } from "./seed/contact-gaps";
import { seedLiveCases } from "./seed/live";
import { createDemoOrg, DEMO_SLUG } from "./seed/org";
import { Random } from "./seed/random";
import { formatSummary, summarise, type SeedSummary } from "./seed/summary";
import { seedQueueWork } from "./seed/work";

// Fixed, so the history is the same on every run for the same `now`.
const HISTORY_SEED = 20_261_123;

export async function seedDemo(db: Db, { now }: { now: Date }): Promise<SeedSummary | null> {
  if (await db.partnership.findUnique({ where: { slug: DEMO_SLUG } })) {
    console.log("Demo data already present");
    return null;
  }
  const started = performance.now();
  try {
    const org = await createDemoOrg(db);
    await insertHistory(db, planHistory(new Random(HISTORY_SEED), org, now));
    await markHistoricContactGapsRaised(db, org.partnershipId, now);
    const live = await seedLiveCases(db, org, now);
    await seedAccommodation(db, org);
    await seedQueueWork(db, org, live);
    const summary = await summarise(db, org.partnershipId, live.count);
    console.log(formatSummary(summary, (performance.now() - started) / 1000));
    return summary;
  } catch (error) {
    await removeDemoPartnership(db, DEMO_SLUG);
    throw error;
  }
}

async function main() {
  const db = createPrismaClient();
  try {
    await seedDemo(db, { now: new Date() });
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
