// The app server's CPU time per request, page by page, on a production build (issue 15: "app time at
// most 3× SQL time"). Wall-clock latency on a shared 2-core machine moves with everyone else's work;
// the server process's own CPU time (user + system, every thread: JavaScript, GC, libuv) divided by
// the requests it served does not, so this is the figure to compare before and after a change. Beside
// it, the CPU time of the Postgres backends serving the database (a local server only).
//   npx tsx scripts/bench-cpu.ts [--database-url URL] [--partnership SLUG] [--port 3440] [--requests 300]
//     [--concurrency 2] [--only queue-lead,person] [--cpu-prof DIR] [--callgrind DIR [--warm-up 150]]
// Scenario keys: baseline (the sign-in page), queue-lead, queue-caseworker, person, stage, people, cases.
// With --cpu-prof the server runs under `node --cpu-prof` and writes its profile to DIR when it stops;
// the script prints the offset (ms from the server's start) at which the measured requests began, so a
// summary can leave start-up and warm-up out (scripts/lib/summarise-cpu-profile.ts).
// With --callgrind the server runs under valgrind's callgrind (Debian's valgrind package), counting
// instructions only while the measured requests run, one at a time, after --warm-up uncounted requests
// a page: instructions per request do not move with whatever else the machine is doing, so two builds
// can be compared on a shared machine (run both at once, from two checkouts, on two ports). About 50
// times slower than without: 150 warm-up and 20 measured requests take some 10 minutes a page.
import "./lib/outside-next";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { randomUUID } from "node:crypto";
import http from "node:http";
import { encode } from "next-auth/jwt";
import { hashSessionSecret } from "../src/server/auth/session-secret";
import { startSession } from "../src/server/auth/start-session";
import { createPrismaClient } from "../src/server/db/create-client";
import { findBenchSubjects } from "./lib/bench-subjects";
import { buildIfNeeded, startNext, waitForHttp } from "./lib/next-app";
import { stopChild } from "./lib/spawn";

const AUTH_SECRET = `bench-${randomUUID()}-${randomUUID()}`;
const COOKIE = "authjs.session-token";
// Linux reports process times in clock ticks; 100 a second on every kernel Node supports here.
const TICK_MS = 10;

/** User + system CPU milliseconds of a process so far, all its threads (/proc/<pid>/stat fields 14 and 15). */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/**
 * CPU milliseconds so far of each Postgres backend serving the database (their titles read
 * "postgres: [CLUSTER: ]USER DATABASE HOST(PORT) STATE"), by process id: what the pages cost the
 * database server. A backend that ends during a measurement (the pool closes connections idle for
 * 10 s) takes its time with it, and parallel workers are not counted, so this is a floor.
 */
const BACKEND_TITLE = /^postgres: (?:[^:\s]+: )?\S+ (\S+) /;
function postgresCpuOf(database: string): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (BACKEND_TITLE.exec(title)?.[1] === database) byPid.set(Number(entry), cpuMsOf(Number(entry)));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return byPid;
}

/** The CPU the database's backends spent since `before` (backends opened since count from zero). */
function postgresCpuSince(database: string, before: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of postgresCpuOf(database)) total += ms - (before.get(pid) ?? 0);
  return total;
}

function get(agent: http.Agent, port: number, path: string, cookie?: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve) => {
    let bytes = 0;
    const request = http.request({ agent, host: "127.0.0.1", port, path, headers: cookie ? { cookie } : {}, timeout: 30_000 }, (response) => {
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.once("end", () => resolve({ status: response.statusCode ?? 0, bytes }));
      response.once("error", () => resolve({ status: 0, bytes }));
    });
    request.once("timeout", () => request.destroy());
    request.once("error", () => resolve({ status: 0, bytes }));
    request.end();
  });
}

/**
 * The instructions the server ran while `work` ran: callgrind counts only between "instrumentation on"
 * and "off", then writes them to a new numbered part of its output, whose `totals:` line is the sum.
 */
async function countInstructions<T>(pid: number, dir: string, work: () => Promise<T>): Promise<{ total: number; result: T }> {
  const control = (...args: string[]) => execFileSync("callgrind_control", [...args, String(pid)], { stdio: "ignore" });
  const parts = () => new Set(readdirSync(dir).filter((name) => name.startsWith(`callgrind.${pid}.out.`)));
  const before = parts();
  control("--instr=on");
  const result = await work();
  control("--instr=off");
  control("--dump");
  // The part is written by the server's own thread, in its time: wait for it, whole.
  for (let tries = 0; tries < 120; tries += 1) {
    const added = [...parts()].filter((name) => !before.has(name));
    const totals = added.length === 1 ? /^totals: (\d+)/m.exec(readFileSync(`${dir}/${added[0]}`, "utf8")) : null;
    if (totals) return { total: Number(totals[1]), result };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`callgrind wrote no part with totals in ${dir} within 30 s`);
}

/** Sends `count` requests, `concurrency` at a time (a closed loop: CPU per request, not latency, is measured). */
async function drive(port: number, count: number, concurrency: number, target: (i: number) => { path: string; cookie?: string }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  let failed = 0;
  let bytes = 0;
  const statuses = new Map<number, number>();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const { path, cookie } = target(next++);
        const answer = await get(agent, port, path, cookie);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status !== 200) failed += 1;
        bytes += answer.bytes;
      }
    }),
  );
  agent.destroy();
  return { failed, statuses, meanBytes: bytes / count };
}

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
      port: { type: "string", default: "3440" },
      requests: { type: "string", default: "300" },
      concurrency: { type: "string", default: "2" },
      only: { type: "string" },
      "cpu-prof": { type: "string" },
      callgrind: { type: "string" },
      "warm-up": { type: "string" },
    },
  });
  if (values["database-url"]) process.env.DATABASE_URL = values["database-url"];
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL or pass --database-url");
  const port = Number(values.port);
  const requests = Number(values.requests);
  const callgrindDir = values.callgrind;
  // Under callgrind one request at a time: the counts then belong to one request each, whatever the order.
  const concurrency = callgrindDir ? 1 : Number(values.concurrency);
  const warmUp = Number(values["warm-up"] ?? (callgrindDir ? 150 : 40));
  const only = values.only ? new Set(values.only.split(",")) : null;
  const db = createPrismaClient();
  let server: ReturnType<typeof startNext> | null = null;
  const ownSessions: string[] = [];
  try {
    const { lead, caseworker, coordinator, personIds, openStages: stages } = await findBenchSubjects(db, values.partnership);
    const cookieFor = async (userId: string) => {
      const sid = await startSession(db, userId);
      ownSessions.push(hashSessionSecret(sid));
      // An older bench-load.ts, finishing, deletes every session of the history's users opened in the
      // last 6 hours: dated earlier, this run's stay (nothing checks when a session was opened but
      // its expiry and last-seen times, which stay as startSession set them).
      await db.session.update({ where: { secretHash: hashSessionSecret(sid) }, data: { createdAt: new Date(Date.now() - 7 * 3_600_000) } });
      return `${COOKIE}=${await encode({ token: { sid }, secret: AUTH_SECRET, salt: COOKIE })}`;
    };
    const cookies = { lead: "", caseworker: "", coordinator: "" };
    const signIn = async () => Object.assign(cookies, { lead: await cookieFor(lead.id), caseworker: await cookieFor(caseworker.id), coordinator: await cookieFor(coordinator.id) });
    await signIn();

    type Scenario = { key: string; name: string; target: (i: number) => { path: string; cookie?: string } };
    const allScenarios: Scenario[] = [
      { key: "baseline", name: "sign-in page (no session)", target: () => ({ path: "/sign-in" }) },
      { key: "queue-lead", name: "queue (lead)", target: () => ({ path: "/queue", cookie: cookies.lead }) },
      { key: "queue-caseworker", name: "queue (caseworker)", target: () => ({ path: "/queue", cookie: cookies.caseworker }) },
      { key: "person", name: "person page (caseworker)", target: (i) => ({ path: `/people/${personIds[i % personIds.length]}`, cookie: cookies.caseworker }) },
      {
        key: "stage",
        name: "stage page (lead)",
        target: (i) => ({ path: `/people/${stages[i % stages.length]!.personId}/stages/${stages[i % stages.length]!.id}`, cookie: cookies.lead }),
      },
      { key: "people", name: "people list (caseworker)", target: () => ({ path: "/people", cookie: cookies.caseworker }) },
      { key: "cases", name: "cases (coordinator)", target: () => ({ path: "/cases", cookie: cookies.coordinator }) },
    ];
    const scenarios = allScenarios.filter((scenario) => !only || only.has(scenario.key));

    const env = { DATABASE_URL: process.env.DATABASE_URL, AUTH_SECRET, AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1", JOB_RUNNER: "off", SERVER_PROCESSES: "1" };
    // One process (SERVER_PROCESSES=1, whatever the environment says): its CPU time is what is read.
    await buildIfNeeded(env);
    const nodeArgs = values["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${values["cpu-prof"]}`] : [];
    if (callgrindDir) mkdirSync(callgrindDir, { recursive: true });
    const wrapper = callgrindDir
      ? ["valgrind", "--tool=callgrind", "--instr-atstart=no", `--callgrind-out-file=${callgrindDir}/callgrind.%p.out`, `--log-file=${callgrindDir}/valgrind.%p.log`]
      : [];
    const startedAt = performance.now();
    server = startNext({ port, host: "127.0.0.1" }, env, { nodeArgs, wrapper });
    await waitForHttp(`http://127.0.0.1:${port}/sign-in`, { server, timeoutMs: callgrindDir ? 900_000 : 120_000 });
    // A server already on the port would answer instead (with another secret: every page a redirect).
    if (server.exitCode !== null || server.signalCode) throw new Error(`The app server stopped at once: is port ${port} in use?`);
    const pid = server.pid!;
    // Every page compiled and its code warmed by the JIT before anything is counted.
    for (const scenario of scenarios) await drive(port, warmUp, concurrency, scenario.target);
    console.log(`Load average before: ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    console.log(`Measured requests begin ${Math.round(performance.now() - startedAt)} ms after the server started (for --cpu-prof summaries).`);
    const database = new URL(process.env.DATABASE_URL).pathname.slice(1);
    if (callgrindDir) {
      console.log(`| Page | Requests | Instructions per request | Failed | Size |`);
      console.log(`|---|---|---|---|---|`);
      for (const scenario of scenarios) {
        const instructions = await countInstructions(pid, callgrindDir, () => drive(port, requests, concurrency, scenario.target));
        const { result } = instructions;
        console.log(`| ${scenario.name} | ${requests} | ${(instructions.total / requests / 1e6).toFixed(1)} M | ${result.failed} | ${(result.meanBytes / 1024).toFixed(0)} kB |`);
      }
      return;
    }
    console.log(`| Page | Requests | CPU per request | Postgres CPU per request | Wall per request | Failed | Size |`);
    console.log(`|---|---|---|---|---|---|---|`);
    for (const scenario of scenarios) {
      let cpuBefore = cpuMsOf(pid);
      let postgresBefore = postgresCpuOf(database);
      let wallBefore = performance.now();
      let result = await drive(port, requests, concurrency, scenario.target);
      // An older bench-load.ts ends every recent session of the history's users when it finishes, so
      // another run's clean-up can sign this one out: once, sign in afresh and measure again.
      if (result.failed > 0 && scenario.key !== "baseline") {
        console.log(`(${scenario.name}: ${result.failed} requests failed; signing in again and measuring again)`);
        await signIn();
        await drive(port, 20, concurrency, scenario.target);
        cpuBefore = cpuMsOf(pid);
        postgresBefore = postgresCpuOf(database);
        wallBefore = performance.now();
        result = await drive(port, requests, concurrency, scenario.target);
      }
      const wall = performance.now() - wallBefore;
      const cpu = cpuMsOf(pid) - cpuBefore;
      const postgres = postgresCpuSince(database, postgresBefore);
      console.log(
        `| ${scenario.name} | ${requests} | ${(cpu / requests).toFixed(1)} ms | ${(postgres / requests).toFixed(1)} ms | ${((wall * concurrency) / requests).toFixed(1)} ms | ` +
          `${result.failed}${result.failed ? ` (${[...result.statuses].map(([s, n]) => `${s}: ${n}`).join(", ")})` : ""} | ${(result.meanBytes / 1024).toFixed(0)} kB |`,
      );
    }
    console.log(`Measured requests end ${Math.round(performance.now() - startedAt)} ms after the server started.`);
    console.log(`Load average after: ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  } finally {
    // SIGINT: serve.ts exits through process.exit, which lets --cpu-prof write its profile.
    if (server) await stopChild(server, 15_000, "SIGINT");
    // Only this run's own sessions: another benchmark may be using the same history right now.
    await db.session.deleteMany({ where: { secretHash: { in: ownSessions } } });
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
