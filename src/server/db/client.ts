import "server-only";
import { serverEnv } from "../env";
import { createPrismaClient, type Db } from "./create-client";

// One client per server process; Next's dev server reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { vcpDb?: Db };

export const db: Db = globalForDb.vcpDb ?? createPrismaClient();
if (serverEnv().NODE_ENV !== "production") globalForDb.vcpDb = db;
