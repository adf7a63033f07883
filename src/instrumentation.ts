// Runs once when a Next.js server process starts.
export async function register() {
  // The runner needs Node (pg-boss, a Postgres pool): never in the edge runtime, never during a build.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // JOB_RUNNER=off: a server that only serves pages, when another process runs the jobs.
  if (process.env.JOB_RUNNER === "off") return;
  const { startJobRunnerForServer } = await import("./server/jobs/start");
  await startJobRunnerForServer();
}
