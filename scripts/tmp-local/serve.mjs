// scripts/serve.ts
import cluster from "node:cluster";
import { createWriteStream } from "node:fs";
import { availableParallelism } from "node:os";
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";

// src/lib/http/admission-gate.ts
var realTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle),
  now: () => performance.now()
};
function createLane(limits2, timers = realTimers) {
  let inFlight = 0;
  let admitted = 0;
  let refused = 0;
  let lastEmptyAt = timers.now();
  const queue = [];
  function ticket() {
    let released = false;
    inFlight += 1;
    admitted += 1;
    return {
      release() {
        if (released) return;
        released = true;
        inFlight -= 1;
        const next2 = queue.shift();
        if (next2) {
          timers.clearTimeout(next2.timer);
          next2.resolve(ticket());
        }
      }
    };
  }
  return {
    enter() {
      if (queue.length === 0) lastEmptyAt = timers.now();
      if (inFlight < limits2.maxInFlight && queue.length === 0) return Promise.resolve(ticket());
      if (queue.length >= limits2.maxQueued) {
        refused += 1;
        return Promise.resolve(null);
      }
      const standing = limits2.standingAfterMs > 0 && timers.now() - lastEmptyAt >= limits2.standingAfterMs;
      const waitMs = standing ? Math.min(limits2.standingWaitMs, limits2.maxWaitMs) : limits2.maxWaitMs;
      return new Promise((resolve) => {
        const waiter = {
          resolve,
          timer: timers.setTimeout(() => {
            const index = queue.indexOf(waiter);
            if (index >= 0) queue.splice(index, 1);
            refused += 1;
            resolve(null);
          }, waitMs)
        };
        queue.push(waiter);
      });
    },
    stats: () => ({ inFlight, queued: queue.length, admitted, refused })
  };
}
function laneFor(method, path, { prefetch = false } = {}) {
  if (path.startsWith("/_next/static/") || path === "/icon.svg" || path === "/favicon.ico" || path === "/robots.txt") return "unlimited";
  if (path === "/api/live") return "unlimited";
  const signIn = path === "/sign-in" || path.startsWith("/sign-in/") || path.startsWith("/api/auth/");
  if (signIn) return method === "POST" ? "unlimited" : "sign-in";
  if (prefetch) return "prefetch";
  return "main";
}
var RETRY_AFTER_SECONDS = 2;
var BUSY_PAGE = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Error: Sorry, the service is busy \u2013 Victim Care Pathway</title></head>
<body><h1>Sorry, the service is busy</h1>
<p>Too many people are using the service at this moment. Nothing you sent was saved.</p>
<p>Wait a few seconds, then try again.</p></body></html>`;
function wholeOrZero(value, fallback) {
  return value !== void 0 && /^\d{1,6}$/.test(value) ? Number(value) : fallback;
}
function positive(value, fallback) {
  const number = wholeOrZero(value, fallback);
  return number > 0 ? number : fallback;
}
function laneLimitsFromEnv(env) {
  const standingAfterMs = wholeOrZero(env.VCP_STANDING_AFTER_MS, 100);
  const standingWaitMs = positive(env.VCP_STANDING_WAIT_MS, 10);
  return {
    main: {
      maxInFlight: positive(env.VCP_MAX_IN_FLIGHT, 2),
      maxQueued: positive(env.VCP_MAX_QUEUED, 64),
      maxWaitMs: positive(env.VCP_MAX_WAIT_MS, 1e3),
      standingAfterMs,
      standingWaitMs
    },
    prefetch: { maxInFlight: positive(env.VCP_MAX_IN_FLIGHT_PREFETCH, 4), maxQueued: 0, maxWaitMs: 1, standingAfterMs: 0, standingWaitMs: 1 },
    "sign-in": {
      maxInFlight: positive(env.VCP_MAX_IN_FLIGHT_SIGN_IN, 4),
      maxQueued: positive(env.VCP_MAX_QUEUED_SIGN_IN, 16),
      maxWaitMs: positive(env.VCP_MAX_WAIT_MS_SIGN_IN, 1e3),
      standingAfterMs,
      standingWaitMs
    }
  };
}

// src/lib/http/content-security-policy.ts
var SCRIPTLESS_POLICY = [
  "default-src 'self'",
  "script-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'"
].join("; ");

// src/lib/request-stats.ts
import { AsyncLocalStorage } from "node:async_hooks";
var KEY = /* @__PURE__ */ Symbol.for("victim-care-pathway.request-stats");
function storage() {
  const holder = globalThis;
  return holder[KEY] ??= new AsyncLocalStorage();
}
function runWithRequestStats(stats, work) {
  return storage().run(stats, work);
}

// scripts/serve.ts
var { values } = parseArgs({
  options: { port: { type: "string", short: "p", default: "3000" }, hostname: { type: "string", short: "H", default: "127.0.0.1" } }
});
var port = Number(values.port);
var processes = serverProcesses(process.env.SERVER_PROCESSES);
var hostname = values.hostname;
process.env.NODE_ENV = "production";
var limits = laneLimitsFromEnv(process.env);
var lanes = {
  main: createLane(limits.main),
  "sign-in": createLane(limits["sign-in"]),
  prefetch: createLane(limits.prefetch)
};
var statsLog = process.env.REQUEST_STATS === "on" && process.env.REQUEST_STATS_FILE ? createWriteStream(process.env.REQUEST_STATS_FILE, { flags: "a" }) : null;
function pathOf(request) {
  const url = request.url ?? "/";
  const query = url.indexOf("?");
  return query < 0 ? url : url.slice(0, query);
}
function refuseBusy(request, response) {
  const hasBody = request.headers["transfer-encoding"] !== void 0 || (request.headers["content-length"] ?? "0") !== "0";
  response.writeHead(503, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "retry-after": String(RETRY_AFTER_SECONDS),
    "content-security-policy": SCRIPTLESS_POLICY,
    "x-content-type-options": "nosniff",
    "strict-transport-security": "max-age=63072000; includeSubDomains",
    ...hasBody ? { connection: "close" } : {}
  });
  response.end(BUSY_PAGE);
}
async function main() {
  const app = next({ dev: false, hostname, port, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  function serve(request, response) {
    if (!statsLog) return void handle(request, response);
    const stats = { statements: 0, sqlMs: 0 };
    const started = performance.now();
    response.once("finish", () => {
      const line = {
        path: pathOf(request),
        method: request.method,
        status: response.statusCode,
        ms: performance.now() - started,
        statements: stats.statements,
        sqlMs: stats.sqlMs,
        // The server's resident memory as each request ends: the benchmark reports idle and peak.
        rssMb: Math.round(process.memoryUsage.rss() / 1048576),
        pid: process.pid
      };
      statsLog.write(`${JSON.stringify(line)}
`);
    });
    runWithRequestStats(stats, () => void handle(request, response));
  }
  const server = createServer((request, response) => {
    const lane = laneFor(request.method ?? "GET", pathOf(request), { prefetch: request.headers["next-router-prefetch"] !== void 0 });
    if (lane === "unlimited") return serve(request, response);
    void lanes[lane].enter().then((ticket) => {
      if (!ticket) return refuseBusy(request, response);
      response.once("finish", ticket.release);
      response.once("close", ticket.release);
      serve(request, response);
    });
  });
  server.listen(port, hostname, () => {
    const which = cluster.isWorker ? `Server process ${Number(process.env.SERVER_PROCESS_INDEX) + 1}: s` : "S";
    console.log(`${which}erving on http://${hostname}:${port} (at most ${limits.main.maxInFlight} pages at once, ${limits.main.maxQueued} waiting up to ${limits.main.maxWaitMs} ms${limits.main.standingAfterMs > 0 ? `, ${limits.main.standingWaitMs} ms once the queue has stood ${limits.main.standingAfterMs} ms` : ""})`);
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      server.close();
      statsLog?.end();
      server.closeAllConnections();
      process.exit(0);
    });
  }
}
function serverProcesses(setting) {
  if (setting === void 0 || setting === "") return 1;
  if (setting === "auto") return availableParallelism();
  if (/^\d+$/.test(setting) && Number(setting) >= 1 && Number(setting) <= 64) return Number(setting);
  console.error(`SERVER_PROCESSES must be "auto" or a whole number from 1 to 64, not ${JSON.stringify(setting)}`);
  process.exit(1);
}
function superviseServers(count) {
  let stopping = false;
  const recentStarts = [];
  const hashes = process.env.SIGN_IN_HASH_CONCURRENCY || String(Math.max(1, Math.floor(availableParallelism() / 2 / count)));
  const envOf = (index) => ({
    SERVER_PROCESS_INDEX: String(index),
    SIGN_IN_HASH_CONCURRENCY: hashes,
    // One job runner is enough; pg-boss and the sweeps' unique keys would keep several from doubling work.
    ...index > 0 ? { JOB_RUNNER: "off" } : {}
  });
  const indexOf = /* @__PURE__ */ new Map();
  const start = (index) => {
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
    const now = Date.now();
    recentStarts.push(now);
    while (recentStarts.length > 0 && recentStarts[0] < now - 6e4) recentStarts.shift();
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
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
      if (indexOf.size === 0) process.exit(0);
      setTimeout(() => {
        for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
        process.exit(0);
      }, 1e4).unref();
    });
  }
  console.log(`Starting ${count} server processes on http://${hostname}:${port}`);
}
if (processes > 1 && cluster.isPrimary) {
  superviseServers(processes);
} else {
  if (cluster.isWorker) process.once("disconnect", () => process.exit(0));
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
