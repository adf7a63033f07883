import type { TestProject } from "vitest/node";
import { prepareTestDatabase } from "../../scripts/lib/database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databasePoolMax: string | undefined;
  }
}

// Runs once, outside the test workers; the URL reaches them through provide/inject (see setup.ts).
export default async function setup(project: TestProject) {
  const db = await prepareTestDatabase({ prefix: "vcp_it" });
  project.provide("databaseUrl", db.url);
  project.provide("databasePoolMax", db.poolMax);
  return () => db.dispose();
}
