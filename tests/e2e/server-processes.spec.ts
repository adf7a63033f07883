import { type ChildProcess } from "node:child_process";
import { get } from "node:http";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../scripts/lib/database";
import { startNext, waitForHttp } from "../../scripts/lib/next-app";
import { stopChild, waitForExit } from "../../scripts/lib/spawn";
import { E2E_AUTH_SECRET } from "./accounts";
import { expect, test } from "./fixtures";
import { POLICE_CASEWORKER, signIn } from "./support";

// SERVER_PROCESSES=2 (scripts/serve.ts): two copies of the server share one port, so both cores serve
// pages. Started here beside the suite's own server, on this worker's database, with the job runner off
// (the suite's server runs it). Embedded Postgres is one session for one server: the check needs a real
// one (DATABASE_URL), as CI has.
test.skip(!process.env.DATABASE_URL, "a second server needs a Postgres server (DATABASE_URL), not the embedded one");

type StatLine = { path: string; status: number; pid: number };

test("two server processes on one port: both answer a signed-in user, one that dies is replaced, a signal stops them all", async ({ page }) => {
  test.setTimeout(120_000);
  const statsDir = mkdtempSync(join(tmpdir(), "vcp-processes-"));
  const statsFile = join(statsDir, "requests.jsonl");
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server: ChildProcess = startNext(
    { port, host: "127.0.0.1" },
    {
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      AUTH_SECRET: E2E_AUTH_SECRET,
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      SERVER_PROCESSES: "2",
      JOB_RUNNER: "off",
      REQUEST_STATS: "on",
      REQUEST_STATS_FILE: statsFile,
    },
    { pipeOutput: true },
  );
  let output = "";
  server.stdout!.on("data", (chunk: Buffer) => void (output += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => void (output += chunk.toString()));
  const stats = (): StatLine[] =>
    readFileSync(statsFile, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as StatLine);
  // Each request on a connection of its own (no keep-alive): the primary hands out connections, not
  // requests, so a reused connection would always reach the same process.
  const queueAnswers = async (count: number) => {
    const cookie = (await page.context().cookies(origin)).map(({ name, value }) => `${name}=${value}`).join("; ");
    return Promise.all(Array.from({ length: count }, () => getOnNewConnection(`${origin}/queue`, cookie)));
  };
  try {
    await waitForHttp(`${origin}/sign-in`, { server, timeoutMs: 90_000 });
    // Cookies belong to the host, not the port: the session signed in on the suite's server is sent
    // to this one too, and both read sessions from the same database.
    await signIn(page, POLICE_CASEWORKER);

    // Each connection goes to the next process in turn: over a few rounds of parallel requests, both answer.
    let pids = new Set<number>();
    for (let round = 0; round < 10 && pids.size < 2; round += 1) {
      for (const answer of await queueAnswers(6)) {
        expect(answer.status).toBe(200);
        expect(answer.body).toContain("<h1");
      }
      pids = new Set(stats().filter((line) => line.path === "/queue").map((line) => line.pid));
    }
    expect(pids.size, output).toBe(2);
    expect(output).toMatch(/Server process 1: serving on/);
    expect(output).toMatch(/Server process 2: serving on/);

    // A process killed outright is started again; the other one goes on answering meanwhile.
    const [killed] = [...pids];
    process.kill(killed!, "SIGKILL");
    await expect.poll(() => output, { timeout: 10_000 }).toMatch(/Server process \d exited \(SIGKILL\); starting it again/);
    await expect
      .poll(
        async () => {
          const answers = await queueAnswers(4).catch(() => []);
          return answers.length === 4 && answers.every((answer) => answer.status === 200) ? new Set(stats().map((line) => line.pid)).size : 0;
        },
        { timeout: 60_000, intervals: [1_000] },
      )
      .toBeGreaterThanOrEqual(3);

    // SIGTERM to the primary stops every copy and frees the port.
    const everyPid = [...new Set(stats().map((line) => line.pid))];
    await stopChild(server, 15_000);
    expect(await waitForExit(server)).toBe(0);
    for (const pid of everyPid) expect(() => process.kill(pid, 0), `process ${pid} still running`).toThrow();
    await expect(fetch(`${origin}/sign-in`)).rejects.toThrow();
  } finally {
    await stopChild(server, 5_000);
    rmSync(statsDir, { recursive: true, force: true });
  }
});

test("a SERVER_PROCESSES setting that is not a number of processes stops the server with a message", async () => {
  const port = await freePort();
  const server = startNext({ port, host: "127.0.0.1" }, { SERVER_PROCESSES: "two", JOB_RUNNER: "off" }, { pipeOutput: true });
  let output = "";
  server.stderr!.on("data", (chunk: Buffer) => void (output += chunk.toString()));
  expect(await waitForExit(server)).toBe(1);
  expect(output).toContain('SERVER_PROCESSES must be "auto" or a whole number from 1 to 64, not "two"');
});

function getOnNewConnection(url: string, cookie: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = get(url, { agent: false, headers: { cookie } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => void (body += chunk));
      response.once("end", () => resolve({ status: response.statusCode ?? 0, body }));
      response.once("error", reject);
    });
    request.once("error", reject);
  });
}
