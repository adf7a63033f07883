// The production app server: Next's own request handler behind admission control, so that past
// capacity the service answers a quick "service busy" instead of slowing down for everyone
// (src/lib/http/admission-gate.ts, docs/decisions/0023). `npm start`, the demo and the end-to-end
// server all run it; it takes `next start`'s -p and -H.
//   node --import tsx scripts/serve.ts [-p 3000] [-H 127.0.0.1]
// With REQUEST_STATS=on (the load benchmark), it writes one JSON line per request to the file named
// by REQUEST_STATS_FILE: path, status, milliseconds in all and in SQL, the SQL statements sent, and
// the process's resident memory.
// SERVER_PROCESSES=N (or "auto": one per core) runs N copies of the server sharing the port (Node's
// cluster module hands each new connection to the next one), so a machine's cores all serve pages: one
// Node process renders on one core. Every copy keeps nothing a request needs in its memory (sessions,
// throttles, jobs and live messages go through Postgres, as for two instances behind a proxy), so which
// one answers makes no difference. The first copy runs the job runner; a copy that dies is started again.
import cluster from "node:cluster";
import { createWriteStream, type WriteStream } from "node:fs";
import { availableParallelism } from "node:os";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { BUSY_PAGE, createLane, laneFor, laneLimitsFromEnv, RETRY_AFTER_SECONDS, type Lane } from "../src/lib/http/admission-gate";
import { SCRIPTLESS_POLICY } from "../src/lib/http/content-security-policy";
import { runWithRequestStats, type RequestStats } from "../src/lib/request-stats";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p", default: "3000" }, hostname: { type: "string", short: "H", default: "127.0.0.1" } },
});
const port = Number(values.port);
const processes = serverProcesses(process.env.SERVER_PROCESSES);
const hostname = values.hostname!;
(process.env as Record<string, string>).NODE_ENV = "production";

const limits = laneLimitsFromEnv(process.env);
const lanes: Record<"main" | "sign-in" | "prefetch", Lane> = {
  main: createLane(limits.main),
  "sign-in": createLane(limits["sign-in"]),
  prefetch: createLane(limits.prefetch),
};
const statsLog: WriteStream | null =
  process.env.REQUEST_STATS === "on" && process.env.REQUEST_STATS_FILE ? createWriteStream(process.env.REQUEST_STATS_FILE, { flags: "a" }) : null;

function pathOf(request: IncomingMessage): string {
  const url = request.url ?? "/";
  const query = url.indexOf("?");
  return query < 0 ? url : url.slice(0, query);
}

/**
 * A plain page, no script, nothing stored. A request with a body gets its connection closed, so the
 * unread body is not waited for; one without keeps it, so the client's next try does not cost a new
 * connection (handed to a process by the cluster's primary) at the moment the server is busiest.
 */
function refuseBusy(request: IncomingMessage, response: ServerResponse) {
  const hasBody = request.headers["transfer-encoding"] !== undefined || (request.headers["content-length"] ?? "0") !== "0";
  response.writeHead(503, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "retry-after": String(RETRY_AFTER_SECONDS),
    "content-security-policy": SCRIPTLESS_POLICY,
    "x-content-type-options": "nosniff",
    "strict-transport-security": "max-age=63072000; includeSubDomains",
    ...(hasBody ? { connection: "close" } : {}),
  });
  response.end(BUSY_PAGE);
}

async function main() {
  const app = next({ dev: false, hostname, port, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();

  function serve(request: IncomingMessage, response: ServerResponse, arrivedAt = performance.now()) {
    if (!statsLog) return void handle(request, response);
    const stats: RequestStats = { statements: 0, sqlMs: 0 };
    const started = performance.now();
    response.once("finish", () => {
      const line = {
        path: pathOf(request),
        method: request.method,
        status: response.statusCode,
        ms: performance.now() - started,
        // How long it waited for a place in its admission lane.
        waitMs: started - arrivedAt,
        statements: stats.statements,
        sqlMs: stats.sqlMs,
        // The server's resident memory as each request ends: the benchmark reports idle and peak.
        rssMb: Math.round(process.memoryUsage.rss() / 1048576),
        pid: process.pid,
      };
      statsLog.write(`${JSON.stringify(line)}\n`);
    });
    runWithRequestStats(stats, () => void handle(request, response));
  }

  const server = createServer((request, response) => {
    const lane = laneFor(request.method ?? "GET", pathOf(request), { prefetch: request.headers["next-router-prefetch"] !== undefined });
    if (lane === "unlimited") return serve(request, response);
    const arrivedAt = performance.now();
    void lanes[lane].enter().then((ticket) => {
      if (!ticket) return refuseBusy(request, response);
      // Whichever comes first: the response sent, or the client gone.
      response.once("finish", ticket.release);
      response.once("close", ticket.release);
      serve(request, response, arrivedAt);
    });
  });
  server.listen(port, hostname, () => {
    const which = cluster.isWorker ? `Server process ${Number(process.env.SERVER_PROCESS_INDEX) + 1}: s` : "S";
    console.log(`${which}erving on http://${hostname}:${port} (at most ${limits.main.maxInFlight} pages at once, ${limits.main.maxQueued} waiting up to ${limits.main.maxWaitMs} ms` +
        `${limits.main.standingAfterMs > 0 ? `, ${limits.main.standingWaitMs} ms once the queue has stood ${limits.main.standingAfterMs} ms` : ""}` +
        `${limits.main.targetLatencyMs > 0 ? `; past capacity, sheds while pages average over ${limits.main.targetLatencyMs} ms` : ""})`);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      server.close();
      statsLog?.end();
      // Open live-update streams would hold close() for ever.
      server.closeAllConnections();
      process.exit(0);
    });
  }
}

/** SERVER_PROCESSES: unset or "1" one process; "auto" one per core; otherwise a whole number up to 64. */
function serverProcesses(setting: string | undefined): number {
  if (setting === undefined || setting === "") return 1;
  if (setting === "auto") return availableParallelism();
  if (/^\d+$/.test(setting) && Number(setting) >= 1 && Number(setting) <= 64) return Number(setting);
  console.error(`SERVER_PROCESSES must be "auto" or a whole number from 1 to 64, not ${JSON.stringify(setting)}`);
  process.exit(1);
}

/** The primary of several server processes: starts them, starts again one that dies, stops them all on a signal. */
function superviseServers(count: number) {
  let stopping = false;
  const recentStarts: number[] = [];
  // The hashing pool's default is half the cores for the machine, not for each copy.
  const hashes = process.env.SIGN_IN_HASH_CONCURRENCY || String(Math.max(1, Math.floor(availableParallelism() / 2 / count)));
  const envOf = (index: number) => ({
    SERVER_PROCESS_INDEX: String(index),
    SIGN_IN_HASH_CONCURRENCY: hashes,
    // One job runner is enough; pg-boss and the sweeps' unique keys would keep several from doubling work.
    ...(index > 0 ? { JOB_RUNNER: "off" } : {}),
  });
  const indexOf = new Map<number, number>();
  const start = (index: number) => {
    const worker = cluster.fork(envOf(index));
    indexOf.set(worker.id, index);
  };
  for (let index = 0; index < count; index += 1) start(index);
  cluster.on("exit", (worker, code, signal) => {
    const index = indexOf.get(worker.id) ?? 0;
    indexOf.delete(worker.id);
    if (stopping) {
      if (indexOf.size === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    // A copy that keeps dying at start (a bad setting, the port taken) stops the whole server instead.
    const now = Date.now();
    recentStarts.push(now);
    while (recentStarts.length > 0 && recentStarts[0]! < now - 60_000) recentStarts.shift();
    if (recentStarts.length > 5) {
      console.error(`Server process ${index + 1} exited (${signal ?? code}) too often in a minute: stopping`);
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
      process.exitCode = 1;
      if (indexOf.size === 0) process.exit(1);
      return;
    }
    console.error(`Server process ${index + 1} exited (${signal ?? code}); starting it again`);
    start(index);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
      if (indexOf.size === 0) process.exit(0);
      // Whatever still runs after 10 s is killed.
      setTimeout(() => {
        for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
        process.exit(0);
      }, 10_000).unref();
    });
  }
  console.log(`Starting ${count} server processes on http://${hostname}:${port}`);
}

if (processes > 1 && cluster.isPrimary) {
  superviseServers(processes);
} else {
  // A copy whose primary is gone (killed outright) has no one to answer to: it stops too.
  if (cluster.isWorker) process.once("disconnect", () => process.exit(0));
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
