import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

export type Env = Record<string, string | undefined>;

// Always asynchronous: a synchronous spawn would block the embedded Postgres server that may be
// running inside this same process, and the child would wait for it forever.
export function runCommand(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 + signalNumber(signal) : 1)));
  });
}

export async function runOrThrow(label: string, command: string, args: string[], options: SpawnOptions = {}) {
  const code = await runCommand(command, args, options);
  if (code !== 0) throw new Error(`${label} failed (exit code ${code})`);
}

export function waitForExit(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  if (child.signalCode) return Promise.resolve(128 + signalNumber(child.signalCode));
  return new Promise((resolve) => {
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 + signalNumber(signal) : 1)));
  });
}

// SIGTERM (or `signal`), then SIGKILL if the child has not gone after `graceMs`.
export async function stopChild(child: ChildProcess, graceMs = 5_000, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode) return;
  const exited = waitForExit(child);
  child.kill(signal);
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

function signalNumber(signal: NodeJS.Signals): number {
  return ({ SIGINT: 2, SIGKILL: 9, SIGTERM: 15 } as Record<string, number>)[signal] ?? 1;
}
