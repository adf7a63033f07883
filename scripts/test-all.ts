// `npm test`: unit tests, then integration and end-to-end side by side (TEST_STAGES=sequential runs them
// one after the other). A failing stage fails the run. The last line, "N passed, N failed", sums every
// stage that ran (CI reads it). Interrupted (Ctrl-C, SIGTERM, a timeout), it stops its stages, whose
// servers and databases go with them, then drops any database of this run still left.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dropRunDatabases } from "./lib/database";
import { stopChild, waitForExit } from "./lib/spawn";

type Counts = { passed: number; failed: number };
type Stage = {
  name: string;
  /** How to stop it when interrupted: Playwright stops its web server on SIGINT, not on SIGTERM. */
  stopSignal?: NodeJS.Signals;
  command: string;
  args: string[];
  env?: Record<string, string>;
  report: string;
  count(json: unknown): Counts;
  /** Lines to print after the stage (the slowest files). */
  timings?(json: unknown): string[];
  /**
   * Run at this lower CPU priority (nice): set for the integration tests beside the e2e suite, which have
   * time to spare there, while the suite is a chain of one browser step after another, the run's long pole.
   */
  nice?: number;
  /** The failed tests, by file and name: printed again at the very end, where CI's excerpt of the log shows them. */
  failures(json: unknown): string[];
};

const reports = mkdtempSync(join(tmpdir(), "vcp-test-reports-"));
// Lower case and digits: it goes into database names (scripts/lib/database.ts).
const run = `t${randomBytes(4).toString("hex")}`;

function vitestStage(project: string): Stage {
  const report = join(reports, `${project}.json`);
  return {
    name: project,
    command: "node_modules/.bin/vitest",
    args: ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    report,
    count: (json) => {
      const r = json as { numPassedTests: number; numFailedTests: number };
      return { passed: r.numPassedTests, failed: r.numFailedTests };
    },
    failures: (json) => {
      type File = { name: string; message?: string; assertionResults: { status: string; fullName: string }[] };
      return (json as { testResults: File[] }).testResults.flatMap((file) => {
        const name = file.name.replace(`${process.cwd()}/`, "");
        const failed = file.assertionResults.filter((test) => test.status === "failed").map((test) => `${name} › ${test.fullName}`);
        // A file that fails to load has no failed test of its own, only a message.
        return failed.length === 0 && file.message ? [`${name}: ${file.message.split("\n")[0]}`] : failed;
      });
    },
    timings: (json) => {
      const files = (json as { testResults: { name: string; startTime: number; endTime: number }[] }).testResults;
      return slowest(files.map((f) => ({ name: f.name.replace(`${process.cwd()}/`, ""), ms: f.endTime - f.startTime })));
    },
  };
}

const e2eReport = join(reports, "e2e.json");
const e2e: Stage = {
  name: "e2e",
  stopSignal: "SIGINT",
  command: "node_modules/.bin/playwright",
  args: ["test", "--reporter=list,json"],
  env: { PLAYWRIGHT_JSON_OUTPUT_FILE: e2eReport },
  report: e2eReport,
  count: (json) => {
    // Flaky = failed once, passed on retry.
    const s = (json as { stats: { expected: number; unexpected: number; flaky: number } }).stats;
    return { passed: s.expected + s.flaky, failed: s.unexpected };
  },
  failures: (json) => {
    type Suite = { file: string; specs: { title: string; ok: boolean }[]; suites?: Suite[] };
    const failed: string[] = [];
    const walk = (suite: Suite) => {
      for (const spec of suite.specs ?? []) if (!spec.ok) failed.push(`${suite.file} › ${spec.title}`);
      for (const child of suite.suites ?? []) walk(child);
    };
    for (const suite of (json as { suites: Suite[] }).suites) walk(suite);
    return failed;
  },
  timings: (json) => {
    type Suite = { file: string; specs: { tests: { results: { duration: number }[] }[] }[]; suites?: Suite[] };
    const perFile = new Map<string, number>();
    const add = (suite: Suite) => {
      for (const spec of suite.specs ?? []) {
        for (const test of spec.tests) for (const result of test.results) perFile.set(suite.file, (perFile.get(suite.file) ?? 0) + result.duration);
      }
      for (const child of suite.suites ?? []) add(child);
    };
    for (const suite of (json as { suites: Suite[] }).suites) add(suite);
    return slowest([...perFile].map(([name, ms]) => ({ name, ms })));
  },
};

function slowest(files: { name: string; ms: number }[], count = 12): string[] {
  return files
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count)
    .map((f) => `${(f.ms / 1000).toFixed(1).padStart(7)} s  ${f.name}`);
}

const NICE = "/usr/bin/nice";
const children = new Map<ChildProcess, NodeJS.Signals>();
let interrupted = false;

/** Runs a stage; `quiet` keeps its output in a file, printed in one piece when it ends (two stages at once). */
async function runStage(stage: Stage, quiet = false): Promise<{ code: number; counts: Counts; seconds: number; failures: string[] }> {
  const started = Date.now();
  const logFile = join(reports, `${stage.name}.log`);
  // `nice` execs the command, so the child is the stage itself and signals reach it as before.
  const [command, args] = stage.nice && existsSync(NICE) ? [NICE, ["-n", String(stage.nice), stage.command, ...stage.args]] : [stage.command, stage.args];
  const child = spawn(command, args, {
    stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", VCP_TEST_RUN: run, ...stage.env },
  });
  children.set(child, stage.stopSignal ?? "SIGTERM");
  if (quiet) {
    const log = createWriteStream(logFile);
    child.stdout!.pipe(log, { end: false });
    child.stderr!.pipe(log, { end: false });
  }
  const code = await new Promise<number>((resolve) => {
    child.once("error", () => resolve(127));
    void waitForExit(child).then(resolve);
  });
  children.delete(child);
  const seconds = Math.round((Date.now() - started) / 1000);
  if (quiet) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    console.log(`\n=== ${stage.name} tests (ran alongside, ${seconds} s) ===\n`);
    if (existsSync(logFile)) process.stdout.write(readFileSync(logFile));
  }
  const json: unknown = existsSync(stage.report) ? JSON.parse(readFileSync(stage.report, "utf8")) : null;
  const counts = json ? stage.count(json) : { passed: 0, failed: 0 };
  // A stage that fails without a failed test (setup error, file that does not load) still counts as a failure.
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  console.log(`\n${stage.name}: ${counts.passed} passed, ${counts.failed} failed in ${seconds} s (exit code ${code})`);
  if (json && stage.timings) {
    console.log(`${stage.name}: slowest files`);
    for (const line of stage.timings(json)) console.log(line);
  }
  return { code, counts, seconds, failures: json ? stage.failures(json) : [] };
}

async function cleanUpAfterInterruption() {
  // Each stage stops its own servers and drops its databases on SIGTERM: give them the time to.
  await Promise.all([...children].map(([child, signal]) => stopChild(child, 30_000, signal)));
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const dropped = await dropRunDatabases(serverUrl, run).catch((error: unknown) => {
      console.error("Could not drop this run's databases:", error instanceof Error ? error.message : error);
      return [];
    });
    if (dropped.length > 0) console.error(`Dropped what the stopped stages left: ${dropped.join(", ")}`);
  }
}

function interrupt(why: string) {
  if (interrupted) return;
  interrupted = true;
  console.error(`\nnpm test: ${why}, stopping the tests and removing their servers and databases...`);
  void cleanUpAfterInterruption().finally(() => {
    rmSync(reports, { recursive: true, force: true });
    process.exit(130);
  });
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => interrupt(signal));
// npm, killed, does not pass the signal on: a parent gone is an interruption too.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) interrupt("its parent process ended");
}, 1_000).unref();

async function main() {
  const sequential = process.env.TEST_STAGES === "sequential";
  const total: Counts = { passed: 0, failed: 0 };
  let exitCode = 0;
  const failures: string[] = [];
  const add = (result: { code: number; counts: Counts; failures: string[] }, name: string) => {
    total.passed += result.counts.passed;
    total.failed += result.counts.failed;
    failures.push(...result.failures.map((failure) => `${name}: ${failure}`));
    if (result.code !== 0) {
      console.error(`\n${name} tests failed (exit code ${result.code}).`);
      exitCode ||= result.code;
    }
  };

  console.log("\n=== unit tests ===\n");
  add(await runStage(vitestStage("unit")), "unit");
  if (exitCode === 0 && !interrupted) {
    if (sequential) {
      console.log("\n=== integration tests ===\n");
      add(await runStage(vitestStage("integration")), "integration");
      if (exitCode === 0 && !interrupted) {
        console.log("\n=== e2e tests ===\n");
        add(await runStage(e2e), "e2e");
      }
    } else {
      // Side by side on two cores: the integration tests mostly wait on Postgres, and the e2e suite
      // spends its first minute preparing its database and starting the app. Integration's output is
      // printed in one piece when it ends; e2e's as it goes.
      console.log("\n=== integration and e2e tests, side by side (TEST_STAGES=sequential: one after the other) ===\n");
      const [integration, browser] = await Promise.all([runStage({ ...vitestStage("integration"), nice: 10 }, true), runStage(e2e)]);
      add(integration, "integration");
      add(browser, "e2e");
    }
  } else if (exitCode !== 0) {
    console.error("Later stages skipped.");
  }
  if (interrupted) return;
  rmSync(reports, { recursive: true, force: true });
  if (failures.length > 0) console.log(`\nFailed:\n${failures.map((failure) => `  ${failure}`).join("\n")}`);
  console.log(`\n${total.passed} passed, ${total.failed} failed`);
  process.exit(exitCode);
}

void main();
