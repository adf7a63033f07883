// Two app servers behind nginx on one machine, against one Postgres, and the check that this works:
// sessions and server actions whichever instance answers, a change on one instance reaching a browser
// connected to the other within 2 s (LISTEN/NOTIFY), and the job runner's sweeps running once across
// both (pg-boss on the shared database). See the README, "Two instances".
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres?sslmode=disable npm run two-instances
//   ... npm run two-instances -- --serve     keep everything running (proxy URL printed) until Ctrl-C
//
// It makes a fresh, seeded database on DATABASE_URL's server (the embedded PGlite cannot serve two
// processes: NOTIFY never leaves its one session), builds if needed, starts scripts/serve.ts twice and
// nginx (Debian's package: apt-get install -y nginx) as a child process with its own config in a
// temporary directory, runs tests/two-instances/ with Playwright, and on exit or Ctrl-C stops nginx,
// both servers and drops the database and its login role.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, prepareTestDatabase, type TestDatabase } from "./lib/database";
import { buildIfNeeded, startNext, waitForHttp } from "./lib/next-app";
import { runCommand, stopChild, waitForExit } from "./lib/spawn";

const NGINX = process.env.NGINX_BIN || ["/usr/sbin/nginx", "/usr/bin/nginx"].find((path) => existsSync(path));
const HOST = "127.0.0.1";
const serveOnly = process.argv.includes("--serve");

const children: ChildProcess[] = [];
let nginx: ChildProcess | null = null;
let db: TestDatabase | null = null;
let configDir: string | null = null;
let shuttingDown = false;

async function shutdown(exitCode: number): Promise<never> {
  if (shuttingDown) process.exit(exitCode);
  shuttingDown = true;
  if (nginx) await stopChild(nginx);
  await Promise.all(children.map((child) => stopChild(child)));
  if (db) await db.dispose().catch((error: unknown) => console.error("Could not remove the database:", error));
  if (configDir) rmSync(configDir, { recursive: true, force: true });
  process.exit(exitCode);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(130));

/** nginx in front of both: least connections (a live stream holds its connection), no buffering for /api/live. */
export function nginxConfig(dir: string, listenPort: number, upstreamPorts: number[]): string {
  return `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 2m;
  upstream vcp_app {
    least_conn;
${upstreamPorts.map((port) => `    server ${HOST}:${port};`).join("\n")}
    keepalive 16;
  }
  server {
    listen ${HOST}:${listenPort};
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    # The app checks a server action's Origin against the Host it was sent to: keep the browser's.
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    # Which instance answered, for the check (the app itself never reads it).
    add_header X-Upstream $upstream_addr always;
    location /api/live {
      proxy_pass http://vcp_app;
      proxy_buffering off;
      proxy_cache off;
      proxy_read_timeout 1h;
    }
    location / {
      proxy_pass http://vcp_app;
    }
  }
}
`;
}

/** Passes a child's output on, each line prefixed; resolves when a line matches `ready`. */
function watchOutput(child: ChildProcess, prefix: string, ready: RegExp): Promise<void> {
  return new Promise((resolve) => {
    for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
      let pending = "";
      stream?.setEncoding("utf8");
      stream?.on("data", (chunk: string) => {
        const lines = (pending + chunk).split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) {
          out.write(`${prefix} ${line}\n`);
          if (ready.test(line)) resolve();
        }
      });
    }
  });
}

async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function main() {
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to a Postgres server: two processes cannot share the embedded database.");
  if (!NGINX) throw new Error("nginx not found: apt-get install -y nginx (or set NGINX_BIN).");

  // The seed seals the demo accounts' second factors with it: the servers must have the same one.
  process.env.AUTH_SECRET ||= "two-instances-secret-not-for-production-0123456789";
  db = await prepareTestDatabase({ prefix: "vcp_two", seed: true });
  const env = {
    DATABASE_URL: db.url,
    DATABASE_POOL_MAX: db.poolMax ?? "5",
    AUTH_SECRET: process.env.AUTH_SECRET,
    AUTH_TRUST_HOST: "true",
    // nginx is the one proxy in front: the client's address is the one it adds.
    TRUSTED_PROXY_COUNT: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  await buildIfNeeded(env);

  const ports = [await freePort(), await freePort()];
  const runnersStarted = ports.map((port, index) => {
    const child = startNext({ port, host: HOST }, env, { pipeOutput: true });
    children.push(child);
    return watchOutput(child, `[instance ${index + 1}]`, /Job runner started/);
  });
  for (const child of children) {
    void waitForExit(child).then((code) => {
      if (!shuttingDown) {
        console.error(`An app server exited (code ${code})`);
        void shutdown(code || 1);
      }
    });
  }
  await Promise.all(ports.map((port) => waitForHttp(`http://${HOST}:${port}/sign-in`, { stop: () => shuttingDown })));

  configDir = mkdtempSync(join(tmpdir(), "vcp-nginx-"));
  const proxyPort = Number(process.env.TWO_INSTANCES_PORT) || (await freePort());
  writeFileSync(join(configDir, "nginx.conf"), nginxConfig(configDir, proxyPort, ports));
  nginx = spawn(NGINX, ["-p", configDir, "-c", join(configDir, "nginx.conf")], { stdio: "inherit" });
  void waitForExit(nginx).then((code) => {
    if (!shuttingDown) {
      console.error(`nginx exited (code ${code}); its log: ${configDir}/error.log`);
      void shutdown(code || 1);
    }
  });
  const proxyUrl = `http://${HOST}:${proxyPort}`;
  await waitForHttp(`${proxyUrl}/sign-in`, { stop: () => shuttingDown });
  // "Once across both" means little unless both run a job runner: wait for each to say it started.
  await withTimeout(Promise.all(runnersStarted), 60_000, "Both instances' job runners did not start within 60 s");
  const instances = ports.map((port) => `http://${HOST}:${port}`);
  console.log(`Two instances (${instances.join(", ")}) behind nginx at ${proxyUrl}, one database.`);

  if (serveOnly) {
    console.log("Serving until Ctrl-C.");
    await new Promise(() => {});
  }
  const code = await runCommand(process.execPath, ["node_modules/@playwright/test/cli.js", "test", "-c", "tests/two-instances/playwright.config.ts"], {
    env: { ...process.env, TWO_INSTANCES_PROXY: proxyUrl, TWO_INSTANCES_URLS: instances.join(","), E2E_DATABASE_URL: db.ownerUrl, AUTH_SECRET: env.AUTH_SECRET },
  });
  await shutdown(code);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});
