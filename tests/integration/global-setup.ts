import type { TestProject } from "vitest/node";
import { prepareTestDatabase } from "../../scripts/lib/database";

declare module "vitest" {
  export interface ProvidedContext {
    /** The app role's URL: the app code under test and the tests connect with it. */
    databaseUrl: string;
    /** The schema owner's URL, for tests about the setup itself (the roles, the audit trigger). */
    databaseOwnerUrl: string;
    databaseKind: "server" | "embedded";
    databasePoolMax: string | undefined;
  }
}

// Runs once, outside the test workers; the URL reaches them through provide/inject (see setup.ts).
export default async function setup(project: TestProject) {
  const db = await prepareTestDatabase({ prefix: "vcp_it" });
  project.provide("databaseUrl", db.url);
  project.provide("databaseOwnerUrl", db.ownerUrl);
  project.provide("databaseKind", db.kind);
  project.provide("databasePoolMax", db.poolMax);
  return () => db.dispose();
}
