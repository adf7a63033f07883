// Runs once when a Next.js server process starts.
export async function register() {
  // The runner needs Node (pg-boss, a Postgres pool): never in the edge runtime, never during a build.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { isBuildPhase, serverEnv } = await import("./server/env");
  if (isBuildPhase()) return;
  // Checks the whole environment at start: a bad setting stops the server here, with its name.
  if (serverEnv().JOB_RUNNER === "off") return;
  const { startJobRunnerForServer } = await import("./server/jobs/start");
  await startJobRunnerForServer();
}
