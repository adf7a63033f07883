// `npm test`: unit, integration, then end-to-end; stops at the first failing stage. The last line,
// "N passed, N failed", sums every stage that ran (CI reads it).
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCommand } from "./lib/spawn";

type Counts = { passed: number; failed: number };
type Stage = { name: string; command: string; args: string[]; env?: Record<string, string>; report: string; count(json: unknown): Counts };

const reports = mkdtempSync(join(tmpdir(), "vcp-test-reports-"));

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
  };
}

const e2eReport = join(reports, "e2e.json");
const stages: Stage[] = [
  vitestStage("unit"),
  vitestStage("integration"),
  {
    name: "e2e",
    command: "node_modules/.bin/playwright",
    args: ["test", "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_FILE: e2eReport },
    report: e2eReport,
    count: (json) => {
      // Flaky = failed once, passed on retry.
      const s = (json as { stats: { expected: number; unexpected: number; flaky: number } }).stats;
      return { passed: s.expected + s.flaky, failed: s.unexpected };
    },
  },
];

async function main() {
  const total: Counts = { passed: 0, failed: 0 };
  let exitCode = 0;
  for (const stage of stages) {
    console.log(`\n=== ${stage.name} tests ===\n`);
    const code = await runCommand(stage.command, stage.args, {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...stage.env },
    });
    const counts = existsSync(stage.report) ? stage.count(JSON.parse(readFileSync(stage.report, "utf8"))) : { passed: 0, failed: 0 };
    // A stage that fails without a failed test (setup error, file that does not load) still counts as a failure.
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    total.passed += counts.passed;
    total.failed += counts.failed;
    if (code !== 0) {
      console.error(`\n${stage.name} tests failed (exit code ${code}); later stages skipped.`);
      exitCode = code;
      break;
    }
  }
  rmSync(reports, { recursive: true, force: true });
  console.log(`\n${total.passed} passed, ${total.failed} failed`);
  process.exit(exitCode);
}

void main();
