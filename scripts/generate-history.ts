// A large synthetic history for dashboard benchmarks, in a fictional partnership of its own:
//   npx tsx scripts/generate-history.ts --people 50000 [--database-url URL] [--seed N] [--months 24] [--now ISO] [--force]
// The database must already be migrated. It refuses a database holding the demo partnership unless --force.
import "./lib/outside-next";
import { parseArgs } from "node:util";
import { createPrismaClient } from "../src/server/db/create-client";
import { formatGenerateSummary, generateHistory, GenerateRefused } from "./lib/generate-history";

try {
  process.loadEnvFile();
} catch {
  // no .env: the environment or --database-url must name the database
}

const USAGE =
  "Usage: npx tsx scripts/generate-history.ts --people 50000 [--database-url URL] [--seed N] [--months 24] [--now ISO-time] [--force]";

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new GenerateRefused(`--${name} must be a whole number above 0, not "${value}"`);
  return number;
}

/** The start of today (UTC) unless told: runs on the same day with the same seed make the same history. */
function endOfHistory(value: string | undefined): Date {
  if (value === undefined) return new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
  const now = new Date(value);
  if (Number.isNaN(now.getTime())) throw new GenerateRefused(`--now must be a date and time, not "${value}"`);
  return now;
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      people: { type: "string" },
      "database-url": { type: "string" },
      seed: { type: "string" },
      months: { type: "string" },
      now: { type: "string" },
      force: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.people === undefined) throw new GenerateRefused(`--people is required.\n${USAGE}`);
  const url = values["database-url"] ?? process.env.DATABASE_URL;
  if (!url) throw new GenerateRefused(`No database: set DATABASE_URL or pass --database-url.\n${USAGE}`);

  const options = {
    people: wholeNumber("people", values.people, 0),
    seed: wholeNumber("seed", values.seed, 1),
    months: wholeNumber("months", values.months, 24),
    now: endOfHistory(values.now),
    force: values.force,
    log: (line: string) => console.log(line),
  };
  console.log(
    `Generating ${options.people} people over ${options.months} months to ${options.now.toISOString()} (seed ${options.seed}) in ${redact(url)}`,
  );
  const db = createPrismaClient(url);
  try {
    console.log(formatGenerateSummary(await generateHistory(db, options)));
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof GenerateRefused ? `Refused: ${error.message}` : error);
  process.exitCode = 1;
});
