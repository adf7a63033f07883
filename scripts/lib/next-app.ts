import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { type ChildProcess, spawn } from "node:child_process";
import { runOrThrow, type Env } from "./spawn";

const NEXT_BIN = "node_modules/next/dist/bin/next";
const BUILD_ID = ".next/BUILD_ID";
// Everything a production build is made from.
const BUILD_INPUTS = ["src", "public", "prisma/schema.prisma", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package.json", "package-lock.json"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why a build is needed, or null. SKIP_BUILD=1 accepts any existing build as it is. */
export function buildReason(): string | null {
  if (!existsSync(BUILD_ID)) return "no build yet";
  if (process.env.SKIP_BUILD === "1") return null;
  const builtAt = statSync(BUILD_ID).mtimeMs;
  const changed = BUILD_INPUTS.find((input) => newestMtime(input) > builtAt);
  return changed ? `${changed} changed since the last build` : null;
}

export async function buildIfNeeded(env: Env): Promise<void> {
  const reason = buildReason();
  if (!reason) {
    console.log("Using the existing production build (.next).");
    return;
  }
  console.log(`Building the app (${reason}); this takes about half a minute...`);
  await runOrThrow("next build", process.execPath, [NEXT_BIN, "build"], { env: { ...process.env, ...env } });
}

/**
 * Node's flags for the app server, as `npm start` passes them (package.json's start script, their one
 * home): `--max-semi-space-size=32` gives the young generation room for a page's garbage, so fewer
 * collections interrupt rendering (decision record 0040).
 */
export function serverNodeFlags(): string[] {
  const start = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start;
  const words = start.split(/\s+/);
  return words.slice(words.indexOf("node") + 1, words.indexOf("--import")).filter((word) => word.startsWith("--"));
}

/**
 * The app server (scripts/serve.ts: Next behind admission control), run by node itself, not through
 * npx or npm: killing those leaves the server holding the port.
 */
export function startNext(
  { port, host }: { port: number; host: string },
  env: Env,
  { pipeOutput = false, nodeArgs = [] as string[], wrapper = [] as string[] } = {},
) {
  // A wrapper (valgrind and its options: scripts/bench-cpu.ts --callgrind) runs node in the same process.
  const command = [...wrapper, process.execPath, ...serverNodeFlags(), ...nodeArgs, "--import", "tsx", "scripts/serve.ts", "-p", String(port), "-H", host];
  return spawn(command[0]!, command.slice(1), {
    stdio: pipeOutput ? ["ignore", "pipe", "pipe"] : "inherit",
    env: { ...process.env, ...env },
  });
}

/**
 * Waits until `url` answers with anything below 500 (redirects not followed). Throws after `timeoutMs`,
 * or at once if `server` exits first; returns early when `stop()` says the caller is shutting down.
 */
export async function waitForHttp(url: string, { timeoutMs = 120_000, server, stop }: { timeoutMs?: number; server?: ChildProcess; stop?: () => boolean } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answered = await fetch(url, { redirect: "manual" }).then((response) => response.status < 500, () => false);
    if (answered || stop?.()) return;
    if (server && (server.exitCode !== null || server.signalCode)) throw new Error(`The server for ${url} exited before it answered`);
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
