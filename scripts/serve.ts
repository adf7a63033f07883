// The production app server: Next's own request handler behind admission control, so that past
// capacity the service answers a quick "service busy" instead of slowing down for everyone
// (src/lib/http/admission-gate.ts, docs/decisions/0023). `npm start`, the demo and the end-to-end
// server all run it; it takes `next start`'s -p and -H.
//   node --import tsx scripts/serve.ts [-p 3000] [-H 127.0.0.1]
// With REQUEST_STATS=on (the load benchmark), it writes one JSON line per request to the file named
// by REQUEST_STATS_FILE: path, status, milliseconds in all and in SQL, the SQL statements sent, and
// the process's resident memory.
import { createWriteStream, type WriteStream } from "node:fs";
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

/** A plain page, no script, nothing stored; the connection is closed so an unread body is not waited for. */
function refuseBusy(response: ServerResponse) {
  response.writeHead(503, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "retry-after": String(RETRY_AFTER_SECONDS),
    "content-security-policy": SCRIPTLESS_POLICY,
    "x-content-type-options": "nosniff",
    "strict-transport-security": "max-age=63072000; includeSubDomains",
    connection: "close",
  });
  response.end(BUSY_PAGE);
}

async function main() {
  const app = next({ dev: false, hostname, port, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();

  function serve(request: IncomingMessage, response: ServerResponse) {
    if (!statsLog) return void handle(request, response);
    const stats: RequestStats = { statements: 0, sqlMs: 0 };
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
      };
      statsLog.write(`${JSON.stringify(line)}\n`);
    });
    runWithRequestStats(stats, () => void handle(request, response));
  }

  const server = createServer((request, response) => {
    const lane = laneFor(request.method ?? "GET", pathOf(request), { prefetch: request.headers["next-router-prefetch"] !== undefined });
    if (lane === "unlimited") return serve(request, response);
    void lanes[lane].enter().then((ticket) => {
      if (!ticket) return refuseBusy(response);
      // Whichever comes first: the response sent, or the client gone.
      response.once("finish", ticket.release);
      response.once("close", ticket.release);
      serve(request, response);
    });
  });
  server.listen(port, hostname, () => {
    console.log(`Serving on http://${hostname}:${port} (at most ${limits.main.maxInFlight} pages at once, ${limits.main.maxQueued} waiting up to ${limits.main.maxWaitMs} ms)`);
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

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
