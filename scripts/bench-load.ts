// The speed targets, measured through HTTP on a production build (issue 15; README "Performance"):
//   npx tsx scripts/bench-load.ts [--database-url URL] [--partnership SLUG] [--rate 50] [--seconds 15] [--warm-up 2] [--port 3400]
//     [--overload RATE] [--only person,stage-update]  (scenario keys: queue-lead, queue-caseworker, person, stage, people, cases,
//      search, dashboard, stage-update, capacity; the baseline page always runs)
// Uses a large history (scripts/generate-history.ts --people 50000). Starts the app server
// (scripts/serve.ts) with per-request SQL counting, opens sessions for the busiest agency's lead and
// caseworker, the coordinator and the PCC office, and sends requests at a fixed rate (open model:
// latency counts from each request's scheduled time), each page beside a baseline page in the same
// run. Then it finds the rate the queue can serve, sends twice that with sign-in page requests
// alongside, and reports what was admitted, what was turned away as "busy", and how fast each was.
import "./lib/outside-next";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { encode } from "next-auth/jwt";
import { hashSessionSecret } from "../src/server/auth/session-secret";
import { startSession } from "../src/server/auth/start-session";
import { createPrismaClient } from "../src/server/db/create-client";
import { findBenchSubjects } from "./lib/bench-subjects";
import { buildIfNeeded, startNext, waitForHttp } from "./lib/next-app";
import { percentile, runOpenModel, summarise, type LoadResult, type LoadTarget } from "./lib/open-model-load";
import { stopChild } from "./lib/spawn";

const AUTH_SECRET = `bench-${randomUUID()}-${randomUUID()}`;
const COOKIE = "authjs.session-token";

type StatLine = { path: string; method: string; status: number; ms: number; waitMs?: number; statements: number; sqlMs: number; rssMb?: number; pid?: number };

// This run's own sessions, ended at the end: another benchmark may be using the same history now.
const ownSessions: string[] = [];

async function cookieFor(db: ReturnType<typeof createPrismaClient>, userId: string): Promise<string> {
  const sid = await startSession(db, userId);
  ownSessions.push(hashSessionSecret(sid));
  const token = await encode({ token: { sid }, secret: AUTH_SECRET, salt: COOKIE });
  return `${COOKIE}=${token}`;
}

function decodeEntities(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** The hidden fields of the form holding `marker` in our own server's HTML (React's action fields included). */
function hiddenFields(html: string, marker: string): [string, string][] {
  const form = html.split("<form").find((chunk) => chunk.includes(marker));
  if (!form) throw new Error(`No form with ${marker} on the page`);
  const body = form.slice(0, form.indexOf("</form>"));
  const fields: [string, string][] = [];
  for (const match of body.matchAll(/<input type="hidden" name="([^"]*)"(?: value="([^"]*)")?/g)) {
    fields.push([decodeEntities(match[1]!), decodeEntities(match[2] ?? "")]);
  }
  return fields;
}

function multipart(fields: [string, string][]): { body: string; type: string } {
  const boundary = `----bench${randomUUID().replace(/-/g, "")}`;
  const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return { body: `${parts.join("")}--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` };
}

const ms = (value: number) => (Number.isNaN(value) ? "–" : `${Math.round(value)} ms`);

async function main() {
  try {
    process.loadEnvFile();
  } catch {
    // No .env: the environment or --database-url names the database.
  }
  const { values } = parseArgs({
    options: {
      "database-url": { type: "string" },
      partnership: { type: "string" },
      rate: { type: "string", default: "50" },
      seconds: { type: "string", default: "15" },
      // Seconds each page is sent at its own rate, uncounted, just before it is measured.
      "warm-up": { type: "string", default: "2" },
      port: { type: "string", default: "3400" },
      only: { type: "string" },
      // The rate sent past capacity; unset, twice the highest rate at which the queue kept its target.
      overload: { type: "string" },
      // SERVER_PROCESSES for the server (scripts/serve.ts): "auto" is one per core, as in production.
      processes: { type: "string", default: "auto" },
    },
  });
  if (values["database-url"]) process.env.DATABASE_URL = values["database-url"];
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL or pass --database-url");
  const rate = Number(values.rate);
  const seconds = Number(values.seconds);
  const warmUpSeconds = Number(values["warm-up"]);
  const port = Number(values.port);
  // A shared machine: run only the pages being worked on, beside the baseline.
  const only = values.only ? new Set(values.only.split(",")) : null;
  const wanted = (key: string) => key === "baseline" || !only || only.has(key);
  const baseUrl = `http://127.0.0.1:${port}`;
  const db = createPrismaClient();
  const statsDir = mkdtempSync(join(tmpdir(), "vcp-bench-"));
  const statsFile = join(statsDir, "requests.jsonl");
  writeFileSync(statsFile, "");
  let server: ReturnType<typeof startNext> | null = null;

  try {
    const { partnership, agency, lead, caseworker, coordinator, pcc, personIds, openStages } = await findBenchSubjects(db, values.partnership);
    const people = await db.person.count({ where: { rescue: { partnershipId: partnership.id } } });
    // The search box: the first word of names the caseworker may see (live people's), as typed,
    // searched across everything the caseworker may see, closed cases too.
    const searchTerms = [
      ...new Set(
        (await db.personIdentity.findMany({ where: { personId: { in: personIds }, name: { not: null } }, select: { name: true }, take: 50 }))
          .map((identity) => identity.name!.split(" ")[0]!)
          .filter((word) => word.length >= 3),
      ),
    ];
    // The stage page reads any open stage; the stage update starts a not-started one, pauses one in
    // progress and resumes a paused one, so that runs after runs still find stages to change.
    const viewStages = openStages;
    const cookies = {
      lead: await cookieFor(db, lead.id),
      caseworker: await cookieFor(db, caseworker.id),
      coordinator: await cookieFor(db, coordinator.id),
      pcc: await cookieFor(db, pcc.id),
    };
    console.log(`Partnership ${partnership.slug}: ${people.toLocaleString("en-GB")} people; busiest agency ${agency.name}.`);

    const env = {
      DATABASE_URL: process.env.DATABASE_URL,
      AUTH_SECRET,
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      REQUEST_STATS: "on",
      REQUEST_STATS_FILE: statsFile,
      SERVER_PROCESSES: values.processes!,
      // The minute's sweeps would land in some scenarios and not others.
      JOB_RUNNER: "off",
    };
    await buildIfNeeded(env);
    server = startNext({ port, host: "127.0.0.1" }, env);
    await waitForHttp(`${baseUrl}/sign-in`, { server });

    const get = (path: string, cookie?: string): LoadTarget => ({ path, headers: cookie ? { cookie } : {} });
    const allScenarios: { key: string; name: string; target: string; rate: number; next: (i: number) => LoadTarget; pathOf: RegExp }[] = [
      { key: "baseline", name: "baseline: sign-in page", target: "", rate, next: () => get("/sign-in"), pathOf: /^\/sign-in$/ },
      { key: "queue-lead", name: "queue (lead)", target: "p95 < 100 ms", rate, next: () => get("/queue", cookies.lead), pathOf: /^\/queue$/ },
      { key: "queue-caseworker", name: "queue (caseworker)", target: "p95 < 100 ms", rate, next: () => get("/queue", cookies.caseworker), pathOf: /^\/queue$/ },
      { key: "person", name: "person page (caseworker)", target: "p95 < 150 ms", rate, next: (i) => get(`/people/${personIds[i % personIds.length]}`, cookies.caseworker), pathOf: /^\/people\/[^/]+$/ },
      {
        key: "stage",
        name: "stage page (lead)",
        target: "p95 < 150 ms",
        rate,
        next: (i) => get(`/people/${viewStages[i % viewStages.length]!.personId}/stages/${viewStages[i % viewStages.length]!.id}`, cookies.lead),
        pathOf: /^\/people\/[^/]+\/stages\/[^/]+$/,
      },
      { key: "people", name: "people list (caseworker)", target: "", rate, next: () => get("/people", cookies.caseworker), pathOf: /^\/people$/ },
      { key: "cases", name: "cases (coordinator)", target: "", rate, next: () => get("/cases", cookies.coordinator), pathOf: /^\/cases$/ },
      {
        key: "search",
        name: "search by name (caseworker)",
        target: "",
        rate: Math.max(1, Math.round(rate / 5)),
        next: (i) => get(`/search?q=${encodeURIComponent(searchTerms[i % searchTerms.length] ?? "Fictional")}`, cookies.caseworker),
        pathOf: /^\/search$/,
      },
      { key: "dashboard", name: "dashboard (PCC office)", target: "p95 < 300 ms", rate: Math.max(1, Math.round(rate / 5)), next: () => get("/dashboard", cookies.pcc), pathOf: /^\/dashboard$/ },
    ];
    const scenarios = allScenarios.filter((scenario) => wanted(scenario.key) && (scenario.key !== "stage" || viewStages.length > 0));

    // Warm-up: every page compiled into memory and the database's caches filled.
    for (const scenario of scenarios) for (let i = 0; i < 10; i++) await runOpenModel({ baseUrl, rate: 5, seconds: 0.2, next: (j) => scenario.next(i + j) });

    const readStats = (pattern: RegExp): StatLine[] =>
      readFileSync(statsFile, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as StatLine)
        .filter((line) => pattern.test(line.path) && line.status < 400);

    const rows: string[] = [];
    const row = (name: string, target: string, sentRate: number, result: LoadResult, stats: StatLine[]) => {
      const s = summarise(result);
      const statements = stats.map((l) => l.statements);
      const sql = stats.map((l) => l.sqlMs);
      const app = stats.map((l) => l.ms - l.sqlMs);
      const kb = percentile(result.okBytes, 50) / 1024;
      rows.push(
        `| ${name} | ${sentRate}/s | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${result.errors + result.busy} of ${result.sent}${result.busy ? ` (${result.busy} busy)` : ""} | ` +
          `${statements.length ? `${percentile(statements, 50)} (max ${Math.max(...statements)})` : "–"} | ` +
          `${ms(percentile(sql, 50))} / ${ms(percentile(app, 50))} | ${Number.isNaN(kb) ? "–" : `${kb.toFixed(0)} kB`} | ${target} |`,
      );
      console.log(rows.at(-1));
    };
    // Memory of all the server's processes together: each request's line carries its process's RSS.
    const memory = () => {
      const latest = new Map<number, number>();
      const total = () => [...latest.values()].reduce((sum, mb) => sum + mb, 0);
      let peak = 0;
      for (const line of readStats(/./)) {
        latest.set(line.pid ?? 0, line.rssMb ?? 0);
        peak = Math.max(peak, total());
      }
      return { now: total(), peak, processes: latest.size };
    };
    console.log(`Load average before: ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    const warm = memory();
    const idleRss = warm.now;
    let peakRss = warm.peak;
    console.log(`Server processes (SERVER_PROCESSES=${values.processes}): ${warm.processes} answered the warm-up.`);
    console.log("| Page | Rate | p50 | p95 | p99 | Errors | SQL statements (median) | SQL / app time (median) | Size | Target |");
    console.log("|---|---|---|---|---|---|---|---|---|---|");
    for (const scenario of scenarios) {
      // Steady state, not the step from idle to this rate: the pool's connections for this rate
      // opened and their caches filled, the page's code compiled hot (the README gives the step too).
      if (warmUpSeconds > 0) await runOpenModel({ baseUrl, rate: scenario.rate, seconds: warmUpSeconds, next: scenario.next });
      truncateSync(statsFile, 0);
      const result = await runOpenModel({ baseUrl, rate: scenario.rate, seconds, next: scenario.next });
      await new Promise((resolve) => setTimeout(resolve, 200));
      row(scenario.name, scenario.target, scenario.rate, result, readStats(scenario.pathOf));
      peakRss = Math.max(peakRss, memory().peak);
    }

    // Stage update: each request changes a different stage, through the page's own form.
    const forms: LoadTarget[] = [];
    for (const stage of wanted("stage-update") ? openStages.slice(0, Math.min(openStages.length, 10 * 10)) : []) {
      // After an overloaded scenario the server may still answer "busy" for a moment: wait and ask again.
      let page = await fetch(`${baseUrl}/people/${stage.personId}/stages/${stage.id}`, { headers: { cookie: cookies.lead } });
      for (let tries = 0; page.status === 503 && tries < 20; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        page = await fetch(`${baseUrl}/people/${stage.personId}/stages/${stage.id}`, { headers: { cookie: cookies.lead } });
      }
      const fields = hiddenFields(await page.text(), 'name="stageId"');
      const change = stage.state === "NOT_STARTED" ? ["start", ""] : stage.state === "IN_PROGRESS" ? ["pause", "Benchmark pause (fictional)"] : ["resume", ""];
      const { body, type } = multipart([...fields, ["action", change[0]!], ["text", change[1]!]]);
      forms.push({ method: "POST", path: `/people/${stage.personId}/stages/${stage.id}`, headers: { cookie: cookies.lead, "content-type": type, origin: baseUrl }, body });
    }
    if (forms.length > 0 && wanted("stage-update")) {
      truncateSync(statsFile, 0);
      const result = await runOpenModel({ baseUrl, rate: 10, seconds: forms.length / 10, next: (i) => forms[i % forms.length]! });
      await new Promise((resolve) => setTimeout(resolve, 200));
      row("stage update (lead starts, pauses or resumes a stage)", "p95 < 150 ms", 10, result, readStats(/^\/people\/[^/]+\/stages\/[^/]+$/).filter((l) => l.method === "POST"));
      peakRss = Math.max(peakRss, memory().peak);
    }
    console.log(`Server memory (RSS): ${idleRss ?? "–"} MB after warm-up, idle; peak ${peakRss} MB under the load above (all processes together).`);
    if (!wanted("capacity")) return;

    // Past capacity: the highest rate at which the lead's queue keeps its target, then twice that.
    let capacity = 0;
    const stepSize = Math.max(5, Math.round(rate / 5));
    // The steps run one after another, each warming the next; the first is warmed as the pages were.
    if (warmUpSeconds > 0) await runOpenModel({ baseUrl, rate: stepSize, seconds: warmUpSeconds, next: () => get("/queue", cookies.lead) });
    for (let step = stepSize; step <= rate * 8; step += stepSize) {
      const result = summarise(await runOpenModel({ baseUrl, rate: step, seconds: 5, next: () => get("/queue", cookies.lead) }));
      if (result.p95 > 100 || result.busy + result.errors > 0) break;
      capacity = step;
    }
    const overload = values.overload ? Number(values.overload) : Math.max(capacity, stepSize) * 2;
    console.log(
      capacity > 0
        ? `\nThe queue kept p95 < 100 ms up to ${capacity} requests a second; now ${overload}/s${values.overload ? " (--overload)" : ""} with the sign-in page at 5/s alongside:`
        : `\nThe queue did not keep p95 < 100 ms even at ${stepSize} requests a second; now ${overload}/s with the sign-in page at 5/s alongside:`,
    );
    truncateSync(statsFile, 0);
    const [flood, signIn] = await Promise.all([
      runOpenModel({ baseUrl, rate: overload, seconds, next: () => get("/queue", cookies.lead) }),
      runOpenModel({ baseUrl, rate: 5, seconds, next: () => get("/sign-in") }),
    ]);
    const f = summarise(flood);
    const s = summarise(signIn);
    console.log(`- queue: ${flood.ok} admitted (p50 ${ms(f.p50)}, p95 ${ms(f.p95)}, p99 ${ms(f.p99)}); ` +
      `${flood.busy} answered "service busy" (503, Retry-After) in p95 ${ms(percentile(flood.busyLatencies, 95))}; ${flood.errors} errors`);
    // Where an admitted request's time went: in the server once admitted, or before (the admission
    // queue, the process's event loop, the kernel, the load generator sharing the cores).
    const admitted = readStats(/^\/queue$/);
    const inServer = admitted.map((line) => line.ms);
    const waited = admitted.map((line) => line.waitMs ?? 0);
    console.log(`  of which waiting for a place: p50 ${ms(percentile(waited, 50))}, p95 ${ms(percentile(waited, 95))}; ` +
      `in the server once admitted: p50 ${ms(percentile(inServer, 50))}, p95 ${ms(percentile(inServer, 95))}`);
    console.log(`- sign-in page alongside: p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}; ${signIn.errors + signIn.busy} not served`);
    console.log(`Load average after: ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  } finally {
    if (server) await stopChild(server);
    await db.session.deleteMany({ where: { secretHash: { in: ownSessions } } });
    await db.$disconnect();
    rmSync(statsDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
