import type { TestProject } from "vitest/node";
import { prepareTestDatabase, type TestDatabase } from "../../scripts/lib/database";
import { INTEGRATION_WORKERS } from "./workers";

declare module "vitest" {
  export interface ProvidedContext {
    /** One per worker: the app role's URL (the app code under test and the tests connect with it). */
    databaseUrls: string[];
    /** One per worker: the schema owner's URL, for tests about the setup itself (roles, triggers). */
    databaseOwnerUrls: string[];
    databaseKind: "server" | "embedded";
    databasePoolMax: string | undefined;
  }
}

// Runs once, outside the test workers; the URLs reach them through provide/inject (see setup.ts).
// Each worker gets a database of its own, so test files running side by side never see each other's
// rows (several count whole tables to prove nothing was written).
export default async function setup(project: TestProject) {
  const databases: TestDatabase[] = [];
  try {
    for (let worker = 0; worker < INTEGRATION_WORKERS; worker++) databases.push(await prepareTestDatabase({ prefix: "vcp_it" }));
  } catch (error) {
    await Promise.all(databases.map((db) => db.dispose()));
    throw error;
  }
  project.provide("databaseUrls", databases.map((db) => db.url));
  project.provide("databaseOwnerUrls", databases.map((db) => db.ownerUrl));
  project.provide("databaseKind", databases[0]!.kind);
  project.provide("databasePoolMax", databases[0]!.poolMax);
  return async () => {
    await Promise.all(databases.map((db) => db.dispose()));
  };
}
